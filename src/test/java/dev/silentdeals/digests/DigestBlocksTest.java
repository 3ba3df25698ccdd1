package dev.silentdeals.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.NoReason;
import org.junit.jupiter.api.Test;

/** The digest as a manager reads it in Slack, and within Block Kit's limits whatever the team's size. */
class DigestBlocksTest {

    static final DigestPeriod WEEK = new DigestPeriod(Instant.parse("2025-11-10T09:00:00Z"),
            Instant.parse("2025-11-17T09:00:00Z"));

    final DigestBlocks blocks = new DigestBlocks(Texts.english());

    @Test
    void the_summary_puts_each_figure_beside_the_previous_periods_and_celebrates_yes_and_no_alike() {
        String text = textOf(blocks.render(digest(figures(1, 2, 3), figures(0, 1, 2), List.of(), List.of(), false)));

        assertThat(text).contains("Truths learned · West", "Mon 10 Nov – Mon 17 Nov 2025 (Europe/London)",
                "the 7 days before", "*3 truths learned.*", "a clear no counts as much as a yes",
                "1 yes · 2 no", "_0 yes · 1 no_",
                "2 of 5 quiet spells that began reached a truth (40%)", "_1 of 2 quiet spells that began reached a truth (50%)_",
                "2.0 days", "EUR 15,000 · GBP 48,000", "_GBP 10,000_", "Why the no's:* Budget (2)",
                "*Follow-ups sent into silence*\n3\n_2_", "*In the silent zone now:* 2 deals · GBP 20,000 · USD 5,000",
                "the longest quiet for 12 business days", "_(at the last digest: 4 deals)_");
        assertThat(text).doesNotContainIgnoringCase("just checking in").doesNotContainIgnoringCase("circling back")
                .doesNotContainIgnoringCase("urgent").doesNotContainIgnoringCase("asap");
    }

    @Test
    void fewer_follow_ups_into_silence_than_before_is_shown_as_progress() {
        String fewer = textOf(blocks.render(digest(figures(1, 0, 1), figures(1, 0, 6), List.of(), List.of(), false)));
        String more = textOf(blocks.render(digest(figures(1, 0, 6), figures(1, 0, 1), List.of(), List.of(), false)));

        assertThat(fewer).contains("Fewer follow-ups went into silence than in the period before. That's progress");
        assertThat(more).doesNotContain("That's progress").contains("one calm call tends to do what another follow-up can't");
    }

    @Test
    void the_voice_of_the_lost_is_grouped_by_reason_without_names_unless_per_rep_detail_is_on() {
        List<LostVoice> anonymous = List.of(new LostVoice(NoReason.BUDGET, "[name] said the budget <moved> on", null, null),
                new LostVoice(NoReason.TIMING, "Next year, maybe", null, null));
        String text = textOf(blocks.render(digest(figures(0, 2, 0), figures(0, 0, 0), anonymous, List.of(), false)));
        assertThat(text).contains("*Voice of the lost:*", "*Budget*\n> [name] said the budget &lt;moved&gt; on",
                "*Timing: revisit later*\n> Next year, maybe", "Prospects' names are left out");

        List<LostVoice> named = List.of(new LostVoice(NoReason.BUDGET, "Olivia said no", "Atlas Freight", "Ana López"));
        assertThat(textOf(blocks.render(digest(figures(0, 1, 0), figures(0, 0, 0), named, List.of(), true))))
                .contains("> Olivia said no _(Atlas Freight, Ana López)_").doesNotContain("names are left out");
    }

    @Test
    void reps_are_listed_by_name_never_ranked_and_never_by_how_much_they_chased() {
        List<RepDetail> reps = List.of(new RepDetail("Ana López", 0, 2, 1), new RepDetail("Ben Okafor", 5, 0, 0));
        RenderedDigest rendered = blocks.render(digest(figures(5, 2, 4), figures(0, 0, 0), List.of(), reps, true));
        String text = textOf(rendered);

        assertThat(text).contains("in alphabetical order. Not a ranking", "*Ana López*", "0 yes · 2 no · 1 waiting for a truth",
                "*Ben Okafor*", "5 yes · 0 no · 0 waiting for a truth");
        assertThat(text.indexOf("Ana López")).isLessThan(text.indexOf("Ben Okafor"));
        String repPart = text.substring(text.indexOf("By rep"), text.indexOf("silent-deals counts"));
        assertThat(repPart).doesNotContainIgnoringCase("follow-up").doesNotContainIgnoringCase("chase");
        assertThat(blocks.render(digest(figures(5, 2, 4), figures(0, 0, 0), List.of(), reps, false)).messages())
                .allSatisfy(m -> assertThat(textOf(m)).doesNotContain("Ana López", "Ben Okafor"));
    }

