package dev.silentdeals.crm.salesforce;

import dev.silentdeals.crm.http.CrmUnavailableException;

/**
 * Salesforce answered, but refused the request (a 4xx other than a rate or request limit). It extends
 * {@link CrmUnavailableException} so a sync pass that meets one keeps its cursor and reports the message,
 * exactly as it does for an outage; write-back turns it into a REFUSED result instead.
 */
class SalesforceApiException extends CrmUnavailableException {

    private final int status;
    private final String errorCode;
    private final String vendorMessage;

    SalesforceApiException(int status, String errorCode, String vendorMessage, String what) {
        super("Salesforce refused " + what + ": HTTP " + status + " " + errorCode + ": " + vendorMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.vendorMessage = vendorMessage;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    /** Salesforce's own words, for a write-back result. */
    String detail() {
        return errorCode + ": " + vendorMessage;
    }
}
