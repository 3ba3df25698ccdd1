package dev.silentdeals.crm.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.silentdeals.crm.CrmCursor;

/**
 * Where a Salesforce sync stands, stored by the sync job as a small JSON {@link CrmCursor}.
 *
 * <p>A FULL pass reads every open deal (and those closed lately) page by page, each page with its touches.
 * An INCREMENTAL pass reads what changed since {@code since} (by SystemModstamp) in four phases: deals,
 * then tasks, events and email messages. Within a phase, {@code locator} is Salesforce's
 * {@code nextRecordsUrl}; {@code after} is the last SystemModstamp seen, so the phase can start again from
 * there when the locator has expired. {@code passStart} is when the pass began: the next pass looks again
 * from there (minus an overlap). {@code lastFullStart} says when the last full pass began. {@code skippedDeals}
 * counts the opportunities this pass could not read: a full pass that skipped one is not complete, so that deal is
 * not taken for a deleted one.
 */
record SyncCursor(Mode mode, Phase phase, Instant since, Instant passStart, Instant lastFullStart, Instant after,
                  String locator, int skippedDeals) {

    enum Mode { FULL, INCREMENTAL }

    enum Phase { OPPORTUNITIES, TASKS, EVENTS, EMAILS }

    static SyncCursor firstFull() {
        return new SyncCursor(Mode.FULL, Phase.OPPORTUNITIES, null, null, null, null, null, 0);
    }

    boolean atPassStart() {
        return passStart == null;
    }

    /** Marks the pass as begun at {@code now}, as a full pass when one is due. */
    SyncCursor begin(Instant now, Duration fullSyncEvery) {
        boolean fullDue = mode == Mode.FULL || since == null
                || (!fullSyncEvery.isZero() && (lastFullStart == null
                || !lastFullStart.plus(fullSyncEvery).isAfter(now)));
        return fullDue ? new SyncCursor(Mode.FULL, Phase.OPPORTUNITIES, null, now, lastFullStart, null, null, 0)
                : new SyncCursor(Mode.INCREMENTAL, Phase.OPPORTUNITIES, since, now, lastFullStart, null, null, 0);
    }

    /** The next batch of this phase; {@code skippedOnPage} opportunities of the page just read were unreadable. */
    SyncCursor continueWith(String nextRecordsUrl, Instant lastSeen, int skippedOnPage) {
        Instant newAfter = after == null || (lastSeen != null && lastSeen.isAfter(after)) ? lastSeen : after;
        return new SyncCursor(mode, phase, since, passStart, lastFullStart, newAfter, nextRecordsUrl,
                skippedDeals + skippedOnPage);
    }

    /** True when this page, the last of a full pass, saw every deal in scope (none was unreadable). */
    boolean completesFullPass(int skippedOnPage) {
        return mode == Mode.FULL && skippedDeals + skippedOnPage == 0;
    }

    /** The same phase from {@code after} again, without the (expired) locator. */
    SyncCursor withoutLocator() {
        return new SyncCursor(mode, phase, since, passStart, lastFullStart, after, null, skippedDeals);
    }

    /** The next phase of this pass, or empty when this was the last one. */
    Optional<SyncCursor> nextPhase() {
        if (mode == Mode.FULL || phase == Phase.EMAILS) {
            return Optional.empty();
        }
        Phase next = Phase.values()[phase.ordinal() + 1];
        return Optional.of(new SyncCursor(mode, next, since, passStart, lastFullStart, null, null, skippedDeals));
    }

    /** The first position of the next pass: incremental from this pass's start minus {@code overlap}. */
    SyncCursor nextPass(Duration overlap) {
        Instant lastFull = mode == Mode.FULL ? passStart : lastFullStart;
        return new SyncCursor(Mode.INCREMENTAL, Phase.OPPORTUNITIES, passStart.minus(overlap), null, lastFull, null,
                null, 0);
    }

    CrmCursor toCrmCursor(JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("v", 1);
        node.put("mode", mode.name());
        node.put("phase", phase.name());
        putInstant(node, "since", since);
        putInstant(node, "passStart", passStart);
        putInstant(node, "lastFull", lastFullStart);
        putInstant(node, "after", after);
        if (locator != null) {
            node.put("next", locator);
        }
        node.put("skippedDeals", skippedDeals);
        return new CrmCursor(json.writeValueAsString(node));
    }

    /** Reads a stored cursor; the initial cursor means a first full pass. */
    static SyncCursor from(CrmCursor cursor, JsonMapper json) {
        if (cursor == null || cursor.isInitial()) {
            return firstFull();
        }
        try {
            JsonNode node = json.readTree(cursor.value());
            if (node.path("v").asInt(0) != 1) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            String locator = node.hasNonNull("next") ? node.get("next").asString() : null;
            if (locator != null && !SalesforceClient.isQueryLocator(locator)) {
                throw new IllegalArgumentException("the stored nextRecordsUrl is not a Salesforce query locator");
            }
            SyncCursor parsed = new SyncCursor(Mode.valueOf(node.path("mode").asString("")),
                    Phase.valueOf(node.path("phase").asString("")), instant(node, "since"),
                    instant(node, "passStart"), instant(node, "lastFull"), instant(node, "after"), locator,
                    node.path("skippedDeals").asInt(0));
            if (parsed.mode == Mode.INCREMENTAL && parsed.since == null) {
                throw new IllegalArgumentException("an incremental cursor without 'since'");
            }
            return parsed;
        } catch (JacksonException | DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable cursor: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void putInstant(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static Instant instant(JsonNode node, String name) {
        return node.hasNonNull(name) ? Instant.parse(node.get(name).asString()) : null;
    }
}
