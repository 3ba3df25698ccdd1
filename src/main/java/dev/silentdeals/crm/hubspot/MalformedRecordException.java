package dev.silentdeals.crm.hubspot;

/** A HubSpot record we cannot read; the adapter logs it with the record's type and id, skips and counts it. */
final class MalformedRecordException extends RuntimeException {

    MalformedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
