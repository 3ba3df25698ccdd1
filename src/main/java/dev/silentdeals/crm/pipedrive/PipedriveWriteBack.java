package dev.silentdeals.crm.pipedrive;

import java.util.Map;

import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.http.CrmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a truth on the Pipedrive deal: a note ({@code POST /v1/notes}) unless one with the truth's marker is
 * already there ({@code GET /v1/notes?deal_id=}), and for a NO with closeLost the deal moved to lost with the
 * reason ({@code PATCH /api/v2/deals/{id}}, which is safe to repeat). A 4xx is REFUSED with Pipedrive's message;
 * a CRM that cannot be reached is RETRY_LATER.
 */
final class PipedriveWriteBack {

    private static final Logger log = LoggerFactory.getLogger(PipedriveWriteBack.class);
    private static final int MAX_NOTE_PAGES = 20;
    private static final int LOST_REASON_MAX = 255;

    private final PipedriveApi api;
    private final Map<String, String> lostReasons;

    PipedriveWriteBack(PipedriveApi api, Map<String, String> lostReasons) {
        this.api = api;
        this.lostReasons = lostReasons;
    }

    WriteBackResult write(TruthWriteBack truth) {
        if (truth.truthId() == null || truth.truthId().isBlank()) {
            return WriteBackResult.refused("the truth has no id, so a retry could not be recognised");
        }
        long dealId;
        try {
            dealId = Long.parseLong(truth.dealId().strip());
        } catch (NumberFormatException | NullPointerException e) {
            return WriteBackResult.refused("'" + truth.dealId() + "' is not a Pipedrive deal id");
        }
        try {
            boolean noteThere = noteExists(dealId, truth.truthId());
            if (!noteThere) {
                ObjectNode note = PipedriveApi.JSON.createObjectNode();
                note.put("content", TruthNote.content(truth));
                note.put("deal_id", dealId);
                api.post("/v1/notes", note);
            }
            boolean closing = truth.closeLost() && "NO".equals(truth.outcome());
            if (closing) {
                ObjectNode lost = PipedriveApi.JSON.createObjectNode();
                lost.put("status", "lost");
                lost.put("lost_reason", lostReason(truth));
                api.patch("/v2/deals/" + dealId, lost);
            }
            return WriteBackResult.written((noteThere ? "note already on deal " : "note added to deal ") + dealId
                    + (closing ? "; deal marked lost" : ""));
        } catch (PipedriveRefusedException e) {
            log.warn("Pipedrive refused the write-back of truth {} on deal {}: HTTP {} {}", truth.truthId(), dealId,
                    e.status(), e.pipedriveMessage());
            return WriteBackResult.refused("HTTP " + e.status() + ": " + e.pipedriveMessage());
        } catch (CrmUnavailableException e) {
            return WriteBackResult.retryLater(e.getMessage());
        }
    }

    private boolean noteExists(long dealId, String truthId) {
        int start = 0;
        for (int pages = 0; pages < MAX_NOTE_PAGES; pages++) {
            JsonNode answer = api.get("/v1/notes", PipedriveApi.query("deal_id", Long.toString(dealId),
                    "sort", "add_time DESC", "start", Integer.toString(start), "limit", "500"));
            for (JsonNode note : answer.path("data").values()) {
                if (TruthNote.carriesMarker(PipedriveFields.text(note, "content"), truthId)) {
                    return true;
                }
            }
            JsonNode paging = answer.path("additional_data").path("pagination");
            if (!PipedriveFields.flag(paging, "more_items_in_collection")) {
                return false;
            }
            start += answer.path("data").size();
        }
        return false;
    }

    /** The company's own wording when configured for the reason code, else the reason as the rep gave it. */
    private String lostReason(TruthWriteBack truth) {
        String reason = truth.reason() == null ? null : lostReasons.get(truth.reason());
        if (reason == null || reason.isBlank()) {
            reason = TruthNote.reasonInWords(truth);
        }
        if (reason.isBlank()) {
            reason = "No reason given";
        }
        return reason.length() > LOST_REASON_MAX ? reason.substring(0, LOST_REASON_MAX) : reason;
    }
}
