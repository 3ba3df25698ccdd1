package dev.silentdeals.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Touch;
import org.junit.jupiter.api.Test;

/** Follow-ups into silence: emails sent while an earlier follow-up is still unanswered. */
class FollowUpsIntoSilenceTest {

    static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void the_first_message_after_a_reply_is_conversation_the_next_ones_chase() {
        List<Touch> touches = List.of(in("2026-11-02"), out("2026-11-03"), out("2026-11-06"), out("2026-11-10"));
        assertThat(FollowUpsIntoSilence.count(touches, NOVEMBER, DECEMBER)).isEqualTo(2);
    }

    @Test
    void a_reply_answers_everything_before_it() {
        List<Touch> touches = List.of(out("2026-11-03"), out("2026-11-04"), in("2026-11-05"), out("2026-11-06"));
        assertThat(FollowUpsIntoSilence.count(touches, NOVEMBER, DECEMBER)).isEqualTo(1);
    }

    @Test
    void a_meeting_that_took_place_counts_as_an_answer_and_auto_replies_do_not() {
        Touch meeting = new Touch(Instant.parse("2026-11-05T10:00:00Z"), Direction.OUTBOUND, Channel.MEETING, false);
        Touch auto = new Touch(Instant.parse("2026-11-08T10:00:00Z"), Direction.INBOUND, Channel.EMAIL, true);
        List<Touch> touches = List.of(out("2026-11-03"), meeting, out("2026-11-06"), auto, out("2026-11-09"));
        assertThat(FollowUpsIntoSilence.count(touches, NOVEMBER, DECEMBER)).isEqualTo(1);
    }

    @Test
    void calls_are_never_counted_but_leave_the_prospect_with_something_unanswered() {
        Touch call = new Touch(Instant.parse("2026-11-04T10:00:00Z"), Direction.OUTBOUND, Channel.CALL, false);
        Touch secondCall = new Touch(Instant.parse("2026-11-05T10:00:00Z"), Direction.OUTBOUND, Channel.CALL, false);
        List<Touch> touches = List.of(in("2026-11-02"), call, secondCall, out("2026-11-06"));
        assertThat(FollowUpsIntoSilence.count(touches, NOVEMBER, DECEMBER)).isEqualTo(1);
    }

    @Test
    void only_follow_ups_sent_in_the_window_count_though_earlier_ones_set_the_scene() {
        List<Touch> touches = List.of(in("2026-10-20"), out("2026-10-28"), out("2026-11-02"), out("2026-12-02"));
        assertThat(FollowUpsIntoSilence.count(touches, NOVEMBER, DECEMBER)).isEqualTo(1);
        assertThat(FollowUpsIntoSilence.count(touches, Instant.parse("2026-10-01T00:00:00Z"), NOVEMBER)).isZero();
    }

    static Touch in(String day) {
        return new Touch(Instant.parse(day + "T10:00:00Z"), Direction.INBOUND, Channel.EMAIL, false);
    }

    static Touch out(String day) {
        return new Touch(Instant.parse(day + "T10:00:00Z"), Direction.OUTBOUND, Channel.EMAIL, false);
    }
}
