package dev.silentdeals.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.hubspot.HubSpotCursor.Mode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HubSpotCursorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Duration OVERLAP = Duration.ofMinutes(5);

    @Test
    void anEmptyCursorStartsAFullSyncFromTheBeginning() {
        HubSpotCursor cursor = HubSpotCursor.read(CrmCursor.initial(), JSON);

        assertThat(cursor).isEqualTo(new HubSpotCursor(Mode.FULL, 0, "", 0, false, 0));
    }

    @Test
    void aCursorSurvivesBeingStored() {
        HubSpotCursor cursor = new HubSpotCursor(Mode.INCREMENTAL, 1741600000000L, "200", 1741608000000L, true,
                1741500000000L);

        assertThat(HubSpotCursor.read(cursor.write(JSON), JSON)).isEqualTo(cursor);
    }

    @Test
    void anUnreadableCursorFallsBackToAFullSync() {
        assertThat(HubSpotCursor.read(new CrmCursor("phase|since|after"), JSON)).isEqualTo(HubSpotCursor.fullSync());
        assertThat(HubSpotCursor.read(new CrmCursor("{\"mode\":\"SIDEWAYS\"}"), JSON))
                .isEqualTo(HubSpotCursor.fullSync());
    }

    @Test
    void aPassRemembersWhenItBeganAcrossPages() {
        HubSpotCursor begun = HubSpotCursor.fullSync().started(T0, DAY);
        HubSpotCursor later = begun.nextPage(T0.minusSeconds(60), "100", false, 100).started(T0.plusSeconds(30), DAY);

        assertThat(later.passStartedAt()).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void theNextPageStartsAtTheLastModifiedDateSeen() {
        Instant lastSeen = Instant.parse("2025-03-04T10:00:00Z");

        HubSpotCursor next = HubSpotCursor.fullSync().started(T0, DAY).nextPage(lastSeen, "100", false, 100);

        assertThat(next.since()).isEqualTo(lastSeen.toEpochMilli());
        assertThat(next.after()).isEmpty();
        assertThat(next.mode()).isEqualTo(Mode.FULL);
    }

    @Test
    void aPageWhereEveryDealSharesTheLowerBoundPagesOnWithinIt() {
        long bound = Instant.parse("2025-03-04T10:00:00Z").toEpochMilli();
        HubSpotCursor cursor = new HubSpotCursor(Mode.INCREMENTAL, bound, "", T0.toEpochMilli(), false, 0);

        HubSpotCursor next = cursor.nextPage(Instant.ofEpochMilli(bound), "100", false, 100);

        assertThat(next.since()).isEqualTo(bound);
        assertThat(next.after()).isEqualTo("100");
    }

    @Test
    void pagingWithinOneTimestampStopsShortOfTheSearchCap() {
        long bound = Instant.parse("2025-03-04T10:00:00Z").toEpochMilli();
        HubSpotCursor cursor = new HubSpotCursor(Mode.INCREMENTAL, bound, "9850", T0.toEpochMilli(), false, 0);
        assertThat(cursor.nextPage(Instant.ofEpochMilli(bound), "9900", false, 100).after()).isEqualTo("9900");

        // a page from 9950 would reach past result 10,000, which HubSpot refuses
        HubSpotCursor next = cursor.nextPage(Instant.ofEpochMilli(bound), "9950", false, 100);

        assertThat(next.since()).isEqualTo(bound + 1);
        assertThat(next.after()).isEmpty();
    }

    @Test
    void theNextPassLooksBackFromWhenThisPassBeganMinusTheOverlap() {
        HubSpotCursor cursor = new HubSpotCursor(Mode.FULL, 1741600000000L, "", T0.toEpochMilli(), false, 0);

        HubSpotCursor next = cursor.nextPass(Duration.ofMinutes(5));

        assertThat(next).isEqualTo(new HubSpotCursor(Mode.INCREMENTAL,
                T0.minus(Duration.ofMinutes(5)).toEpochMilli(), "", 0, false, T0.toEpochMilli()));
    }

    @Test
    void onlyAFullPassWithoutSkippedDealsIsComplete() {
        HubSpotCursor full = HubSpotCursor.fullSync().started(T0, DAY);

        assertThat(full.completesFullSync(false)).isTrue();
        assertThat(full.completesFullSync(true)).isFalse();
        assertThat(full.nextPage(T0, "100", true, 100).completesFullSync(false)).isFalse();
        assertThat(full.nextPass(Duration.ZERO).started(T0, DAY).completesFullSync(false)).isFalse();
    }

    @Test
    void aFullPassIsForcedOnceTheIntervalHasPassedSinceTheLastOneBegan() {
        HubSpotCursor afterFull = HubSpotCursor.fullSync().started(T0, DAY).nextPass(OVERLAP);
        Instant aDayLater = T0.plus(DAY);

        HubSpotCursor forced = afterFull.started(aDayLater, DAY);

        assertThat(forced).isEqualTo(new HubSpotCursor(Mode.FULL, 0, "", aDayLater.toEpochMilli(), false,
                T0.toEpochMilli()));
        assertThat(forced.nextPass(OVERLAP).lastFullStartedAt()).isEqualTo(aDayLater.toEpochMilli());
    }

    @Test
    void noFullPassIsForcedBeforeTheInterval() {
        HubSpotCursor afterFull = HubSpotCursor.fullSync().started(T0, DAY).nextPass(OVERLAP);

        HubSpotCursor incremental = afterFull.started(T0.plus(DAY).minusSeconds(1), DAY);

        assertThat(incremental.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(incremental.since()).isEqualTo(T0.minus(OVERLAP).toEpochMilli());
        assertThat(incremental.nextPass(OVERLAP).lastFullStartedAt()).as("an incremental pass keeps the date")
                .isEqualTo(T0.toEpochMilli());
    }

    @Test
    void aZeroIntervalTurnsForcedFullPassesOff() {
        HubSpotCursor afterFull = HubSpotCursor.fullSync().started(T0, DAY).nextPass(OVERLAP);

        assertThat(afterFull.started(T0.plus(Duration.ofDays(30)), Duration.ZERO).mode())
                .isEqualTo(Mode.INCREMENTAL);
    }

    @Test
    void aPassUnderWayIsNeverTurnedIntoAFullOne() {
        HubSpotCursor midPass = new HubSpotCursor(Mode.INCREMENTAL, T0.toEpochMilli(), "100", T0.toEpochMilli(),
                false, T0.minus(DAY).toEpochMilli());

        assertThat(midPass.started(T0.plusSeconds(60), DAY)).isEqualTo(midPass);
    }

    @Test
    void aCursorStoredWithoutTheLastFullPassDateForcesOneAtTheNextPass() {
        CrmCursor stored = new CrmCursor("{\"v\":1,\"mode\":\"INCREMENTAL\",\"since\":1741600000000,"
                + "\"after\":\"\",\"passStartedAt\":0,\"partial\":false}");

        HubSpotCursor next = HubSpotCursor.read(stored, JSON).started(T0, DAY);

        assertThat(next.mode()).isEqualTo(Mode.FULL);
        assertThat(next.since()).isZero();
    }
}
