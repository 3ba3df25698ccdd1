package dev.silentdeals.crm;

/** How a write-back went: done, worth retrying later, or refused for good (with the CRM's words). */
public record WriteBackResult(Status status, String detail) {

    public enum Status { WRITTEN, RETRY_LATER, REFUSED }

    public static WriteBackResult written(String detail) {
        return new WriteBackResult(Status.WRITTEN, detail);
    }

    public static WriteBackResult retryLater(String detail) {
        return new WriteBackResult(Status.RETRY_LATER, detail);
    }

    public static WriteBackResult refused(String detail) {
        return new WriteBackResult(Status.REFUSED, detail);
    }
}
