package dev.silentdeals.crm.file;

/** Why one CSV row could not be read. Carries no stack trace: it is an expected outcome, logged as one line. */
final class MalformedRow extends RuntimeException {

    MalformedRow(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
