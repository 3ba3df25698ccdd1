package dev.silentdeals.crm.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** One associated record as the v4 associations API lists it: the record's id and the association types. */
record HubSpotAssociation(String toObjectId, List<Integer> typeIds, List<String> labels) {

    /** HubSpot's type id for "deal to primary company". */
    static final int DEAL_TO_PRIMARY_COMPANY = 5;

    HubSpotAssociation {
        typeIds = List.copyOf(typeIds);
        labels = List.copyOf(labels);
    }

    /** Reads {@code {"toObjectId": 1, "associationTypes": [{"category", "typeId", "label"}]}}; null without id. */
    static HubSpotAssociation from(JsonNode to) {
        String id = Json.text(to, "toObjectId");
        if (id == null) {
            return null;
        }
        List<Integer> typeIds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode type : to.path("associationTypes")) {
            if (type.path("typeId").isNumber()) {
                typeIds.add(type.path("typeId").asInt());
            }
            String label = Json.text(type, "label");
            if (label != null) {
                labels.add(label);
            }
        }
        return new HubSpotAssociation(id, typeIds, labels);
    }

    boolean hasType(int typeId) {
        return typeIds.contains(typeId);
    }

    boolean isLabelledPrimary() {
        return labels.stream().anyMatch(label -> label.toLowerCase(Locale.ROOT).contains("primary"));
    }

    /** The association marked primary (by HubSpot's type or a "Primary" label), else the first one listed. */
    static HubSpotAssociation primary(List<HubSpotAssociation> associations, int primaryTypeId) {
        if (associations == null || associations.isEmpty()) {
            return null;
        }
        return associations.stream().filter(a -> a.hasType(primaryTypeId) || a.isLabelledPrimary()).findFirst()
                .orElse(associations.get(0));
    }
}
