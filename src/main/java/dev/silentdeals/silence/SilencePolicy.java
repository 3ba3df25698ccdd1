package dev.silentdeals.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When a deal counts as silent: how many quiet business days (per stage if configured) and how many
 * follow-ups since the last reply. Stage names match case-insensitively; the map this record holds is
 * keyed by the stripped, lower-cased stage name.
 */
public record SilencePolicy(int quietBusinessDays, int minFollowUps, Map<String, Integer> stageQuietBusinessDays,
                            WorkingWeek workingWeek) {

    public static final int DEFAULT_QUIET_BUSINESS_DAYS = 7;
    public static final int DEFAULT_MIN_FOLLOW_UPS = 2;

    /**
     * The most a zone's UTC offset can move between two instants, as a margin for calendar-time filters
     * (offsets run from -12h to +14h; Samoa once skipped a whole day).
     */
    private static final Duration OFFSET_MARGIN = Duration.ofHours(26);

    public SilencePolicy {
        if (quietBusinessDays < 1) {
            throw new IllegalArgumentException("quiet business days must be at least 1, was " + quietBusinessDays);
        }
        if (minFollowUps < 0) {
            throw new IllegalArgumentException("minimum follow-ups must be 0 or more, was " + minFollowUps);
        }
        stageQuietBusinessDays = normalised(stageQuietBusinessDays == null ? Map.of() : stageQuietBusinessDays);
        workingWeek = workingWeek == null ? WorkingWeek.mondayToFriday() : workingWeek;
    }

    /** 7 quiet business days, 2 follow-ups, Monday to Friday, no stage overrides. */
    public static SilencePolicy defaults() {
        return new SilencePolicy(DEFAULT_QUIET_BUSINESS_DAYS, DEFAULT_MIN_FOLLOW_UPS, Map.of(),
                WorkingWeek.mondayToFriday());
    }

    /** The quiet business days a deal in {@code stage} needs; the default when the stage has no override. */
    public int quietDaysFor(String stage) {
        if (stage == null || stage.isBlank()) {
            return quietBusinessDays;
        }
        return stageQuietBusinessDays.getOrDefault(key(stage), quietBusinessDays);
    }

    /** The lowest threshold of any stage: no deal can be silent with fewer quiet business days than this. */
    public int smallestQuietDays() {
        int smallest = quietBusinessDays;
        for (int days : stageQuietBusinessDays.values()) {
            smallest = Math.min(smallest, days);
        }
        return smallest;
    }

    /**
     * A deal whose last reply is after this instant cannot be silent at {@code now}, in any zone: a safe
     * calendar-time pre-filter. The quiet days must fit between the reply's date and today's, and with days
     * off in the working week they need more dates than days (seven Monday-to-Friday days span at least nine
     * dates). It is then a day and the offset margin later than {@code now} minus those dates: a reply at
     * 23:00 and "now" at 01:00 are one local date further apart than their 24-hour periods, and UTC offsets
     * move (DST, Samoa's skipped day).
     */
    public Instant newestPossiblySilentReply(Instant now) {
        int dates = workingWeek.fewestDatesHolding(smallestQuietDays());
        return now.minus(Duration.ofDays(dates - 1L)).plus(OFFSET_MARGIN);
    }

    /**
     * Parses {@code Negotiation=5,Proposal=10} into stage names and thresholds, in the order given. Blank
     * text gives no overrides; stray commas are ignored.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code Stage=positive number}, or a stage
     *                                  given twice
     */
    public static Map<String, Integer> parseStageOverrides(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, Integer> overrides = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw badEntry(entry, "it has no '='");
            }
            String stage = entry.substring(0, equals).strip();
            String number = entry.substring(equals + 1).strip();
            if (stage.isEmpty()) {
                throw badEntry(entry, "the stage name is missing");
            }
            int days;
            try {
                days = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw badEntry(entry, "'" + number + "' is not a whole number of business days");
            }
            if (days < 1) {
                throw badEntry(entry, "the business days must be at least 1");
            }
            String earlier = seen.putIfAbsent(key(stage), stage);
            if (earlier != null) {
                throw badEntry(entry, "stage '" + earlier + "' is already given");
            }
            overrides.put(stage, days);
        }
        return Collections.unmodifiableMap(overrides);
    }

    private static IllegalArgumentException badEntry(String entry, String why) {
        return new IllegalArgumentException("bad stage override '" + entry + "': " + why
                + "; expected Stage=days, e.g. Negotiation=5,Proposal=10");
    }

    private static Map<String, Integer> normalised(Map<String, Integer> given) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        given.forEach((stage, days) -> {
            if (stage == null || stage.isBlank()) {
                throw new IllegalArgumentException("a stage override has no stage name");
            }
            if (days == null || days < 1) {
                throw new IllegalArgumentException(
                        "stage '" + stage + "' needs at least 1 quiet business day, was " + days);
            }
            Integer earlier = byKey.put(key(stage), days);
            if (earlier != null && !earlier.equals(days)) {
                throw new IllegalArgumentException(
                        "stage '" + stage + "' is given twice (names match without regard to case)");
            }
        });
        return Collections.unmodifiableMap(byKey);
    }

    private static String key(String stage) {
        return Objects.requireNonNull(stage).strip().toLowerCase(Locale.ROOT);
    }
}
