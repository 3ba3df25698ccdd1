package dev.silentdeals.crm.salesforce;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/**
 * Reads Salesforce records (as the REST query resource returns them) into deals and touches.
 *
 * <ul>
 *   <li>Opportunity → deal; the primary OpportunityContactRole (or the first one) gives the contact.</li>
 *   <li>Task with TaskSubtype Call → CALL, direction from CallType (Inbound / Outbound; none = Outbound;
 *       Internal is a NOTE); TaskSubtype Email → EMAIL, Outbound (only used when no EmailMessage stands behind
 *       it); any other completed task → NOTE.</li>
 *   <li>Event → MEETING at StartDateTime (future meetings keep their future time).</li>
 *   <li>EmailMessage → EMAIL, Incoming = INBOUND; drafts are not touches.</li>
 * </ul>
 * Methods return empty for records that are not touches and throw {@link MalformedRecordException} for records
 * that cannot be read.
 */
final class SalesforceRecords {

    private static final String EMAIL_DRAFT_STATUS = "5";

    private final String currencyField;
    private final String defaultCurrency;

    SalesforceRecords(SalesforceProperties properties) {
        this.currencyField = properties.currencyField();
        this.defaultCurrency = properties.defaultCurrency();
    }

    CrmDeal deal(JsonNode opportunity) throws MalformedRecordException {
        String id = text(opportunity, "Id");
        if (id == null) {
            throw new MalformedRecordException("Opportunity", null, "missing Id");
        }
        String stage = text(opportunity, "StageName");
        if (stage == null) {
            throw new MalformedRecordException("Opportunity", id, "missing StageName");
        }
        JsonNode closed = opportunity.path("IsClosed");
        if (!closed.isBoolean()) {
            throw new MalformedRecordException("Opportunity", id, "IsClosed is not true or false");
        }
        Instant updatedAt = requiredDateTime(opportunity, "SystemModstamp", "Opportunity", id);
        JsonNode contact = primaryContact(opportunity);
        return new CrmDeal(id, textOr(opportunity, "Name", ""), text(opportunity.path("Account"), "Name"), stage,
                amount(opportunity, id), currency(opportunity), text(opportunity.path("Owner"), "Email"),
                text(contact, "Name"), text(contact, "Email"), text(contact, "Phone"), closed.asBoolean(), updatedAt);
    }

