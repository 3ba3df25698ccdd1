package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import dev.silentdeals.texts.Texts;
import org.junit.jupiter.api.Test;

/** The chart is drawn without a display and comes out as a PNG any image reader can open. */
class TruthsChartTest {

    @Test
    void eight_weeks_of_yes_and_no_become_an_800_by_400_png() throws IOException {
        List<WeeklyTruths.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            weeks.add(new WeeklyTruths.Week(LocalDate.parse("2025-09-22").plusWeeks(i), i % 3, (i + 1) % 2));
        }
        Digest digest = DigestBlocksTest.digest(DigestBlocksTest.figures(1, 1, 0), DigestBlocksTest.figures(0, 0, 0),
                List.of(), List.of(), false);
        digest = new Digest(digest.teamName(), digest.zone(), digest.period(), digest.current(), digest.previous(),
                digest.silentNow(), digest.silentAtLastDigest(), digest.voices(), digest.reps(), false,
                new WeeklyTruths(weeks));

        DigestChart chart = new TruthsChart(Texts.english()).render(digest);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(chart.filename()).isEqualTo("truths-per-week-west-2025-11-17.png");
        assertThat(chart.title()).isEqualTo("Truths learned per week · West");
    }
}
