package dev.silentdeals.slack;

/** Reads the offset a *More* button carries; anything unreadable starts from the top. */
final class Offsets {

    private Offsets() {
    }

    static int parse(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
