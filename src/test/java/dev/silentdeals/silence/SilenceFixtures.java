package dev.silentdeals.silence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;

/** Small builders so the tests read like the spec. */
final class SilenceFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private SilenceFixtures() {
    }

    /** An instant given as the rep's wall-clock time, e.g. {@code at("2025-06-02T10:00", BERLIN)}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Deal openDeal(String stage) {
        return deal(stage, false, false);
    }

    static Deal deal(String stage, boolean closed, boolean gone) {
        return new Deal("T1", "D1", "Pilot rollout", "Acme", stage, new BigDecimal("12000"), "EUR",
                "rep@example.com", new Contact("Dana Reyes", "dana@acme.example", "+49 30 1234"), closed, gone,
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    static Touch emailFromProspect(Instant at) {
        return new Touch(at, Direction.INBOUND, Channel.EMAIL, false);
    }

    static Touch callFromProspect(Instant at) {
        return new Touch(at, Direction.INBOUND, Channel.CALL, false);
    }

    static Touch autoReply(Instant at) {
        return new Touch(at, Direction.INBOUND, Channel.EMAIL, true);
    }

    static Touch emailToProspect(Instant at) {
        return new Touch(at, Direction.OUTBOUND, Channel.EMAIL, false);
    }

    static Touch callToProspect(Instant at) {
        return new Touch(at, Direction.OUTBOUND, Channel.CALL, false);
    }

    static Touch meeting(Instant at, Direction bookedBy) {
        return new Touch(at, bookedBy, Channel.MEETING, false);
    }

    static Touch note(Instant at, Direction direction) {
        return new Touch(at, direction, Channel.NOTE, false);
    }
}
