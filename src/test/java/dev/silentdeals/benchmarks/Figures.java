package dev.silentdeals.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** How figures are written in the table: few digits, units always shown. */
final class Figures {

    private Figures() {
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String size(long deals) {
        if (deals >= 1_000_000 && deals % 1_000_000 == 0) {
            return deals / 1_000_000 + "M";
        }
        if (deals >= 1000 && deals % 1000 == 0) {
            return deals / 1000 + "k";
        }
        return String.valueOf(deals);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f×" : "%.1f×", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
