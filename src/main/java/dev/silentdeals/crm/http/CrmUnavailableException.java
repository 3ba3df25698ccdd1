package dev.silentdeals.crm.http;

/** The CRM could not be reached after every retry; the sync keeps its cursor and tries again next pass. */
public class CrmUnavailableException extends RuntimeException {

    public CrmUnavailableException(String message) {
        super(message);
    }
}
