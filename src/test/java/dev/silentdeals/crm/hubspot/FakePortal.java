package dev.silentdeals.crm.hubspot;

import static dev.silentdeals.crm.hubspot.HubSpotStub.JSON;
import static dev.silentdeals.crm.hubspot.HubSpotStub.fixture;
import static dev.silentdeals.crm.hubspot.HubSpotStub.ok;
import static dev.silentdeals.crm.hubspot.HubSpotStub.reply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.silentdeals.crm.hubspot.HubSpotStub.Reply;
import dev.silentdeals.crm.hubspot.HubSpotStub.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one small HubSpot portal from the fixtures: owners, pipelines, v4 association batch reads and v3
 * batch reads answer only for the ids asked, as HubSpot does. Created notes are kept, so a retry sees them.
 */
final class FakePortal {

    private final String folder;
    private final ObjectNode notes;
    private final ObjectNode noteAssociations;
    private final AtomicInteger nextNoteId = new AtomicInteger(9901);

    FakePortal(HubSpotStub stub) {
        this(stub, "");
    }

    /** A portal whose fixtures live under {@code /crm/hubspot/<folder>} (e.g. {@code "e2e/"}). */
    FakePortal(HubSpotStub stub, String folder) {
        this.folder = folder;
        this.notes = (ObjectNode) JSON.readTree(fixture(folder + "objects-notes.json"));
        this.noteAssociations = (ObjectNode) JSON.readTree(fixture(folder + "associations-deals-notes.json"));
        stub.on("GET", "/crm/v3/owners", request -> ok(fixture(folder + "owners.json")))
                .on("GET", "/crm/v3/pipelines/deals", request -> ok(fixture(folder + "pipelines-deals.json")))
                .on("POST", "/crm/v4/associations/deals/(\\w+)/batch/read", this::associations)
                .on("POST", "/crm/v3/objects/(\\w+)/batch/read", this::batchRead)
                .on("POST", "/crm/v3/objects/notes", this::createNote)
                .on("PATCH", "/crm/v3/objects/deals/(\\d+)", request -> ok(fixture(folder + "deal-updated.json")));
    }

    private synchronized Reply associations(Request request) {
        String toType = request.route().group(1);
        JsonNode all = toType.equals("notes") ? noteAssociations
                : JSON.readTree(fixture(folder + "associations-deals-" + toType + ".json"));
        Set<String> asked = ids(request);
        ObjectNode answer = (ObjectNode) all.deepCopy();
        ArrayNode results = answer.putArray("results");
        all.path("results").forEach(result -> {
            if (asked.contains(result.path("from").path("id").asString())) {
                results.add(result);
            }
        });
        return ok(JSON.writeValueAsString(answer));
    }

    private synchronized Reply batchRead(Request request) {
        String type = request.route().group(1);
        JsonNode all = type.equals("notes") ? notes : JSON.readTree(fixture(folder + "objects-" + type + ".json"));
        Set<String> asked = ids(request);
        ObjectNode answer = (ObjectNode) all.deepCopy();
        ArrayNode results = answer.putArray("results");
        all.path("results").forEach(record -> {
            if (asked.contains(record.path("id").asString())) {
                results.add(record);
            }
        });
        return ok(JSON.writeValueAsString(answer));
    }

    private synchronized Reply createNote(Request request) {
        JsonNode body = request.json();
        String id = Integer.toString(nextNoteId.getAndIncrement());
        ObjectNode note = ((ArrayNode) notes.path("results")).addObject().put("id", id);
        note.set("properties", body.path("properties").deepCopy());
        String dealId = body.path("associations").path(0).path("to").path("id").asString();
        ObjectNode result = null;
        for (JsonNode existing : noteAssociations.path("results")) {
            if (existing.path("from").path("id").asString().equals(dealId)) {
                result = (ObjectNode) existing;
            }
        }
        if (result == null) {
            result = ((ArrayNode) noteAssociations.path("results")).addObject();
            result.putObject("from").put("id", dealId);
            result.putArray("to");
        }
        ObjectNode to = ((ArrayNode) result.path("to")).addObject().put("toObjectId", Long.parseLong(id));
        to.putArray("associationTypes").addObject().put("category", "HUBSPOT_DEFINED").put("typeId", 214);
        return reply(201, fixture(folder + "note-created.json").replace("9901", id));
    }

    private static Set<String> ids(Request request) {
        Set<String> ids = new HashSet<>();
        request.json().path("inputs").forEach(input -> ids.add(input.path("id").asString()));
        return ids;
    }

    static List<String> inputIds(Request request) {
        return request.json().path("inputs").valueStream().map(input -> input.path("id").asString()).toList();
    }
}
