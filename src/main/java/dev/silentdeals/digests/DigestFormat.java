package dev.silentdeals.digests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.silentdeals.texts.Texts;

/** Numbers, amounts, dates and durations as the digest shows them (English, like the texts). */
final class DigestFormat {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Texts texts;

    DigestFormat(Texts texts) {
        this.texts = texts;
    }

    /** "GBP 48,000 · EUR 15,500.50"; an amount without currency shows the number alone; empty when none. */
    static String amounts(Map<String, BigDecimal> amounts) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.ENGLISH);
        number.setMaximumFractionDigits(2);
        return amounts.entrySet().stream()
                .filter(e -> e.getValue().signum() != 0)
                .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + " ") + number.format(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** A time to truth: hours under a day, days with one decimal above. */
    String duration(Duration duration) {
        if (duration.compareTo(Duration.ofDays(1)) < 0) {
            return texts.count("digest.duration.hours", Math.max(1, Math.round(duration.toMinutes() / 60.0)));
        }
        BigDecimal days = BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(24 * 60), 1,
                RoundingMode.HALF_UP);
        return texts.plain("digest.duration.days", Map.of("days", days.toPlainString()));
    }

    /** A period's length: hours under two days, whole days above. */
    String length(Duration length) {
        if (length.compareTo(Duration.ofDays(2)) < 0) {
            return texts.count("digest.duration.hours", Math.max(1, Math.round(length.toMinutes() / 60.0)));
        }
        return texts.count("digest.days", Math.round(length.toHours() / 24.0));
    }

    static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    static String dayAndYear(Instant instant, ZoneId zone) {
        return DAY_AND_YEAR.format(instant.atZone(zone));
    }
}
