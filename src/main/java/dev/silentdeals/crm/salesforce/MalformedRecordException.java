package dev.silentdeals.crm.salesforce;

/** A record silent-deals cannot read; the adapter skips it with one WARN line naming it and why. */
final class MalformedRecordException extends Exception {

    private final String type;
    private final String id;

    MalformedRecordException(String type, String id, String reason) {
        super(reason, null, false, false);
        this.type = type;
        this.id = id;
    }

    String type() {
        return type;
    }

    String id() {
        return id == null || id.isBlank() ? "(no Id)" : id;
    }

    String reason() {
        return getMessage();
    }
}
