package dev.silentdeals.crm.pipedrive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;

import dev.silentdeals.crm.CrmDeal;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Pipedrive deal (API v2) into a {@link CrmDeal}. Stage, owner, person and organisation arrive as ids;
 * {@link Lookups} resolves them to a stage name, the owner's email, the primary contact and the company name.
 * A deal is closed when it is won, lost or deleted. A deal without an id or a readable {@code update_time} is
 * malformed: without them the store cannot order its versions.
 */
final class DealReader {

    /** Names behind Pipedrive's ids; anything unknown comes back as an empty value. */
    interface Lookups {
        String stageName(long stageId);

        String ownerEmail(long userId);

        Person person(long personId);

        String organizationName(long orgId);
    }

    /** A deal's primary contact: the primary email and phone, or the first given. */
    record Person(String name, String email, String phone) {
        static final Person NONE = new Person("", "", "");
    }

    private DealReader() {
    }

    /** The deal's id, or a {@link MalformedRecordException} naming what is wrong. */
    static long dealId(JsonNode deal) {
        OptionalLong id = PipedriveFields.id(deal, "id");
        if (id.isEmpty()) {
            String raw = PipedriveFields.text(deal, "id");
            String title = PipedriveFields.text(deal, "title");
            throw new MalformedRecordException("deal", raw == null ? "(no id" + (title == null ? ")" : ", title '"
                    + title + "')") : raw, "it has no numeric id");
        }
        return id.getAsLong();
    }

    static CrmDeal read(JsonNode deal, Lookups lookups) {
        long id = dealId(deal);
        String updateTime = PipedriveFields.text(deal, "update_time");
        Instant updatedAt;
        try {
            if (updateTime == null || updateTime.isBlank()) {
                throw new MalformedRecordException("deal", Long.toString(id), "it has no update_time");
            }
            updatedAt = PipedriveFields.instant(updateTime);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("deal", Long.toString(id), "its update_time '" + updateTime
                    + "' is not a date");
        }
        String status = PipedriveFields.text(deal, "status");
        boolean closed = PipedriveFields.flag(deal, "is_deleted") || (status != null
                && !"open".equals(status.strip().toLowerCase(Locale.ROOT)));
        OptionalLong stageId = PipedriveFields.id(deal, "stage_id");
        OptionalLong ownerId = PipedriveFields.id(deal, "owner_id");
        OptionalLong personId = PipedriveFields.id(deal, "person_id");
        OptionalLong orgId = PipedriveFields.id(deal, "org_id");
        Person person = personId.isPresent() ? lookups.person(personId.getAsLong()) : Person.NONE;
        String currency = PipedriveFields.text(deal, "currency");
        return new CrmDeal(Long.toString(id), orDefault(PipedriveFields.text(deal, "title")),
                orgId.isPresent() ? lookups.organizationName(orgId.getAsLong()) : "",
                stageId.isPresent() ? lookups.stageName(stageId.getAsLong()) : "",
                PipedriveFields.decimal(deal, "value"),
                currency == null || currency.isBlank() ? null : currency.strip(),
                ownerId.isPresent() ? lookups.ownerEmail(ownerId.getAsLong()) : "",
                person.name(), person.email(), person.phone().isEmpty() ? null : person.phone(),
                closed, updatedAt);
    }

    /** Picks the primary email and phone from a v2 person ({@code emails[]}, {@code phones[]}). */
    static Person person(JsonNode person) {
        return new Person(orDefault(PipedriveFields.text(person, "name")).strip(), primary(person.path("emails")),
                primary(person.path("phones")));
    }

    private static String primary(JsonNode entries) {
        String first = "";
        for (JsonNode entry : entries.values()) {
            String value = PipedriveFields.text(entry, "value");
            if (value == null || value.isBlank()) {
                continue;
            }
            if (PipedriveFields.flag(entry, "primary")) {
                return value.strip();
            }
            if (first.isEmpty()) {
                first = value.strip();
            }
        }
        return first;
    }

    private static String orDefault(String text) {
        return text == null ? "" : text;
    }
}
