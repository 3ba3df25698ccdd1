package dev.silentdeals.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import org.junit.jupiter.api.Test;

class TouchCodecTest {

    private static final Instant AT = Instant.parse("2026-11-10T09:30:00.123Z");

    @Test
    void every_kind_of_touch_reads_back_as_written() {
        for (Direction direction : Direction.values()) {
            for (Channel channel : Channel.values()) {
                for (boolean autoReply : new boolean[] {false, true}) {
                    String member = TouchCodec.encode(new CrmTouch("D1", AT, direction, channel, autoReply));
                    assertThat(TouchCodec.decode(member)).isEqualTo(new Touch(AT, direction, channel, autoReply));
                }
            }
        }
    }

    @Test
    void a_touch_is_one_integer_so_redis_keeps_it_compact() {
        String member = TouchCodec.encode(new CrmTouch("D1", AT, Direction.OUTBOUND, Channel.CALL, false));
        assertThat(member).matches("\\d+");
        assertThat(Long.parseLong(member)).isEqualTo(AT.toEpochMilli() * 16 + 8 + 2);
    }

    @Test
    void equal_touches_give_equal_members_and_different_ones_differ() {
        CrmTouch email = new CrmTouch("D1", AT, Direction.INBOUND, Channel.EMAIL, false);
        assertThat(TouchCodec.encode(email)).isEqualTo(TouchCodec.encode(new CrmTouch("D2", AT, Direction.INBOUND,
                Channel.EMAIL, false)));
        assertThat(TouchCodec.encode(email)).isNotEqualTo(TouchCodec.encode(new CrmTouch("D1", AT, Direction.INBOUND,
                Channel.EMAIL, true)));
        assertThat(TouchCodec.encode(email)).isNotEqualTo(TouchCodec.encode(new CrmTouch("D1", AT.plusMillis(1),
                Direction.INBOUND, Channel.EMAIL, false)));
    }

    @Test
    void members_written_as_text_by_earlier_versions_are_still_read() {
        assertThat(TouchCodec.decode(AT.toEpochMilli() + "|OUTBOUND|MEETING|1"))
                .isEqualTo(new Touch(AT, Direction.OUTBOUND, Channel.MEETING, true));
    }

    @Test
    void touches_before_1970_read_back_too() {
        Instant old = Instant.parse("1969-12-31T23:59:59.999Z");
        String member = TouchCodec.encode(new CrmTouch("D1", old, Direction.INBOUND, Channel.NOTE, true));
        assertThat(TouchCodec.decode(member)).isEqualTo(new Touch(old, Direction.INBOUND, Channel.NOTE, true));
    }
}
