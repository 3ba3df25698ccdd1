package dev.silentdeals.nudges;

import static dev.silentdeals.nudges.DispatchFixture.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.silentdeals.testing.RedisForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a detection pass the nudge dispatch leaves out, before loading a deal, every episode whose rep
 * cannot get a nudge now; the others are judged, claimed and sent exactly as before.
 */
class NudgeDispatchSkipsRepsWhoCannotGetOneTest {

    static final RedisForTests redis = RedisForTests.start();

    DispatchFixture fixture;
    NudgeDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        redis.flush();
        fixture = new DispatchFixture(redis.client());
        dispatcher = fixture.nudgeDispatcher();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        dispatcher.destroy();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void a_rep_at_the_daily_cap_her_awaiting_episodes_are_not_loaded() {
        fixture.rep("ana", "Europe/London");
        fixture.rep("cara", "Europe/London");
        fixture.silentDeals("ana", "A1", "A2");
        fixture.silentDeals("cara", "C1", "C2");
        fixture.detect();
        fixture.nudgesAlreadySent("ana", "2026-11-18", DispatchFixture.DAILY_CAP);

        int sent = dispatcher.dispatch(TEAM);

        assertThat(fixture.reads.loadedOrJudged()).containsExactlyInAnyOrder("C1", "C2");
        assertThat(sent).isEqualTo(2);
        assertThat(fixture.delivery.dealsNudgedTo("cara")).containsExactlyInAnyOrder("C1", "C2");
        assertThat(fixture.delivery.dealsNudgedTo("ana")).isEmpty();
        assertThat(fixture.awaiting()).as("ana's wait for her next day").containsExactlyInAnyOrder("A1", "A2");
    }

    @Test
    void a_rep_under_the_cap_gets_nudges_up_to_it_and_the_rest_wait() {
        fixture.rep("ana", "Europe/London");
        fixture.silentDeals("ana", "A1", "A2", "A3");
        fixture.detect();
        fixture.nudgesAlreadySent("ana", "2026-11-18", DispatchFixture.DAILY_CAP - 1);

        int sent = dispatcher.dispatch(TEAM);

        assertThat(sent).isEqualTo(1);
        assertThat(fixture.awaiting()).hasSize(2);
        fixture.reads.reset();
        assertThat(dispatcher.dispatch(TEAM)).isZero();
        assertThat(fixture.reads.loadedOrJudged()).as("at the cap now: nothing loaded").isEmpty();
    }

    @Test
    void a_rep_outside_working_hours_is_skipped_until_her_hours() {
        fixture.rep("bo", "Asia/Tokyo");
        fixture.silentDeals("bo", "B1", "B2");
        fixture.detect();

        assertThat(dispatcher.dispatch(TEAM)).as("19:00 in Tokyo").isZero();
        assertThat(fixture.reads.loadedOrJudged()).isEmpty();

        fixture.clock.set(Instant.parse("2026-11-19T00:30:00Z"));
        assertThat(dispatcher.dispatch(TEAM)).as("Thursday 09:30 in Tokyo").isEqualTo(2);
        assertThat(fixture.delivery.dealsNudgedTo("bo")).containsExactlyInAnyOrder("B1", "B2");
    }

    @Test
    void the_cap_is_counted_on_the_reps_own_date() {
        fixture.rep("dan", "America/Los_Angeles");
        fixture.silentDeals("dan", "D1");
        fixture.detect();
        // Thursday 00:30 UTC is still Wednesday 16:30 in Los Angeles.
        fixture.clock.set(Instant.parse("2026-11-19T00:30:00Z"));
        fixture.nudgesAlreadySent("dan", "2026-11-18", DispatchFixture.DAILY_CAP);

        assertThat(dispatcher.dispatch(TEAM)).as("at the cap on his Wednesday").isZero();
        assertThat(fixture.reads.loadedOrJudged()).isEmpty();

        redis.client().del(dev.silentdeals.redis.RedisKeys.nudgesSent(TEAM, DispatchFixture.userId("dan"),
                "2026-11-18"));
        fixture.nudgesAlreadySent("dan", "2026-11-19", DispatchFixture.DAILY_CAP);
        assertThat(dispatcher.dispatch(TEAM)).as("the UTC date's count is not his").isEqualTo(1);
    }

    @Test
    void an_owner_not_in_slack_is_not_loaded_and_is_reported_once_per_deal() {
        fixture.silentDeals("eve", "E1", "E2");
        fixture.detect();
        fixture.reads.reset();

        assertThat(dispatcher.dispatch(TEAM)).isZero();
        assertThat(dispatcher.dispatch(TEAM)).isZero();

        assertThat(fixture.reads.loadedOrJudged()).isEmpty();
        assertThat(fixture.meters.counter("silentdeals.reps.owner_not_in_slack").count()).isEqualTo(2.0);
        assertThat(fixture.awaiting()).containsExactlyInAnyOrder("E1", "E2");
    }

    @Test
    void a_delivery_that_ignores_working_hours_is_not_held_back_by_them() {
        fixture.rep("bo", "Asia/Tokyo");
        fixture.silentDeals("bo", "B1");
        fixture.detect();
        fixture.delivery.respectsWorkingHours = false;

        assertThat(dispatcher.dispatch(TEAM)).isEqualTo(1);
    }

    @Test
    void a_deal_gone_from_the_store_is_not_judged() {
        fixture.rep("ana", "Europe/London");
        fixture.silentDeals("ana", "A1", "A2");
        fixture.detect();
        redis.client().del(dev.silentdeals.redis.RedisKeys.deal(TEAM, "A2"));

        assertThat(dispatcher.dispatch(TEAM)).isEqualTo(1);
        assertThat(fixture.reads.judged).containsExactly("A1");
    }
}
