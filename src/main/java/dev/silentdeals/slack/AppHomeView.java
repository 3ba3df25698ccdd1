package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.silentdeals.texts.Texts;

/**
 * The App Home tab: my silent deals, my truths in the last 30 days, follow-ups into silence this month and
 * last, my paused deals and revisits, my working hours and time zone. Lists are capped so the view stays
 * well inside Slack's 100 blocks for a Home tab; /silent-deals shows the rest.
 */
final class AppHomeView {

    static final int MAX_SILENT = 8;
    static final int MAX_PAUSED = 10;
    static final int MAX_REVISITS = 10;

    private final Texts texts;
    private final DealList list;
    private final WorkingHoursText hoursText;

    AppHomeView(Texts texts, DealList list) {
        this.texts = texts;
        this.list = list;
        this.hoursText = new WorkingHoursText(texts);
    }

    View render(AppHomeFacts facts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(texts.plain("home.header")))));
        blocks.add(context(List.of(markdownText(texts.slack("home.intro")))));
        silent(facts, blocks);
        truths(facts, blocks);
        followUps(facts, blocks);
        paused(facts, blocks);
        revisits(facts, blocks);
        hours(facts, blocks);
        return home(blocks);
    }

    /** The Home tab of someone we could not match to a deal owner. */
    View notMatched() {
        return home(List.of(header(h -> h.text(plainText(texts.plain("home.header")))),
                section(s -> s.text(markdownText(texts.slack("notInSlack"))))));
    }

    private void silent(AppHomeFacts facts, List<LayoutBlock> blocks) {
        blocks.add(header(h -> h.text(plainText(texts.plain("home.silentHeader")))));
        if (facts.silent().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("home.silentEmpty")))));
            return;
        }
        facts.silent().stream().limit(MAX_SILENT).forEach(deal -> blocks.addAll(list.item(deal, true)));
        if (facts.silent().size() > MAX_SILENT) {
            blocks.add(context(List.of(markdownText(texts.slack("home.silentMore",
                    Map.of("count", facts.silent().size() - MAX_SILENT))))));
        }
    }

    private void truths(AppHomeFacts facts, List<LayoutBlock> blocks) {
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(texts.plain("home.truthsHeader")))));
        AppHomeFacts.TruthCounts truths = facts.truths();
        if (truths.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("home.truthsNone")))));
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("yes", truths.yes());
        values.put("no", truths.no());
        values.put("notReached", truths.notReached());
        values.put("replied", truths.replied() == 0 ? null : truths.replied());
        StringBuilder text = new StringBuilder(texts.slack("home.truths", values));
        if (!truths.noReasons().isEmpty()) {
            String reasons = truths.noReasons().entrySet().stream()
                    .map(e -> texts.plain("home.reasonCount", Map.of("reason",
                            texts.plain("reason." + e.getKey().name()), "count", e.getValue())))
                    .collect(Collectors.joining(texts.plain("days.separator")));
            text.append('\n').append(texts.slack("home.noReasons", Map.of("reasons", reasons)));
        }
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(text.toString(), DealList.SECTION_LIMIT)))));
        blocks.add(context(List.of(markdownText(texts.slack("home.truthsContext")))));
    }

    private void followUps(AppHomeFacts facts, List<LayoutBlock> blocks) {
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(texts.plain("home.followUpsHeader")))));
        int now = facts.followUpsThisMonth();
        int before = facts.followUpsLastMonth();
        blocks.add(section(s -> s.text(markdownText(texts.slack("home.followUps", Map.of(
                "thisMonth", texts.count("followUps", now), "lastMonth", texts.count("followUps", before)))))));
        String verdict = now == 0 ? "home.followUps.none" : now < before ? "home.followUps.fewer"
                : now == before ? "home.followUps.same" : "home.followUps.more";
        blocks.add(context(List.of(markdownText(texts.slack(verdict)))));
    }

    private void paused(AppHomeFacts facts, List<LayoutBlock> blocks) {
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(texts.plain("home.pausedHeader")))));
        if (facts.paused().isEmpty()) {
            blocks.add(context(List.of(markdownText(texts.slack("home.pausedEmpty")))));
            return;
        }
        facts.paused().stream().limit(MAX_PAUSED).forEach(deal -> blocks.add(list.pausedItem(deal)));
    }

    private void revisits(AppHomeFacts facts, List<LayoutBlock> blocks) {
        if (facts.revisits().isEmpty()) {
            return;
        }
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(texts.plain("home.revisitsHeader")))));
        facts.revisits().stream().limit(MAX_REVISITS).forEach(revisit -> blocks.add(list.revisitItem(revisit)));
    }

    private void hours(AppHomeFacts facts, List<LayoutBlock> blocks) {
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(texts.plain("home.hoursHeader")))));
        String text = texts.slack("home.hours", Map.of("days", hoursText.days(facts.hours().days()),
                "window", hoursText.window(facts.hours()), "zone", facts.zone().getId()))
                + (facts.defaultHours() ? " " + texts.slack("home.hours.default") : "");
        blocks.add(section(s -> s.text(markdownText(text))
                .accessory(button(b -> b.actionId(ActionIds.OPEN_HOURS)
                        .text(plainText(texts.plain("button.changeHours"))).value("hours")))));
        blocks.add(context(List.of(markdownText(texts.slack("home.hoursContext")))));
    }

    private static View home(List<LayoutBlock> blocks) {
        return view(v -> v.type("home").blocks(blocks));
    }
}
