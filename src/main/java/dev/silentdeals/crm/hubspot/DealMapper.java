package dev.silentdeals.crm.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.silentdeals.crm.CrmDeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Turns a HubSpot deal, its primary contact and company into a {@link CrmDeal}. */
final class DealMapper {

    static final List<String> DEAL_PROPERTIES = List.of("dealname", "dealstage", "pipeline", "amount",
            "deal_currency_code", "hubspot_owner_id", "closedate", "hs_is_closed", "hs_lastmodifieddate");
    static final List<String> CONTACT_PROPERTIES = List.of("firstname", "lastname", "email", "phone");
    static final List<String> COMPANY_PROPERTIES = List.of("name");

    /** HubSpot's stock closed stages, used when neither hs_is_closed nor the pipeline says. */
    private static final Set<String> STOCK_CLOSED_STAGES = Set.of("closedwon", "closedlost");

    private static final Logger log = LoggerFactory.getLogger(DealMapper.class);

    /** A deal with the two things we cannot do without: its id and when it last changed. */
    record ReadableDeal(String id, JsonNode properties, Instant modifiedAt) {
    }

    private final PortalDirectory directory;
    private final String closedLostStage;

    DealMapper(PortalDirectory directory, String closedLostStage) {
        this.directory = directory;
        this.closedLostStage = closedLostStage;
    }

    /** @throws MalformedRecordException when the deal has no id or no readable {@code hs_lastmodifieddate} */
    static ReadableDeal readable(JsonNode deal) {
        JsonNode properties = deal.path("properties");
        String id = Json.text(deal, "id");
        if (id == null) {
            id = Json.text(properties, "hs_object_id");
        }
        if (id == null) {
            throw new MalformedRecordException("it has no id");
        }
        String modified = Json.text(properties, "hs_lastmodifieddate");
        if (modified == null) {
            throw new MalformedRecordException("it has no hs_lastmodifieddate");
        }
        try {
            return new ReadableDeal(id, properties, Json.instant(modified));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("it has an " + e.getMessage() + " in hs_lastmodifieddate");
        }
    }

    CrmDeal toCrmDeal(ReadableDeal deal, JsonNode contact, JsonNode company) {
        JsonNode p = deal.properties();
        String stageId = Json.text(p, "dealstage");
        PortalDirectory.Stage stage = directory.stage(stageId);
        JsonNode contactProperties = contact == null ? null : contact.path("properties");
        String contactName = (Json.textOrEmpty(contactProperties, "firstname") + " "
                + Json.textOrEmpty(contactProperties, "lastname")).strip();
        return new CrmDeal(deal.id(), Json.textOrEmpty(p, "dealname"),
                company == null ? "" : Json.textOrEmpty(company.path("properties"), "name"),
                stage != null ? stage.label() : (stageId == null ? "" : stageId),
                amount(deal), Json.text(p, "deal_currency_code"),
                directory.ownerEmail(Json.text(p, "hubspot_owner_id")),
                contactName, Json.textOrEmpty(contactProperties, "email"), Json.text(contactProperties, "phone"),
                closed(p, stageId, stage), deal.modifiedAt());
    }

    private boolean closed(JsonNode properties, String stageId, PortalDirectory.Stage stage) {
        String isClosed = Json.text(properties, "hs_is_closed");
        if (isClosed != null) {
            return Boolean.parseBoolean(isClosed);
        }
        if (stage != null) {
            return stage.closed();
        }
        return stageId != null && (STOCK_CLOSED_STAGES.contains(stageId) || stageId.equals(closedLostStage));
    }

    /** An unreadable amount loses only the amount, not the deal. */
    private static BigDecimal amount(ReadableDeal deal) {
        try {
            return Json.decimal(Json.text(deal.properties(), "amount"));
        } catch (IllegalArgumentException e) {
            log.warn("HubSpot deal {}: {} in amount; keeping the deal without an amount", deal.id(),
                    e.getMessage());
            return null;
        }
    }
}