    Optional<CrmTouch> taskTouch(JsonNode task) throws MalformedRecordException {
        String id = text(task, "Id");
        String dealId = dealIdOf(task, "WhatId", "Task", id);
        if (dealId == null || task.path("IsClosed").isBoolean() && !task.path("IsClosed").asBoolean()) {
            return Optional.empty();
        }
        String subtype = textOr(task, "TaskSubtype", "Task");
        Instant at = taskTime(task, id);
        return Optional.of(switch (subtype) {
            case "Call" -> callTouch(dealId, at, text(task, "CallType"));
            case "Email", "ListEmail" -> new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.EMAIL,
                    AutoReplySignals.subjectSaysAutomatic(text(task, "Subject")));
            default -> new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.NOTE, false);
        });
    }

    Optional<CrmTouch> eventTouch(JsonNode event) throws MalformedRecordException {
        String id = text(event, "Id");
        String dealId = dealIdOf(event, "WhatId", "Event", id);
        if (dealId == null) {
            return Optional.empty();
        }
        Instant at;
        if (text(event, "StartDateTime") != null) {
            at = requiredDateTime(event, "StartDateTime", "Event", id);
        } else if (text(event, "ActivityDateTime") != null) {
            at = requiredDateTime(event, "ActivityDateTime", "Event", id);
        } else {
            at = requiredDate(event, "ActivityDate", "Event", id);
        }
        return Optional.of(new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.MEETING, false));
    }

    Optional<CrmTouch> emailTouch(JsonNode email) throws MalformedRecordException {
        String id = text(email, "Id");
        String dealId = dealIdOf(email, "RelatedToId", "EmailMessage", id);
        if (dealId == null || EMAIL_DRAFT_STATUS.equals(text(email, "Status"))) {
            return Optional.empty();
        }
        JsonNode incoming = email.path("Incoming");
        if (!incoming.isBoolean()) {
            throw new MalformedRecordException("EmailMessage", id, "Incoming is not true or false");
        }
        String timeField = text(email, "MessageDate") != null ? "MessageDate" : "CreatedDate";
        Instant at = requiredDateTime(email, timeField, "EmailMessage", id);
        boolean automatic = AutoReplySignals.isAutomatic(text(email, "Subject"), text(email, "Headers"),
                text(email, "FromAddress"));
        return Optional.of(new CrmTouch(dealId, at, incoming.asBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                Channel.EMAIL, automatic));
    }

    static boolean isEmailTask(JsonNode task) {
        return "Email".equals(text(task, "TaskSubtype"));
    }

    /** SystemModstamp of any record, or null when absent or unreadable (the mapping reports that). */
    static Instant modstamp(JsonNode record) {
        String value = text(record, "SystemModstamp");
        if (value == null) {
            return null;
        }
        try {
            return SalesforceTime.parseDateTime(value);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    private static CrmTouch callTouch(String dealId, Instant at, String callType) {
        if ("Internal".equalsIgnoreCase(callType)) {
            return new CrmTouch(dealId, at, Direction.OUTBOUND, Channel.NOTE, false);
        }
        Direction direction = "Inbound".equalsIgnoreCase(callType) ? Direction.INBOUND : Direction.OUTBOUND;
        return new CrmTouch(dealId, at, direction, Channel.CALL, false);
    }

    /**
     * When the task happened: CompletedDateTime when Salesforce has it; else CreatedDate when the task was
     * logged on its ActivityDate (or has none); else the ActivityDate itself.
     */
    private static Instant taskTime(JsonNode task, String id) throws MalformedRecordException {
        if (text(task, "CompletedDateTime") != null) {
            return requiredDateTime(task, "CompletedDateTime", "Task", id);
        }
        String activityDate = text(task, "ActivityDate");
        Instant created = text(task, "CreatedDate") == null ? null : requiredDateTime(task, "CreatedDate", "Task", id);
        if (activityDate == null) {
            if (created == null) {
                throw new MalformedRecordException("Task", id, "no CompletedDateTime, ActivityDate or CreatedDate");
            }
            return created;
        }
        Instant activity = requiredDate(task, "ActivityDate", "Task", id);
        if (created != null && LocalDate.ofInstant(created, ZoneOffset.UTC)
                .equals(LocalDate.ofInstant(activity, ZoneOffset.UTC))) {
            return created;
        }
        return activity;
    }

    private static String dealIdOf(JsonNode record, String field, String type, String id)
            throws MalformedRecordException {
        if (id == null) {
            throw new MalformedRecordException(type, null, "missing Id");
        }
        String dealId = text(record, field);
        if (dealId == null) {
            throw new MalformedRecordException(type, id, "missing " + field);
        }
        return dealId.startsWith(SalesforceQueries.OPPORTUNITY_PREFIX) ? dealId : null;
    }

    private JsonNode primaryContact(JsonNode opportunity) {
        JsonNode roles = opportunity.path("OpportunityContactRoles").path("records");
        if (!roles.isArray() || roles.isEmpty()) {
            return null;
        }
        for (JsonNode role : roles) {
            if (role.path("IsPrimary").asBoolean(false)) {
                return role.path("Contact");
            }
        }
        return roles.get(0).path("Contact");
    }

    private BigDecimal amount(JsonNode opportunity, String id) throws MalformedRecordException {
        JsonNode amount = opportunity.path("Amount");
        if (amount.isMissingNode() || amount.isNull()) {
            return null;
        }
        if (!amount.isNumber()) {
            throw new MalformedRecordException("Opportunity", id, "Amount '" + amount.asString() + "' is not a number");
        }
        return amount.decimalValue();
    }

    private String currency(JsonNode opportunity) {
        if (currencyField.isEmpty()) {
            return defaultCurrency;
        }
        return textOr(opportunity, currencyField, defaultCurrency);
    }

    private static Instant requiredDateTime(JsonNode record, String field, String type, String id)
            throws MalformedRecordException {
        String value = text(record, field);
        if (value == null) {
            throw new MalformedRecordException(type, id, "missing " + field);
        }
        try {
            return SalesforceTime.parseDateTime(value);
        } catch (DateTimeException e) {
            throw new MalformedRecordException(type, id, field + " '" + value + "' is not a date-time");
        }
    }

    private static Instant requiredDate(JsonNode record, String field, String type, String id)
            throws MalformedRecordException {
        String value = text(record, field);
        if (value == null) {
            throw new MalformedRecordException(type, id, "missing " + field);
        }
        try {
            return SalesforceTime.parseDateAtNoon(value);
        } catch (DateTimeException e) {
            throw new MalformedRecordException(type, id, field + " '" + value + "' is not a date");
        }
    }
}
