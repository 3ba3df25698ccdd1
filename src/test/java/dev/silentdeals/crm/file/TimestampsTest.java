package dev.silentdeals.crm.file;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-22T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "now,         2026-11-22T00:00:00Z",
            "now-12d,     2026-11-10T00:00:00Z",
            "now-3d4h,    2026-11-18T20:00:00Z",
            "now+2d,      2026-11-24T00:00:00Z",
            "now-90m,     2026-11-21T22:30:00Z",
            "now+1d2h30m, 2026-11-23T02:30:00Z",
            "NOW-1D,      2026-11-21T00:00:00Z",
            "2026-11-10T09:30:00+01:00, 2026-11-10T08:30:00Z",
            "2026-11-10T09:30:00Z,      2026-11-10T09:30:00Z"})
    void readsIsoTimesWithOffsetAndTimesRelativeToTheAnchor(String text, Instant expected) {
        assertThat(Timestamps.parse("at", text, ANCHOR)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"now-", "now-5", "now-3h4d", "now 3d", "yesterday", "2026-11-10T09:30:00", "2026-11-10"})
    void rejectsAnythingElseSayingWhatItExpects(String text) {
        assertThatThrownBy(() -> Timestamps.parse("at", text, ANCHOR))
                .isInstanceOf(MalformedRow.class)
                .hasMessage("at '" + text + "' is not an ISO-8601 time with offset (e.g. 2026-11-10T09:30:00+01:00)"
                        + " nor a relative time (e.g. now-3d4h)");
    }

    @Test
    void rejectsAnEmptyCell() {
        assertThatThrownBy(() -> Timestamps.parse("updated_at", "", ANCHOR)).hasMessage("updated_at is empty");
    }

    @Test
    void rejectsAnOffsetTooLargeForAnInstant() {
        assertThatThrownBy(() -> Timestamps.parse("at", "now-99999999999999d", ANCHOR))
                .hasMessage("at 'now-99999999999999d' is out of range");
    }

    @Test
    void theCommonIsoShapeReadsExactlyAsTheGeneralParserReadsIt() {
        java.util.Random random = new java.util.Random(5);
        String[] offsets = {"Z", "+00:00", "+01:00", "-05:30", "+14:00", "-12:00", "+05:45"};
        for (int i = 0; i < 5000; i++) {
            java.time.OffsetDateTime time = java.time.OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(5) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    java.time.ZoneOffset.of(offsets[random.nextInt(offsets.length)]));
            String text = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
            assertThat(Timestamps.commonIso(text)).as(text).isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-11-10T24:00:00Z", "2026-11-10T09:30Z", "2026-11-10t09:30:00z",
            "2026-11-10T09:30:00+1:00", "2026-11-10T09:30:00.Z", "2026-11-10T09:30:00+19:00", "+2026-11-10T09:30:00Z"})
    void anythingOutsideTheCommonShapeIsLeftToTheGeneralParser(String text) {
        assertThat(Timestamps.commonIso(text)).isNull();
    }
}
