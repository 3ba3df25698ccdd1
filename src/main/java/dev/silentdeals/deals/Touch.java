package dev.silentdeals.deals;

import java.time.Instant;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/**
 * One interaction on a deal. Two touches with the same time, direction, channel and auto-reply flag are
 * the same touch: the store keeps one.
 */
public record Touch(Instant at, Direction direction, Channel channel, boolean autoReply) {

    public boolean isRealInbound() {
        return direction == Direction.INBOUND && !autoReply && channel != Channel.NOTE;
    }

    public boolean isFollowUp() {
        return direction == Direction.OUTBOUND && channel != Channel.NOTE && channel != Channel.MEETING;
    }

    public boolean isMeeting() {
        return channel == Channel.MEETING;
    }
}
