package dev.silentdeals.crm.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.CrmUnavailableException;

/**
 * Salesforce as a {@link CrmAdapter}: reads opportunities and their activities over the REST API and records
 * truths as completed Tasks. See docs/crm-salesforce.md for the mapping and the sync passes.
 */
final class SalesforceCrmAdapter implements CrmAdapter {

    private static final Logger log = LoggerFactory.getLogger(SalesforceCrmAdapter.class);
    /** Ids per IN list: keeps each query URL far below Salesforce's URI length limit. */
    private static final int IDS_PER_QUERY = 200;

    private final SalesforceProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final ApiUsage usage;
    private final SalesforceClient client;
    private final SalesforceQueries queries;
    private final SalesforceRecords records;

    SalesforceCrmAdapter(SalesforceProperties properties, CrmHttpClient http, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.usage = new ApiUsage(clock, properties.apiUsageStopShare(), properties.dailyApiAllocation());
        this.client = new SalesforceClient(properties, http, new SalesforceTokens(properties, http, json), usage, json);
        this.queries = new SalesforceQueries(properties);
        this.records = new SalesforceRecords(properties);
    }

    ApiUsage apiUsage() {
        return usage;
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public CrmChanges changesSince(CrmCursor cursor) {
        SyncCursor stored = readCursor(cursor);
        SyncCursor position = stored.atPassStart() ? stored.begin(clock.instant(), properties.fullSyncEvery()) : stored;
        Page page = switch (position.phase()) {
            case OPPORTUNITIES -> dealPage(position);
            case TASKS -> changedTaskPage(position);
            case EVENTS -> touchPage(position, queries.changedEvents(position.since(), position.after()),
                    "changed Events", records::eventTouch);
            case EMAILS -> touchPage(position, queries.changedEmails(position.since(), position.after()),
                    "changed EmailMessages", records::emailTouch);
        };

        SyncCursor next;
        boolean hasMore;
        boolean complete = false;
        if (page.nextRecordsUrl != null) {
            next = position.continueWith(page.nextRecordsUrl, page.lastModstamp, page.skippedDeals);
            hasMore = true;
        } else {
            Optional<SyncCursor> nextPhase = position.nextPhase();
            hasMore = nextPhase.isPresent();
            complete = nextPhase.isEmpty() && position.completesFullPass(page.skippedDeals);
            next = nextPhase.orElseGet(() -> position.nextPass(properties.syncOverlap()));
        }
        if (hasMore && usage.pastStopShare()) {
            log.warn("Salesforce API usage is past the configured share of the daily allocation ({}); stopping this "
                    + "{} sync pass early, the next pass continues from {} {}", usage.describe(), position.mode(),
                    next.phase(), next.locator() == null ? "(from its start)" : "(next batch)");
            hasMore = false;
        }
        log.debug("Salesforce {} {}: {} deals, {} touches, {} skipped, more={}", position.mode(), position.phase(),
                page.deals.size(), page.touches.size(), page.skipped, hasMore);
        boolean startsFullPass = stored.atPassStart() && position.mode() == SyncCursor.Mode.FULL;
        return new CrmChanges(page.deals, page.touches, next.toCrmCursor(json), hasMore, complete, page.skipped,
                startsFullPass);
    }

    @Override
    public WriteBackResult writeBack(TruthWriteBack truth) {
        if (!Soql.isRecordId(truth.dealId()) || !truth.dealId().startsWith(SalesforceQueries.OPPORTUNITY_PREFIX)) {
            return WriteBackResult.refused("'" + truth.dealId() + "' is not a Salesforce Opportunity id");
        }
        TruthTask task = TruthTask.of(truth);
        boolean closeLost = truth.closeLost() && "NO".equalsIgnoreCase(truth.outcome());
        try {
            JsonNode existing = client.query(queries.truthTask(truth.dealId(), task.subjectMarker()),
                    "the check for an earlier truth Task");
            String detail;
            if (existing.path("records").isEmpty()) {
                JsonNode created = client.create("Task", taskFields(truth.dealId(), task), "creating the truth Task");
                detail = "Task " + created.path("id").asString("") + " created";
            } else {
                detail = "Task " + existing.path("records").get(0).path("Id").asString("") + " was already there";
                log.info("Salesforce: truth {} is already on Opportunity {}; not writing it twice", truth.truthId(),
                        truth.dealId());
            }
            if (closeLost) {
                client.update("Opportunity", truth.dealId(), closedLostFields(truth), "moving the deal to closed-lost");
                detail += "; stage set to " + properties.closedLostStage();
            }
            return WriteBackResult.written(detail);
        } catch (SalesforceApiException e) {
            log.warn("Salesforce refused the write-back of truth {} on Opportunity {}: {}", truth.truthId(),
                    truth.dealId(), e.detail());
            return WriteBackResult.refused(e.detail());
        } catch (CrmUnavailableException e) {
            log.warn("Salesforce write-back of truth {} on Opportunity {} will be retried: {}", truth.truthId(),
                    truth.dealId(), e.getMessage());
            return WriteBackResult.retryLater(e.getMessage());
        }
    }

    private ObjectNode taskFields(String dealId, TruthTask task) {
        ObjectNode fields = json.createObjectNode();
        fields.put("WhatId", dealId);
        fields.put("Subject", task.subject());
        fields.put("Description", task.description());
        fields.put("Status", "Completed");
        if (task.activityDate() != null) {
            fields.put("ActivityDate", task.activityDate().toString());
        }
        return fields;
    }

    private ObjectNode closedLostFields(TruthWriteBack truth) {
        ObjectNode fields = json.createObjectNode();
        fields.put("StageName", properties.closedLostStage());
        String reason = truth.reasonText() != null && !truth.reasonText().isBlank() ? truth.reasonText().strip()
                : truth.reason();
        if (!properties.lossReasonField().isEmpty() && reason != null && !reason.isBlank()) {
            fields.put(properties.lossReasonField(), reason);
        }
        return fields;
    }

    private SyncCursor readCursor(CrmCursor cursor) {
        try {
            return SyncCursor.from(cursor, json);
        } catch (IllegalArgumentException e) {
            log.warn("Salesforce sync cursor could not be read ({}); starting a full sync, which loses nothing",
                    e.getMessage());
            return SyncCursor.firstFull();
        }
    }

    /** One page of deals, each with all its touches (full pass), or the deals changed since the last pass. */
    private Page dealPage(SyncCursor position) {
        String soql = position.mode() == SyncCursor.Mode.FULL
                ? queries.dealsInScope(closedSince(position), position.after())
                : queries.changedDeals(position.since(), position.after());
        JsonNode batch = fetch(position, soql, "Opportunities");
        Page page = new Page(batch);
        List<String> dealIds = new ArrayList<>();
        for (JsonNode opportunity : batch.path("records")) {
            page.saw(opportunity);
            try {
                CrmDeal deal = records.deal(opportunity);
                page.deals.add(deal);
                dealIds.add(deal.id());
            } catch (MalformedRecordException e) {
                page.skip(e);
                page.skippedDeals++;
            }
        }
        for (int from = 0; from < dealIds.size(); from += IDS_PER_QUERY) {
            touchesOn(dealIds.subList(from, Math.min(from + IDS_PER_QUERY, dealIds.size())), page);
        }
        return page;
    }

    /** Every touch on these deals. Email tasks with an EmailMessage behind them come from the message. */
    private void touchesOn(List<String> dealIds, Page page) {
        Set<String> tasksBehindEmails = new HashSet<>();
        for (JsonNode email : allRecords(queries.emailsOn(dealIds), "EmailMessages on deals")) {
            String activityId = SalesforceRecords.text(email, "ActivityId");
            if (activityId != null) {
                tasksBehindEmails.add(activityId);
            }
            page.add(email, records::emailTouch);
        }
        for (JsonNode task : allRecords(queries.tasksOn(dealIds), "Tasks on deals")) {
            if (!(SalesforceRecords.isEmailTask(task) && tasksBehindEmails.contains(SalesforceRecords.text(task, "Id")))) {
                page.add(task, records::taskTouch);
            }
        }
        for (JsonNode event : allRecords(queries.eventsOn(dealIds), "Events on deals")) {
            page.add(event, records::eventTouch);
        }
    }

    private Page changedTaskPage(SyncCursor position) {
        JsonNode batch = fetch(position, queries.changedTasks(position.since(), position.after()), "changed Tasks");
        Page page = new Page(batch);
        List<String> emailTaskIds = new ArrayList<>();
        for (JsonNode task : batch.path("records")) {
            String id = SalesforceRecords.text(task, "Id");
            if (SalesforceRecords.isEmailTask(task) && Soql.isRecordId(id)) {
                emailTaskIds.add(id);
            }
        }
        Set<String> tasksBehindEmails = new HashSet<>();
        for (int from = 0; from < emailTaskIds.size(); from += IDS_PER_QUERY) {
            List<String> chunk = emailTaskIds.subList(from, Math.min(from + IDS_PER_QUERY, emailTaskIds.size()));
            for (JsonNode link : allRecords(queries.emailMessagesBehind(chunk), "EmailMessages behind email Tasks")) {
                String activityId = SalesforceRecords.text(link, "ActivityId");
                if (activityId != null) {
                    tasksBehindEmails.add(activityId);
                }
            }
        }
        for (JsonNode task : batch.path("records")) {
            page.saw(task);
            if (!tasksBehindEmails.contains(SalesforceRecords.text(task, "Id"))) {
                page.add(task, records::taskTouch);
            }
        }
        return page;
    }

    private Page touchPage(SyncCursor position, String soql, String what, TouchReader reader) {
        JsonNode batch = fetch(position, soql, what);
        Page page = new Page(batch);
        for (JsonNode record : batch.path("records")) {
            page.saw(record);
            page.add(record, reader);
        }
        return page;
    }

    /** The phase's next batch: from the stored locator, or the query again from {@code after} if it expired. */
    private JsonNode fetch(SyncCursor position, String soql, String what) {
        if (position.locator() != null) {
            try {
                return client.queryMore(position.locator(), what);
            } catch (SalesforceApiException e) {
                if (!"INVALID_QUERY_LOCATOR".equals(e.errorCode()) && e.status() != 404) {
                    throw e;
                }
                log.info("Salesforce query locator for {} expired ({}); querying again from SystemModstamp {}", what,
                        e.errorCode(), position.after());
            }
        }
        return client.query(soql, what);
    }

    /** All batches of a bounded query (touches of at most a few hundred deals). */
    private List<JsonNode> allRecords(String soql, String what) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode batch = client.query(soql, what);
        while (true) {
            batch.path("records").forEach(all::add);
            String next = nextRecordsUrl(batch);
            if (next == null) {
                return all;
            }
            batch = client.queryMore(next, what);
        }
    }

