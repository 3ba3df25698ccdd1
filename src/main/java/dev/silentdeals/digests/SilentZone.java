package dev.silentdeals.digests;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The team's deals in the silent zone at one moment: how many, their amount by currency, and the longest
 * quiet among them in business days.
 */
public record SilentZone(int deals, Map<String, BigDecimal> amounts, int longestQuietDays) {

    public SilentZone {
        amounts = Collections.unmodifiableMap(new TreeMap<>(amounts));
    }
}
