package dev.silentdeals.deals;

import java.time.Instant;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/** How a touch is written as a sorted-set member: "millis|DIRECTION|CHANNEL|0/1" (equal touches collapse). */
final class TouchCodec {

    private TouchCodec() {
    }

    static String encode(CrmTouch touch) {
        return touch.at().toEpochMilli() + "|" + touch.direction() + "|" + touch.channel() + "|"
                + (touch.autoReply() ? 1 : 0);
    }

    static Touch decode(String member) {
        String[] parts = member.split("\\|");
        return new Touch(Instant.ofEpochMilli(Long.parseLong(parts[0])), Direction.valueOf(parts[1]),
                Channel.valueOf(parts[2]), "1".equals(parts[3]));
    }

    /** A reply candidate for the detection index: real inbound, or a meeting that already happened. */
    static boolean isReplyAt(CrmTouch touch, Instant now) {
        if (touch.autoReply() || touch.at().isAfter(now)) {
            return false;
        }
        return touch.channel() == Channel.MEETING
                || (touch.direction() == Direction.INBOUND && touch.channel() != Channel.NOTE);
    }
}
