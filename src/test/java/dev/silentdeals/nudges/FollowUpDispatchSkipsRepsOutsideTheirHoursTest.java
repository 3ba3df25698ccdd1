package dev.silentdeals.nudges;

import static dev.silentdeals.nudges.DispatchFixture.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follow-up dispatch loads no deal of a rep outside her working hours, and sends once they begin. */
class FollowUpDispatchSkipsRepsOutsideTheirHoursTest {

    static final RedisForTests redis = RedisForTests.start();

    DispatchFixture fixture;
    NudgeDispatcher nudges;
    FollowUpDispatcher followUps;

    @BeforeEach
    void setUp() {
        redis.flush();
        fixture = new DispatchFixture(redis.client());
        nudges = fixture.nudgeDispatcher();
        followUps = fixture.followUpDispatcher();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        nudges.destroy();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void a_rep_outside_working_hours_her_nudged_episodes_are_not_loaded_until_her_hours() {
        fixture.rep("ana", "Europe/London");
        fixture.silentDeals("ana", "A1");
        fixture.detect();
        assertThat(nudges.dispatch(TEAM)).isEqualTo(1);
        fixture.reads.reset();

        // Three business days after the nudge the reminder is due; 20:00 in London is after her hours.
        fixture.clock.set(Instant.parse("2026-11-23T20:00:00Z"));
        assertThat(followUps.dispatch(TEAM)).isZero();
        assertThat(fixture.reads.loadedOrJudged()).isEmpty();

        fixture.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(followUps.dispatch(TEAM)).isEqualTo(1);
        assertThat(fixture.delivery.followUps).extracting(Nudge::dealId).containsExactly("A1");
    }

    @Test
    void an_owner_not_in_slack_gets_no_follow_up_and_nothing_is_loaded() {
        fixture.rep("ana", "Europe/London");
        fixture.silentDeals("ana", "A1");
        fixture.detect();
        assertThat(nudges.dispatch(TEAM)).isEqualTo(1);
        fixture.slackUsers.clear();
        redis.client().del(dev.silentdeals.redis.RedisKeys.rep(TEAM, "ana@example.com"));
        fixture.reads.reset();

        fixture.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(followUps.dispatch(TEAM)).isZero();
        assertThat(fixture.reads.loadedOrJudged()).isEmpty();
    }
}
