package dev.silentdeals.digests;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a digest covers, {@code [from, to)}: from the end of the previous digest's period to this
 * digest's scheduled time. The previous period is the same length just before it, so a catch-up digest
 * that covers three weeks is compared with the three weeks before.
 */
public record DigestPeriod(Instant from, Instant to) {

    public DigestPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public DigestPeriod previous() {
        return new DigestPeriod(from.minus(length()), from);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }
}
