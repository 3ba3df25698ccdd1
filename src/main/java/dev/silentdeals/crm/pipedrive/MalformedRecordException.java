package dev.silentdeals.crm.pipedrive;

/** A Pipedrive record we cannot read; the sync skips it with one WARN line naming it and counts it. */
class MalformedRecordException extends RuntimeException {

    private final String recordType;
    private final String recordId;
    private final String why;

    MalformedRecordException(String recordType, String recordId, String why) {
        super(recordType + " " + recordId + ": " + why);
        this.recordType = recordType;
        this.recordId = recordId;
        this.why = why;
    }

    String recordType() {
        return recordType;
    }

    String recordId() {
        return recordId;
    }

    String why() {
        return why;
    }
}
