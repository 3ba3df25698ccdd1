package dev.silentdeals.crm;

import java.time.Instant;

/**
 * One interaction on a deal. {@code INBOUND} means the prospect reached us; {@code autoReply} marks
 * out-of-office answers, automatic replies and bounces, which never count as the prospect answering.
 */
public record CrmTouch(String dealId, Instant at, Direction direction, Channel channel, boolean autoReply) {

    public enum Direction { INBOUND, OUTBOUND }

    public enum Channel { EMAIL, CALL, MEETING, NOTE }
}
