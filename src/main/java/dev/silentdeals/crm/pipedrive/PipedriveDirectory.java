package dev.silentdeals.crm.pipedrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Stage names ({@code GET /api/v2/stages}) and users' emails ({@code GET /v1/users}), cached because they
 * change rarely: reloaded after an hour, or once per sync call when a deal names an id we do not know yet.
 */
final class PipedriveDirectory {

    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final int MAX_STAGE_PAGES = 20;

    private final PipedriveApi api;
    private final Clock clock;
    private Map<Long, String> stageNames = Map.of();
    private Map<Long, String> userEmails = Map.of();
    private Set<String> ourAddresses = Set.of();
    private Instant loadedAt;
    private boolean reloadedThisCall;

    PipedriveDirectory(PipedriveApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Called at the start of each sync call: allows one more reload for ids we do not know yet. */
    synchronized void startCall() {
        reloadedThisCall = false;
    }

    synchronized String stageName(long stageId) {
        loadIfStale();
        if (!stageNames.containsKey(stageId)) {
            reloadOnce();
        }
        return stageNames.getOrDefault(stageId, "");
    }

    synchronized String userEmail(long userId) {
        loadIfStale();
        if (!userEmails.containsKey(userId)) {
            reloadOnce();
        }
        return userEmails.getOrDefault(userId, "");
    }

    /** Every Pipedrive user's address, lower-cased: mail from these is our side writing. */
    synchronized Set<String> ourAddresses() {
        loadIfStale();
        return ourAddresses;
    }

    private void loadIfStale() {
        if (loadedAt == null || Duration.between(loadedAt, clock.instant()).compareTo(MAX_AGE) > 0) {
            reload();
        }
    }

    private void reloadOnce() {
        if (!reloadedThisCall) {
            reload();
        }
    }

    private void reload() {
        reloadedThisCall = true;
        Map<Long, String> stages = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/v2/stages", PipedriveApi.query("limit", "500", "cursor", cursor));
            for (JsonNode stage : page.path("data").values()) {
                PipedriveFields.id(stage, "id").ifPresent(id -> stages.put(id,
                        PipedriveFields.hasText(stage, "name") ? PipedriveFields.text(stage, "name").strip() : ""));
            }
            cursor = PipedriveFields.text(page.path("additional_data"), "next_cursor");
        } while (cursor != null && !cursor.isBlank() && ++pages < MAX_STAGE_PAGES);

        Map<Long, String> emails = new HashMap<>();
        Set<String> addresses = new HashSet<>();
        for (JsonNode user : api.get("/v1/users", Map.of()).path("data").values()) {
            String email = PipedriveFields.text(user, "email");
            String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
            PipedriveFields.id(user, "id").ifPresent(id -> emails.put(id, normalised));
            if (!normalised.isEmpty()) {
                addresses.add(normalised);
            }
        }
        stageNames = Map.copyOf(stages);
        userEmails = Map.copyOf(emails);
        ourAddresses = Set.copyOf(addresses);
        loadedAt = clock.instant();
    }
}
