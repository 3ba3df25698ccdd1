package dev.silentdeals.crm.pipedrive;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.silentdeals.crm.CrmCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a Pipedrive sync stands, stored by the sync job as {@code pd1|PHASE|since|passStart|page}.
 *
 * <p>A full sync reads {@code OPEN_DEALS} (with each deal's activities and mail) then {@code CLOSED_DEALS}
 * (won or lost within the lookback). An incremental pass reads {@code CHANGED_DEALS}, {@code ACTIVITIES} and
 * {@code MAIL} changed since {@code since}. {@code passStart} is when the current pass began: the next pass
 * starts from it minus a small overlap. {@code page} is Pipedrive's own paging cursor within the phase.
 */
record SyncCursor(Phase phase, Instant since, Instant passStart, String page) {

    private static final Logger log = LoggerFactory.getLogger(SyncCursor.class);
    private static final String VERSION = "pd1";

    enum Phase {
        OPEN_DEALS, CLOSED_DEALS, CHANGED_DEALS, ACTIVITIES, MAIL;

        boolean isFullSync() {
            return this == OPEN_DEALS || this == CLOSED_DEALS;
        }
    }

    SyncCursor {
        page = page == null || page.isBlank() ? null : page;
    }

    static SyncCursor fullSync(Instant passStart) {
        return new SyncCursor(Phase.OPEN_DEALS, null, passStart, null);
    }

    static SyncCursor incremental(Instant since) {
        return new SyncCursor(Phase.CHANGED_DEALS, since, null, null);
    }

    /** Reads a stored cursor; an empty one, or one we cannot read, starts a full sync (logged). */
    static SyncCursor decode(CrmCursor cursor, Instant now) {
        if (cursor.isInitial()) {
            return fullSync(now);
        }
        String[] parts = cursor.value().split("\\|", 5);
        try {
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown format");
            }
            Phase phase = Phase.valueOf(parts[1]);
            Instant since = parts[2].isEmpty() ? null : Instant.parse(parts[2]);
            Instant passStart = parts[3].isEmpty() ? null : Instant.parse(parts[3]);
            if (!phase.isFullSync() && since == null) {
                throw new IllegalArgumentException("an incremental phase without a since time");
            }
            if (passStart == null) {
                // A stored cursor between passes: this call begins a new pass now.
                passStart = now;
            }
            return new SyncCursor(phase, since, passStart, parts[4]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            log.warn("Pipedrive sync cursor '{}' cannot be read ({}); starting a full sync", cursor.value(),
                    e.getMessage());
            return fullSync(now);
        }
    }

    CrmCursor encode() {
        return new CrmCursor(String.join("|", VERSION, phase.name(), since == null ? "" : since.toString(),
                passStart == null ? "" : passStart.toString(), page == null ? "" : page));
    }

    SyncCursor withPage(String nextPage) {
        return new SyncCursor(phase, since, passStart, nextPage);
    }

    SyncCursor startPhase(Phase next) {
        return new SyncCursor(next, since, passStart, null);
    }

    /** The cursor for the next incremental pass: everything changed since this pass began, minus the overlap. */
    SyncCursor nextPass(Duration overlap) {
        return incremental(passStart.minus(overlap));
    }
}
