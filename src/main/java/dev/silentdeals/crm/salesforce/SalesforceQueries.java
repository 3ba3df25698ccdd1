package dev.silentdeals.crm.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Every SOQL statement the adapter sends, in one place. Deal and change queries are ordered by
 * SystemModstamp (then Id) so a phase can resume from the last SystemModstamp it saw.
 */
final class SalesforceQueries {

    /** The Opportunity key prefix: the same in every org. */
    static final String OPPORTUNITY_PREFIX = "006";

    private static final String PRIMARY_CONTACT = "(SELECT IsPrimary, Contact.Name, Contact.Email, Contact.Phone "
            + "FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate ASC LIMIT 1)";
    private static final String TASK_FIELDS = "Id, WhatId, Subject, TaskSubtype, CallType, Status, IsClosed, "
            + "ActivityDate, CompletedDateTime, CreatedDate, SystemModstamp";
    private static final String EVENT_FIELDS = "Id, WhatId, Subject, StartDateTime, ActivityDateTime, ActivityDate, "
            + "IsAllDayEvent, CreatedDate, SystemModstamp";
    private static final String EMAIL_FIELDS = "Id, RelatedToId, ActivityId, Subject, Incoming, MessageDate, Status, "
            + "FromAddress, Headers, CreatedDate, SystemModstamp";
    private static final String BY_MODSTAMP = " ORDER BY SystemModstamp ASC, Id ASC";

    private final String opportunityFields;

    SalesforceQueries(SalesforceProperties properties) {
        String currency = properties.currencyField().isEmpty() ? "" : properties.currencyField() + ", ";
        this.opportunityFields = "Id, Name, Account.Name, StageName, Amount, " + currency
                + "IsClosed, IsWon, CloseDate, Owner.Email, SystemModstamp, " + PRIMARY_CONTACT;
    }

    /** A full pass: open deals and deals closed on or after {@code closedSince}. */
    String dealsInScope(LocalDate closedSince, Instant after) {
        return "SELECT " + opportunityFields + " FROM Opportunity WHERE (IsClosed = false OR CloseDate >= "
                + Soql.date(closedSince) + ")" + resumeFrom(after) + BY_MODSTAMP;
    }

    /** An incremental pass: every deal modified after {@code since}. */
    String changedDeals(Instant since, Instant after) {
        return "SELECT " + opportunityFields + " FROM Opportunity WHERE " + changedSince(since, after) + BY_MODSTAMP;
    }

    /** Completed tasks on these deals (open tasks are plans, not touches). */
    String tasksOn(Collection<String> dealIds) {
        return "SELECT " + TASK_FIELDS + " FROM Task WHERE WhatId IN " + Soql.idList(dealIds) + " AND IsClosed = true";
    }

    String eventsOn(Collection<String> dealIds) {
        return "SELECT " + EVENT_FIELDS + " FROM Event WHERE WhatId IN " + Soql.idList(dealIds);
    }

    String emailsOn(Collection<String> dealIds) {
        return "SELECT " + EMAIL_FIELDS + " FROM EmailMessage WHERE RelatedToId IN " + Soql.idList(dealIds);
    }

    String changedTasks(Instant since, Instant after) {
        return "SELECT " + TASK_FIELDS + " FROM Task WHERE What.Type = 'Opportunity' AND IsClosed = true AND "
                + changedSince(since, after) + BY_MODSTAMP;
    }

    String changedEvents(Instant since, Instant after) {
        return "SELECT " + EVENT_FIELDS + " FROM Event WHERE What.Type = 'Opportunity' AND "
                + changedSince(since, after) + BY_MODSTAMP;
    }

    String changedEmails(Instant since, Instant after) {
        return "SELECT " + EMAIL_FIELDS + " FROM EmailMessage WHERE RelatedTo.Type = 'Opportunity' AND "
                + changedSince(since, after) + BY_MODSTAMP;
    }

    /** Which of these email tasks have an EmailMessage (which carries the direction) behind them. */
    String emailMessagesBehind(Collection<String> taskIds) {
        return "SELECT ActivityId FROM EmailMessage WHERE ActivityId IN " + Soql.idList(taskIds);
    }

    /** A task on the deal whose Subject carries the truth's marker (Description is not filterable in SOQL). */
    String truthTask(String dealId, String subjectMarker) {
        return "SELECT Id FROM Task WHERE WhatId = " + Soql.quote(dealId) + " AND Subject LIKE "
                + Soql.containing(subjectMarker) + " LIMIT 1";
    }

    private static String changedSince(Instant since, Instant after) {
        return after == null ? "SystemModstamp > " + Soql.dateTime(since) : "SystemModstamp >= " + Soql.dateTime(after);
    }

    private static String resumeFrom(Instant after) {
        return after == null ? "" : " AND SystemModstamp >= " + Soql.dateTime(after);
    }
}
