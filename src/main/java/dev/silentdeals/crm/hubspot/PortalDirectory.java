package dev.silentdeals.crm.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What the portal says about its people and pipelines, cached for a while: owner id to e-mail (the rep),
 * the set of our own people's e-mails (to tell the direction of a forwarded e-mail), and each deal stage's
 * label and whether it is closed.
 */
final class PortalDirectory {

    record Stage(String label, boolean closed) {
    }

    private static final Logger log = LoggerFactory.getLogger(PortalDirectory.class);
    /** An unknown owner id reloads the owners, but not more often than this. */
    private static final Duration RELOAD_FOR_UNKNOWN = Duration.ofMinutes(1);

    private final HubSpotApi api;
    private final Clock clock;
    private final Duration ttl;

    private Map<String, String> ownerEmails = Map.of();
    private Set<String> internalEmails = Set.of();
    private Map<String, Stage> stages = Map.of();
    private Instant loadedAt;
    private final Set<String> reportedUnknownOwners = new HashSet<>();

    PortalDirectory(HubSpotApi api, Clock clock, Duration ttl) {
        this.api = api;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The owner's e-mail, or {@code ""} when HubSpot does not know the owner (logged). */
    synchronized String ownerEmail(String ownerId) {
        if (ownerId == null) {
            return "";
        }
        refreshIfOlderThan(ttl);
        if (!ownerEmails.containsKey(ownerId)) {
            refreshIfOlderThan(RELOAD_FOR_UNKNOWN);
        }
        String email = ownerEmails.get(ownerId);
        if (email == null) {
            if (reportedUnknownOwners.add(ownerId)) {
                log.warn("HubSpot owner {} is not among the portal's active owners; the deal has no rep e-mail",
                        ownerId);
            }
            return "";
        }
        return email;
    }

    synchronized boolean isInternal(String email) {
        refreshIfOlderThan(ttl);
        return email != null && internalEmails.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    synchronized Stage stage(String stageId) {
        refreshIfOlderThan(ttl);
        return stageId == null ? null : stages.get(stageId);
    }

    private void refreshIfOlderThan(Duration age) {
        Instant now = clock.instant();
        if (loadedAt != null && !now.isAfter(loadedAt.plus(age))) {
            return;
        }
        loadOwners();
        loadStages();
        loadedAt = now;
    }

    private void loadOwners() {
        Map<String, String> emails = new HashMap<>();
        Set<String> internal = new HashSet<>();
        for (JsonNode owner : api.owners()) {
            String id = Json.text(owner, "id");
            String email = Json.text(owner, "email");
            if (id != null && email != null) {
                emails.put(id, email);
                internal.add(email.toLowerCase(Locale.ROOT));
            }
        }
        ownerEmails = Map.copyOf(emails);
        internalEmails = Set.copyOf(internal);
    }

    /** Stage labels are a nicety: without the pipelines scope we fall back to stage ids. */
    private void loadStages() {
        try {
            Map<String, Stage> found = new HashMap<>();
            for (JsonNode pipeline : api.dealPipelines().path("results")) {
                for (JsonNode stage : pipeline.path("stages")) {
                    String id = Json.text(stage, "id");
                    if (id != null) {
                        String label = Json.text(stage, "label");
                        boolean closed = "true".equalsIgnoreCase(Json.text(stage.path("metadata"), "isClosed"));
                        found.put(id, new Stage(label == null ? id : label, closed));
                    }
                }
            }
            stages = Map.copyOf(found);
        } catch (HubSpotRefusedException e) {
            log.warn("HubSpot deal pipelines unavailable ({}); deal stages are shown by id", e.getMessage());
        }
    }
}
