package dev.silentdeals.crm.pipedrive;

import dev.silentdeals.crm.http.CrmUnavailableException;

/**
 * Pipedrive answered with a 4xx other than 429: retrying the same request will not help. It extends
 * {@link CrmUnavailableException} so the sync job treats it like any other failed pass (keeps its cursor and
 * reports it), while write-back turns it into REFUSED with Pipedrive's own words.
 */
class PipedriveRefusedException extends CrmUnavailableException {

    private final int status;
    private final String pipedriveMessage;

    PipedriveRefusedException(String method, String path, int status, String pipedriveMessage) {
        super("Pipedrive refused " + method + " " + path + " with HTTP " + status + ": " + pipedriveMessage);
        this.status = status;
        this.pipedriveMessage = pipedriveMessage;
    }

    int status() {
        return status;
    }

    String pipedriveMessage() {
        return pipedriveMessage;
    }

    boolean isNotFound() {
        return status == 404;
    }
}
