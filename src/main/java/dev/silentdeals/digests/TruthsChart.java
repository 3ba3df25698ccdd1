package dev.silentdeals.digests;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import dev.silentdeals.texts.Texts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Truths learned per week, yes and no side by side, as a PNG drawn without a display (headless). Yes and
 * no get two calm colours of equal weight: neither is the bad one.
 */
final class TruthsChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;
    private static final Color YES = new Color(0x2E, 0x86, 0xAB);
    private static final Color NO = new Color(0x8E, 0x6C, 0xB8);
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final Texts texts;

    TruthsChart(Texts texts) {
        this.texts = texts;
    }

    DigestChart render(Digest digest) {
        String yes = texts.plain("digest.chart.yes");
        String no = texts.plain("digest.chart.no");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (WeeklyTruths.Week week : digest.weeks().weeks()) {
            String label = DigestFormat.SHORT_DAY.format(week.start());
            data.addValue(week.yes(), yes, label);
            data.addValue(week.no(), no, label);
        }
        String title = texts.plain("digest.chart.title", Map.of("team", digest.teamName()));
        JFreeChart chart = ChartFactory.createBarChart(title, texts.plain("digest.chart.weekOf"),
                texts.plain("digest.chart.axis"), data);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, YES);
        bars.setSeriesPaint(1, NO);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the digest chart", e);
        }
        String filename = "truths-per-week-" + digest.teamName().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT)
                + "-" + FILE_DATE.format(digest.period().to().atZone(digest.zone())) + ".png";
        return new DigestChart(png.toByteArray(), filename, title, texts.plain("digest.chart.comment"));
    }
}
