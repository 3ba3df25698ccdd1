package dev.silentdeals.deals;

import java.time.Instant;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/**
 * How a touch is written as a sorted-set member: one integer, {@code millis × 16 + kind}, where the four
 * bits of kind hold the direction (8), the channel (2 × 0..3) and the auto-reply flag (1). Equal touches
 * give equal members, so they collapse; and an integer member is stored by Redis as an 8-byte number rather
 * than text, which about halves a deal's memory. Members written by earlier versions as
 * {@code "millis|DIRECTION|CHANNEL|0/1"} are still read.
 */
final class TouchCodec {

    private static final int KINDS = 16;

    private TouchCodec() {
    }

    static String encode(CrmTouch touch) {
        long kind = (touch.direction() == Direction.OUTBOUND ? 8 : 0) + 2L * channelCode(touch.channel())
                + (touch.autoReply() ? 1 : 0);
        return String.valueOf(Math.addExact(Math.multiplyExact(touch.at().toEpochMilli(), KINDS), kind));
    }

    static Touch decode(String member) {
        if (member.indexOf('|') >= 0) {
            return decodeText(member);
        }
        long value = Long.parseLong(member);
        int kind = (int) Math.floorMod(value, (long) KINDS);
        return new Touch(Instant.ofEpochMilli(Math.floorDiv(value, KINDS)),
                (kind & 8) != 0 ? Direction.OUTBOUND : Direction.INBOUND, channel((kind >> 1) & 3), (kind & 1) != 0);
    }

    /** A reply candidate for the detection index: real inbound, or a meeting that already happened. */
    static boolean isReplyAt(CrmTouch touch, Instant now) {
        if (touch.autoReply() || touch.at().isAfter(now)) {
            return false;
        }
        return touch.channel() == Channel.MEETING
                || (touch.direction() == Direction.INBOUND && touch.channel() != Channel.NOTE);
    }

    // Fixed codes, not enum ordinals: stored data must not change meaning if the enum is reordered.
    private static int channelCode(Channel channel) {
        return switch (channel) {
            case EMAIL -> 0;
            case CALL -> 1;
            case MEETING -> 2;
            case NOTE -> 3;
        };
    }

    private static Channel channel(int code) {
        return switch (code) {
            case 0 -> Channel.EMAIL;
            case 1 -> Channel.CALL;
            case 2 -> Channel.MEETING;
            default -> Channel.NOTE;
        };
    }

    private static Touch decodeText(String member) {
        String[] parts = member.split("\\|");
        return new Touch(Instant.ofEpochMilli(Long.parseLong(parts[0])), Direction.valueOf(parts[1]),
                Channel.valueOf(parts[2]), "1".equals(parts[3]));
    }
}
