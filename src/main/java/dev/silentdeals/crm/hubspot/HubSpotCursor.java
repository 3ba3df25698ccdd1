package dev.silentdeals.crm.hubspot;

import java.time.Duration;
import java.time.Instant;

import dev.silentdeals.crm.CrmCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a HubSpot sync stands, stored by the sync job as a small JSON string.
 *
 * <p>Deals are read through the search API sorted by {@code hs_lastmodifieddate} ascending, filtered on
 * {@code hs_lastmodifieddate >= since}. After each page the lower bound moves up to the last modified date
 * seen (keyset paging), so one window never comes near the search API's 10,000-result cap and a deal edited
 * mid-pass (which jumps to the end of the order) cannot push an unseen deal out of reach. Only when a whole
 * page shares one timestamp does the cursor page on within it with HubSpot's {@code after}.
 *
 * <p>The search API does not return archived (deleted) deals, so an incremental pass never sees a deal go. A full
 * pass is therefore forced once {@code fullSyncEvery} has passed since the last one began: its last page lets the
 * sync job mark the deals it did not see as gone.
 *
 * @param mode          FULL (open and recently closed deals; the last page is complete) or INCREMENTAL
 * @param since         epoch millis, the lower bound of the next page's search
 * @param after         HubSpot's paging token within {@code since}, or empty
 * @param passStartedAt epoch millis when this pass began (0: not begun); the next pass starts there minus the
 *                      overlap, so changes HubSpot indexed late are read again
 * @param partial       a deal was skipped in this pass, so a full pass must not claim to be complete
 * @param lastFullStartedAt epoch millis when the last full pass began (0: not known, so one is due)
 */
record HubSpotCursor(Mode mode, long since, String after, long passStartedAt, boolean partial,
                     long lastFullStartedAt) {

    enum Mode { FULL, INCREMENTAL }

    /** HubSpot returns at most this many results for one search, however it is paged. */
    static final int SEARCH_RESULT_CAP = 10_000;

    private static final Logger log = LoggerFactory.getLogger(HubSpotCursor.class);

    HubSpotCursor {
        after = after == null ? "" : after;
    }

    static HubSpotCursor fullSync() {
        return new HubSpotCursor(Mode.FULL, 0, "", 0, false, 0);
    }

    /** Reads a stored cursor; an empty one means a full sync, and so does one we cannot read (logged). */
    static HubSpotCursor read(CrmCursor cursor, JsonMapper json) {
        if (cursor == null || cursor.isInitial()) {
            return fullSync();
        }
        try {
            JsonNode node = json.readTree(cursor.value());
            Mode mode = Mode.valueOf(node.path("mode").asString());
            return new HubSpotCursor(mode, node.path("since").asLong(), Json.textOrEmpty(node, "after"),
                    node.path("passStartedAt").asLong(), node.path("partial").asBoolean(),
                    node.path("lastFullStartedAt").asLong());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("HubSpot sync cursor '{}' is unreadable ({}); starting a full sync", cursor.value(),
                    e.getClass().getSimpleName());
            return fullSync();
        }
    }

    CrmCursor write(JsonMapper json) {
        ObjectNode node = json.createObjectNode().put("v", 1).put("mode", mode.name()).put("since", since)
                .put("after", after).put("passStartedAt", passStartedAt).put("partial", partial)
                .put("lastFullStartedAt", lastFullStartedAt);
        return new CrmCursor(json.writeValueAsString(node));
    }

    /**
     * Marks the start of a pass the first time one of its pages is read; an incremental pass becomes a full one
     * from the start when {@code fullSyncEvery} (zero: never) has passed since the last full pass began.
     */
    HubSpotCursor started(Instant now, Duration fullSyncEvery) {
        if (passStartedAt > 0) {
            return this;
        }
        if (mode == Mode.INCREMENTAL && fullPassDue(now, fullSyncEvery)) {
            return new HubSpotCursor(Mode.FULL, 0, "", now.toEpochMilli(), false, lastFullStartedAt);
        }
        return new HubSpotCursor(mode, since, after, now.toEpochMilli(), partial, lastFullStartedAt);
    }

    private boolean fullPassDue(Instant now, Duration fullSyncEvery) {
        return !fullSyncEvery.isZero() && lastFullStartedAt + fullSyncEvery.toMillis() <= now.toEpochMilli();
    }

    /**
     * The cursor for the next page of this pass.
     *
     * @param lastModified the latest {@code hs_lastmodifieddate} on this page (null when none was readable)
     * @param nextAfter    HubSpot's {@code paging.next.after} for this page
     * @param skippedDeal  a deal on this page could not be read
     */
    HubSpotCursor nextPage(Instant lastModified, String nextAfter, boolean skippedDeal, int pageSize) {
        boolean nowPartial = partial || skippedDeal;
        if (lastModified != null && lastModified.toEpochMilli() > since) {
            return new HubSpotCursor(mode, lastModified.toEpochMilli(), "", passStartedAt, nowPartial,
                    lastFullStartedAt);
        }
        if (nearCap(nextAfter, pageSize)) {
            log.warn("HubSpot: more than {} deals share the modified date {}; moving past it",
                    SEARCH_RESULT_CAP - pageSize, Instant.ofEpochMilli(since));
            return new HubSpotCursor(mode, since + 1, "", passStartedAt, nowPartial, lastFullStartedAt);
        }
        return new HubSpotCursor(mode, since, nextAfter, passStartedAt, nowPartial, lastFullStartedAt);
    }

    /** The cursor for the next incremental pass, once this pass has read its last page. */
    HubSpotCursor nextPass(Duration overlap) {
        long from = Math.max(0, passStartedAt - overlap.toMillis());
        long lastFull = mode == Mode.FULL ? passStartedAt : lastFullStartedAt;
        return new HubSpotCursor(Mode.INCREMENTAL, from, "", 0, false, lastFull);
    }

    /** True when this page, the last of its pass, lets the sync job mark unseen deals as gone. */
    boolean completesFullSync(boolean skippedDeal) {
        return mode == Mode.FULL && !partial && !skippedDeal;
    }

    private static boolean nearCap(String after, int pageSize) {
        try {
            return Long.parseLong(after) + pageSize > SEARCH_RESULT_CAP;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
