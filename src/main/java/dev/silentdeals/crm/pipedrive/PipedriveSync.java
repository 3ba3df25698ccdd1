package dev.silentdeals.crm.pipedrive;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.pipedrive.SyncCursor.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads Pipedrive one page per call, phase by phase (see {@link SyncCursor}):
 * <ol>
 *   <li>{@code OPEN_DEALS}: {@code GET /api/v2/deals?status=open}, and for each deal its activities
 *       ({@code GET /api/v2/activities?deal_id=}) and mail ({@code GET /v1/deals/{id}/mailMessages}).</li>
 *   <li>{@code CLOSED_DEALS}: won or lost deals updated within the lookback; the last page is {@code complete}.</li>
 *   <li>{@code CHANGED_DEALS}: every deal with {@code update_time >= since}, deleted ones included (as closed).</li>
 *   <li>{@code ACTIVITIES}: every activity with {@code update_time >= since}.</li>
 *   <li>{@code MAIL}: open deals whose last incoming or outgoing mail is at or after {@code since}, then their
 *       mail; a new email does not have to change the deal's own {@code update_time}.</li>
 * </ol>
 */
final class PipedriveSync {

    private static final Logger log = LoggerFactory.getLogger(PipedriveSync.class);
    private static final String LIST_LIMIT = "500";
    private static final int MAX_PAGES_PER_DEAL = 20;

    private final PipedriveApi api;
    private final PipedriveDirectory directory;
    private final PipedriveProperties properties;
    private final Clock clock;