    @Test
    void a_large_team_continues_in_the_thread_with_every_message_within_block_kits_limits() {
        List<RepDetail> reps = IntStream.range(0, 130)
                .mapToObj(i -> new RepDetail("Rep %03d %s".formatted(i, "x".repeat(2500)), i % 3, i % 2, i % 4)).toList();
        List<LostVoice> voices = IntStream.range(0, 60)
                .mapToObj(i -> new LostVoice(NoReason.WENT_ANOTHER_WAY, "note %d %s".formatted(i, "y".repeat(190)), null, null))
                .toList();

        RenderedDigest rendered = blocks.render(digest(figures(10, 60, 2), figures(4, 3, 5), voices, reps, true));

        assertThat(rendered.messages()).hasSizeGreaterThan(2);
        assertThat(rendered.messages()).allSatisfy(message -> {
            assertThat(message).hasSizeLessThanOrEqualTo(50);
            assertWithinLimits(message);
        });
        assertThat(textOf(rendered.main())).contains("Truths learned · West", "The rest of this digest is in the thread",
                "counts truths learned, never how hard anyone chased", "…and ");
        assertThat(rendered.thread()).allSatisfy(m -> assertThat(textOf(m)).startsWith("Digest for West, continued."));
        long repLines = rendered.messages().stream().flatMap(List::stream)
                .filter(b -> b instanceof SectionBlock s && s.getFields() != null && s.getFields().size() == 2).count();
        assertThat(repLines).isEqualTo(130);
    }

    @Test
    void the_preview_is_one_message_for_the_manager_alone_with_the_weeks_in_figures() {
        List<RepDetail> reps = IntStream.range(0, 80).mapToObj(i -> new RepDetail("Rep " + i, 0, 0, 0)).toList();
        List<LayoutBlock> preview = blocks.preview(digest(figures(1, 1, 0), figures(0, 0, 0), List.of(), reps, true));

        assertThat(preview).hasSizeLessThanOrEqualTo(50);
        assertWithinLimits(preview);
        assertThat(textOf(preview)).contains("Preview, for you only:* the period so far, since Mon 10 Nov, 09:00",
                "Nothing was posted to the channel", "(yes/no): 0/0 · 0/0", "goes on in a thread");
    }

    @Test
    void the_console_text_reads_like_the_message() {
        String console = blocks.render(digest(figures(1, 1, 0), figures(0, 0, 0), List.of(), List.of(), false)).asText();
        assertThat(console).contains("== Truths learned · West ==", "Truths learned | 1 yes · 1 no");
    }

    static Digest digest(PeriodFigures now, PeriodFigures before, List<LostVoice> voices, List<RepDetail> reps,
                         boolean perRep) {
        List<WeeklyTruths.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            weeks.add(new WeeklyTruths.Week(java.time.LocalDate.parse("2025-09-22").plusWeeks(i), 0, 0));
        }
        return new Digest("West", TeamHistory.LONDON, WEEK, now, before,
                new SilentZone(2, Map.of("GBP", new BigDecimal("20000"), "USD", new BigDecimal("5000")), 12),
                Optional.of(4), voices, reps, perRep, new WeeklyTruths(weeks));
    }

    static PeriodFigures figures(int yes, int no, int followUps) {
        boolean busy = yes + no > 2;
        return new PeriodFigures(yes, no, 0, 1, no > 0 ? Map.of(NoReason.BUDGET, no) : Map.of(), busy ? 5 : 2,
                busy ? 2 : 1, Optional.of(Duration.ofHours(48)),
                busy ? Map.of("GBP", new BigDecimal("48000"), "EUR", new BigDecimal("15000"))
                        : Map.of("GBP", new BigDecimal("10000")), followUps);
    }

    static void assertWithinLimits(List<LayoutBlock> message) {
        for (LayoutBlock block : message) {
            if (block instanceof SectionBlock section) {
                if (section.getText() != null) {
                    assertThat(textOf(section.getText()).length()).isLessThanOrEqualTo(3000);
                }
                if (section.getFields() != null) {
                    assertThat(section.getFields()).hasSizeLessThanOrEqualTo(10)
                            .allSatisfy(f -> assertThat(textOf(f).length()).isLessThanOrEqualTo(2000));
                }
            } else if (block instanceof HeaderBlock header) {
                assertThat(header.getText().getText().length()).isLessThanOrEqualTo(150);
            }
        }
    }

    static String textOf(RenderedDigest rendered) {
        return rendered.messages().stream().map(DigestBlocksTest::textOf).collect(Collectors.joining("\n"));
    }

    static String textOf(List<LayoutBlock> message) {
        List<String> texts = new ArrayList<>();
        for (LayoutBlock block : message) {
            if (block instanceof HeaderBlock header) {
                texts.add(header.getText().getText());
            } else if (block instanceof SectionBlock section) {
                if (section.getText() != null) {
                    texts.add(textOf(section.getText()));
                }
                if (section.getFields() != null) {
                    section.getFields().forEach(f -> texts.add(textOf(f)));
                }
            } else if (block instanceof ContextBlock context) {
                context.getElements().forEach(e -> texts.add(e instanceof TextObject t ? textOf(t) : ""));
            }
        }
        return String.join("\n", texts);
    }

    static String textOf(TextObject text) {
        return text instanceof MarkdownTextObject m ? m.getText()
                : text instanceof com.slack.api.model.block.composition.PlainTextObject p ? p.getText() : "";
    }
}
