package dev.silentdeals.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.stream.IntStream;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.nudges.ScheduledRevisit;
import dev.silentdeals.nudges.WorkingHours;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.Pause;
import dev.silentdeals.silence.SilenceVerdict;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import org.junit.jupiter.api.Test;

/** The lists and the Home tab stay within Block Kit's limits however long the lists get, and page with More. */
class BlockKitLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final String LONG = "Ünïcode & <angle> company name that goes on ".repeat(120);

    final Texts texts = Texts.english();
    final DealList list = new DealList(texts);

    @Test
    void a_long_list_pages_ten_at_a_time_with_more_carrying_the_next_offset() {
        List<SilentDeal> silent = silentDeals(25);

        List<LayoutBlock> first = list.page(silent, 0, 3);
        List<LayoutBlock> second = list.page(silent, 10, 3);
        List<LayoutBlock> last = list.page(silent, 20, 3);

        assertWithinLimits(first, 50);
        assertWithinLimits(second, 50);
        assertWithinLimits(last, 50);
        assertThat(moreButton(first)).isNotNull();
        assertThat(moreButton(first).getValue()).isEqualTo("10");
        assertThat(moreButton(first).getText().getText()).isEqualTo("More (15)");
        assertThat(moreButton(second).getValue()).isEqualTo("20");
        assertThat(moreButton(last)).isNull();
        assertThat(sections(last)).filteredOn(text -> text.startsWith("*")).hasSize(5);
    }

    @Test
    void the_all_list_pages_across_silent_paused_and_revisits() {
        List<SilentDeal> silent = silentDeals(8);
        List<SilentDeal> paused = IntStream.range(0, 7).mapToObj(i -> paused(i)).toList();
        List<ScheduledRevisit> revisits = IntStream.range(0, 6).mapToObj(this::revisit).toList();

        List<LayoutBlock> first = list.allPage(silent, paused, revisits, 0, 3);
        List<LayoutBlock> second = list.allPage(silent, paused, revisits, 10, 3);
        List<LayoutBlock> third = list.allPage(silent, paused, revisits, 20, 3);

        assertWithinLimits(first, 50);
        assertWithinLimits(second, 50);
        assertWithinLimits(third, 50);
        assertThat(String.join("\n", sections(first))).contains("*Silent* (8)", "*Paused* (7)")
                .doesNotContain("Waiting for a revisit");
        assertThat(String.join("\n", sections(second))).contains("*Paused* (7)", "*Waiting for a revisit* (6)",
                "paused until");
        assertThat(moreButton(first).getValue()).isEqualTo("10");
        assertThat(moreButton(third)).isNull();
        long resumeButtons = second.stream().filter(b -> b instanceof SectionBlock s && s.getAccessory() != null)
                .count();
        assertThat(resumeButtons).isEqualTo(5);
    }

    @Test
    void a_managers_view_has_no_buttons_but_pages_the_same() {
        List<LayoutBlock> page = list.repPage("Ana López", "U0ANA", silentDeals(12), 0);
        assertWithinLimits(page, 50);
        List<ActionsBlock> actions = page.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .toList();
        assertThat(actions).hasSize(1);
        assertThat(((ButtonElement) actions.get(0).getElements().get(0)).getValue()).isEqualTo("U0ANA|10");
    }

    @Test
    void the_home_tab_stays_within_its_limits_with_everything_full() {
        Rep rep = new Rep("ana@example.com", "U0ANA", "Ana López", ZoneId.of("Europe/London"));
        EnumMap<NoReason, Integer> reasons = new EnumMap<>(NoReason.class);
        reasons.put(NoReason.BUDGET, 2);
        reasons.put(NoReason.TIMING, 1);
        AppHomeFacts facts = new AppHomeFacts(rep, silentDeals(30), IntStream.range(0, 20).mapToObj(this::paused)
                .toList(), IntStream.range(0, 20).mapToObj(this::revisit).toList(),
                new AppHomeFacts.TruthCounts(2, 3, 1, 4, reasons), 2, 5,
                WorkingHours.parse("09:00-17:00", "MON-FRI"), true, rep.timeZone());

        View home = new AppHomeView(texts, list).render(facts);

        assertThat(home.getType()).isEqualTo("home");
        assertWithinLimits(home.getBlocks(), 100);
        String all = String.join("\n", sections(home.getBlocks()));
        assertThat(all).contains("Yes: *2*", "No: *3*", "Couldn't reach: *4*", "Budget (2)",
                "*2 follow-ups* this month, *5 follow-ups* last month", "Mon–Fri", "09:00–17:00", "Europe/London",
                "default hours");
    }

    private static void assertWithinLimits(List<LayoutBlock> blocks, int maxBlocks) {
        assertThat(blocks).hasSizeLessThanOrEqualTo(maxBlocks);
        assertThat(sections(blocks)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
    }

    private static List<String> sections(List<LayoutBlock> blocks) {
        List<String> texts = new ArrayList<>();
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section && section.getText() != null) {
                texts.add(section.getText().getText());
            }
        }
        return texts;
    }

    private static ButtonElement moreButton(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(a -> a.getElements().stream()).map(ButtonElement.class::cast)
                .filter(b -> b.getActionId().endsWith("more")).findFirst().orElse(null);
    }

    private static List<SilentDeal> silentDeals(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            Deal deal = deal(i);
            Episode episode = new Episode("T1", "D" + i + "-1", "D" + i, "ana@example.com", NOW, NOW, 9, 3,
                    i % 2 == 0 ? NOW : null, null, null, null, 9, 3, i % 3, null, null);
            return new SilentDeal(new StoredDeal(deal, List.of(), null),
                    new SilenceVerdict(SilenceVerdict.Status.SILENT, 9 + i, 3, NOW.minusSeconds(864_000)), episode,
                    null);
        }).toList();
    }

    private SilentDeal paused(int i) {
        Deal deal = deal(100 + i);
        return new SilentDeal(new StoredDeal(deal, List.of(), null),
                new SilenceVerdict(SilenceVerdict.Status.PAUSED, 9, 3, NOW.minusSeconds(864_000)), null,
                new Pause(deal.id(), "CHAMPION_AWAY", LONG, LocalDate.parse("2026-12-01"), "U0ANA", NOW));
    }

    private ScheduledRevisit revisit(int i) {
        return new ScheduledRevisit("D" + (200 + i), "D" + (200 + i) + "-1", "ana@example.com",
                i % 2 == 0 ? Outcome.NO : Outcome.YES, LocalDate.parse("2026-12-02"), i % 2 == 0 ? null : LONG,
                LONG, "Jade Fox", NOW);
    }

    private static Deal deal(int i) {
        return new Deal("T1", "D" + i, "Deal " + i, i == 3 ? LONG : "Company " + i, "Proposal",
                new BigDecimal("1000"), "GBP", "ana@example.com", new Contact("Jade Fox", "jade@x.example", "+44 1"),
                false, false, NOW);
    }
}