    PipedriveSync(PipedriveApi api, PipedriveDirectory directory, PipedriveProperties properties, Clock clock) {
        this.api = api;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    CrmChanges changesSince(CrmCursor stored) {
        Instant now = clock.instant();
        SyncCursor cursor = SyncCursor.decode(stored, now);
        directory.startCall();
        Page page = new Page(now);
        return switch (cursor.phase()) {
            case OPEN_DEALS -> openDeals(cursor, page);
            case CLOSED_DEALS -> closedDeals(cursor, page);
            case CHANGED_DEALS -> changedDeals(cursor, page);
            case ACTIVITIES -> activities(cursor, page);
            case MAIL -> mail(cursor, page);
        };
    }

    private CrmChanges openDeals(SyncCursor cursor, Page page) {
        JsonNode answer = api.get("/v2/deals", PipedriveApi.query("status", "open", "sort_by", "id",
                "sort_direction", "asc", "include_fields", "activities_count,email_messages_count",
                "limit", Integer.toString(properties.pageSize()), "cursor", cursor.page()));
        for (JsonNode deal : answer.path("data").values()) {
            Optional<CrmDeal> read = page.readDeal(deal);
            if (read.isEmpty()) {
                continue;
            }
            long dealId = Long.parseLong(read.get().id());
            if (PipedriveFields.count(deal, "activities_count") != 0) {
                page.addActivities(dealId);
            }
            if (PipedriveFields.count(deal, "email_messages_count") != 0) {
                page.addMail(dealId);
            }
        }
        return page.then(cursor, nextCursor(answer), Phase.CLOSED_DEALS);
    }

    private CrmChanges closedDeals(SyncCursor cursor, Page page) {
        Instant closedSince = cursor.passStart().minus(properties.closedLookback());
        JsonNode answer = api.get("/v2/deals", PipedriveApi.query("status", "won,lost",
                "updated_since", PipedriveFields.rfc3339(closedSince), "sort_by", "update_time",
                "sort_direction", "asc", "limit", Integer.toString(properties.pageSize()), "cursor", cursor.page()));
        answer.path("data").values().forEach(page::readDeal);
        String next = nextCursor(answer);
        if (next != null) {
            return page.changes(cursor.withPage(next), true, false);
        }
        return page.changes(cursor.nextPass(properties.syncOverlap()), false, true);
    }

    private CrmChanges changedDeals(SyncCursor cursor, Page page) {
        JsonNode answer = api.get("/v2/deals", PipedriveApi.query("status", "open,won,lost,deleted",
                "updated_since", PipedriveFields.rfc3339(cursor.since()), "sort_by", "update_time",
                "sort_direction", "asc", "limit", Integer.toString(properties.pageSize()), "cursor", cursor.page()));
        answer.path("data").values().forEach(page::readDeal);
        return page.then(cursor, nextCursor(answer), Phase.ACTIVITIES);
    }

    private CrmChanges activities(SyncCursor cursor, Page page) {
        JsonNode answer = api.get("/v2/activities", PipedriveApi.query("updated_since",
                PipedriveFields.rfc3339(cursor.since()), "sort_by", "update_time", "sort_direction", "asc",
                "limit", LIST_LIMIT, "cursor", cursor.page()));
        answer.path("data").values().forEach(page::readActivity);
        return page.then(cursor, nextCursor(answer), Phase.MAIL);
    }

    private CrmChanges mail(SyncCursor cursor, Page page) {
        JsonNode answer = api.get("/v2/deals", PipedriveApi.query("status", "open", "sort_by", "id",
                "sort_direction", "asc", "include_fields", "last_incoming_mail_time,last_outgoing_mail_time",
                "limit", LIST_LIMIT, "cursor", cursor.page()));
        for (JsonNode deal : answer.path("data").values()) {
            if (mailedSince(deal, cursor.since())) {
                PipedriveFields.id(deal, "id").ifPresent(page::addMail);
            }
        }
        String next = nextCursor(answer);
        if (next != null) {
            return page.changes(cursor.withPage(next), true, false);
        }
        return page.changes(cursor.nextPass(properties.syncOverlap()), false, false);
    }

    private static boolean mailedSince(JsonNode deal, Instant since) {
        for (String field : List.of("last_incoming_mail_time", "last_outgoing_mail_time")) {
            String time = PipedriveFields.text(deal, field);
            if (time == null || time.isBlank()) {
                continue;
            }
            try {
                if (!PipedriveFields.instant(time).isBefore(since)) {
                    return true;
                }
            } catch (DateTimeParseException e) {
                return true; // unreadable: fetch the mail rather than miss a reply
            }
        }
        return false;
    }

    private static String nextCursor(JsonNode answer) {
        String next = PipedriveFields.text(answer.path("additional_data"), "next_cursor");
        return next == null || next.isBlank() ? null : next;
    }

    /** One call's results, with the lookups its deals need cached for the call. */
    private final class Page implements DealReader.Lookups {

        private final Instant now;
        private final List<CrmDeal> deals = new ArrayList<>();
        private final List<CrmTouch> touches = new ArrayList<>();
        private final Map<Long, DealReader.Person> persons = new HashMap<>();
        private final Map<Long, String> organizations = new HashMap<>();
        private int skipped;

        Page(Instant now) {
            this.now = now;
        }

        Optional<CrmDeal> readDeal(JsonNode deal) {
            try {
                CrmDeal read = DealReader.read(deal, this);
                deals.add(read);
                return Optional.of(read);
            } catch (MalformedRecordException e) {
                skip(e);
                return Optional.empty();
            }
        }

        void readActivity(JsonNode activity) {
            try {
                ActivityReader.read(activity, now).ifPresent(touches::add);
            } catch (MalformedRecordException e) {
                skip(e);
            }
        }

        void addActivities(long dealId) {
            String cursor = null;
            int pages = 0;
            do {
                JsonNode answer = api.get("/v2/activities", PipedriveApi.query("deal_id", Long.toString(dealId),
                        "limit", LIST_LIMIT, "cursor", cursor));
                answer.path("data").values().forEach(this::readActivity);
                cursor = nextCursor(answer);
            } while (cursor != null && ++pages < MAX_PAGES_PER_DEAL);
        }

        void addMail(long dealId) {
            String deal = Long.toString(dealId);
            int start = 0;
            for (int pages = 0; pages < MAX_PAGES_PER_DEAL; pages++) {
                JsonNode answer;
                try {
                    answer = api.get("/v1/deals/" + dealId + "/mailMessages", PipedriveApi.query(
                            "start", Integer.toString(start), "limit", LIST_LIMIT));
                } catch (PipedriveRefusedException e) {
                    if (e.isNotFound()) {
                        return; // the deal went away between the listing and this call
                    }
                    throw e;
                }
                for (JsonNode item : answer.path("data").values()) {
                    try {
                        MailReader.read(item, deal, directory.ourAddresses()).ifPresent(touches::add);
                    } catch (MalformedRecordException e) {
                        skip(e);
                    }
                }
                JsonNode paging = answer.path("additional_data").has("pagination")
                        ? answer.path("additional_data").path("pagination") : answer.path("additional_data");
                if (!PipedriveFields.flag(paging, "more_items_in_collection")) {
                    return;
                }
                start = nextStart(paging, start + answer.path("data").size());
            }
        }

        private static int nextStart(JsonNode paging, int fallback) {
            String nextStart = PipedriveFields.text(paging, "next_start");
            try {
                return nextStart == null ? fallback : Integer.parseInt(nextStart.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        @Override
        public String stageName(long stageId) {
            return directory.stageName(stageId);
        }

        @Override
        public String ownerEmail(long userId) {
            return directory.userEmail(userId);
        }

        @Override
        public DealReader.Person person(long personId) {
            return persons.computeIfAbsent(personId, id -> {
                try {
                    return DealReader.person(api.get("/v2/persons/" + id, Map.of()).path("data"));
                } catch (PipedriveRefusedException e) {
                    if (e.isNotFound()) {
                        return DealReader.Person.NONE;
                    }
                    throw e;
                }
            });
        }

        @Override
        public String organizationName(long orgId) {
            return organizations.computeIfAbsent(orgId, id -> {
                try {
                    String name = PipedriveFields.text(api.get("/v2/organizations/" + id, Map.of()).path("data"),
                            "name");
                    return name == null ? "" : name.strip();
                } catch (PipedriveRefusedException e) {
                    if (e.isNotFound()) {
                        return "";
                    }
                    throw e;
                }
            });
        }

        /** Next page of this phase when Pipedrive has one, else the first page of {@code nextPhase}. */
        CrmChanges then(SyncCursor cursor, String nextPage, Phase nextPhase) {
            SyncCursor next = nextPage != null ? cursor.withPage(nextPage) : cursor.startPhase(nextPhase);
            return changes(next, true, false);
        }

        CrmChanges changes(SyncCursor next, boolean hasMore, boolean complete) {
            return new CrmChanges(deals, touches, next.encode(), hasMore, complete, skipped);
        }

        private void skip(MalformedRecordException e) {
            skipped++;
            log.warn("Skipped Pipedrive {} {}: {}", e.recordType(), e.recordId(), e.why());
        }
    }
}