    private LocalDate closedSince(SyncCursor position) {
        return LocalDate.ofInstant(position.passStart(), ZoneOffset.UTC).minusDays(properties.closedLookbackDays());
    }

    private static String nextRecordsUrl(JsonNode batch) {
        if (batch.path("done").asBoolean(true)) {
            return null;
        }
        String next = SalesforceRecords.text(batch, "nextRecordsUrl");
        if (next == null) {
            return null;
        }
        if (!SalesforceClient.isQueryLocator(next)) {
            throw new SalesforceApiException(200, "UNEXPECTED_NEXT_RECORDS_URL",
                    "nextRecordsUrl is not a query locator under /services/data/", "a query batch");
        }
        return next;
    }

    @FunctionalInterface
    private interface TouchReader {
        Optional<CrmTouch> read(JsonNode record) throws MalformedRecordException;
    }

    /** What one call gathers; logs and counts each record it cannot read. */
    private static final class Page {
        final List<CrmDeal> deals = new ArrayList<>();
        final List<CrmTouch> touches = new ArrayList<>();
        final String nextRecordsUrl;
        Instant lastModstamp;
        int skipped;
        /** Unreadable opportunities (also counted in {@code skipped}); a touch skipped loses no deal. */
        int skippedDeals;

        Page(JsonNode batch) {
            this.nextRecordsUrl = nextRecordsUrl(batch);
        }

        void saw(JsonNode record) {
            Instant stamp = SalesforceRecords.modstamp(record);
            if (stamp != null && (lastModstamp == null || stamp.isAfter(lastModstamp))) {
                lastModstamp = stamp;
            }
        }

        void add(JsonNode record, TouchReader reader) {
            try {
                reader.read(record).ifPresent(touches::add);
            } catch (MalformedRecordException e) {
                skip(e);
            }
        }

        void skip(MalformedRecordException e) {
            skipped++;
            log.warn("Salesforce {} {} skipped: {}", e.type(), e.id(), e.reason());
        }
    }
}
