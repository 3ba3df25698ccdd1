package dev.silentdeals.slack;

/** Slack mrkdwn needs &, < and > escaped in any text that came from outside (a CRM, a rep). */
final class Mrkdwn {

    private Mrkdwn() {
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A block quote, line by line. */
    static String quote(String text) {
        return "> " + escape(text).replace("\n", "\n> ");
    }

    /** Digits and a leading + only, for a tel: link. */
    static String telDigits(String phone) {
        StringBuilder digits = new StringBuilder();
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c) || (c == '+' && digits.isEmpty())) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Cuts text to Slack's section limit with an ellipsis. */
    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
