package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.nudges.ScheduledRevisit;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;

/**
 * Deals as ephemeral Block Kit lists, a page at a time so a long list stays within Slack's limits (at most
 * 50 blocks a message, 3000 characters a section); a *More* button carries the next offset. The rep's own
 * list has buttons on each deal; a manager's view of a rep's deals is read-only.
 */
final class DealList {

    static final int PAGE_SIZE = 10;
    static final int SECTION_LIMIT = 3000;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Texts texts;

    DealList(Texts texts) {
        this.texts = texts;
    }

    /** The rep's own silent deals, with buttons. */
    List<LayoutBlock> page(List<SilentDeal> silent, int offset, int dailyCap) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(texts.plain("list.header")))));
        if (silent.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("list.empty")))));
            return blocks;
        }
        int from = Math.min(offset, silent.size());
        int end = Math.min(silent.size(), from + PAGE_SIZE);
        silent.subList(from, end).forEach(deal -> blocks.addAll(item(deal, true)));
        blocks.add(context(List.of(markdownText(texts.slack("list.footer")))));
        if (silent.stream().anyMatch(deal -> deal.episode() == null || !deal.episode().isNudged())) {
            blocks.add(context(List.of(markdownText(texts.slack("list.waiting", Map.of("max", dailyCap))))));
        }
        more(blocks, ActionIds.LIST_MORE, String.valueOf(end), silent.size() - end);
        return blocks;
    }

    /** A rep's silent deals as their manager sees them: the facts only, no buttons. */
    List<LayoutBlock> repPage(String repName, String repUserId, List<SilentDeal> silent, int offset) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.fit(texts.plain("rep.header", Map.of("name", repName)),
                150)))));
        if (silent.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("rep.empty", Map.of("name", repName))))));
            return blocks;
        }
        int from = Math.min(offset, silent.size());
        int end = Math.min(silent.size(), from + PAGE_SIZE);
        silent.subList(from, end).forEach(deal -> blocks.addAll(item(deal, false)));
        blocks.add(context(List.of(markdownText(texts.slack("rep.context")))));
        more(blocks, ActionIds.REP_LIST_MORE, repUserId + "|" + end, silent.size() - end);
        return blocks;
    }

    /**
     * The rep's silent deals, then their paused deals (each with *Resume now*), then the deals waiting for a
     * revisit, paged together {@value #PAGE_SIZE} entries at a time.
     */
    List<LayoutBlock> allPage(List<SilentDeal> silent, List<SilentDeal> paused, List<ScheduledRevisit> revisits,
                              int offset, int dailyCap) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(texts.plain("all.header")))));
        int total = silent.size() + paused.size() + revisits.size();
        if (total == 0) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("all.empty")))));
            return blocks;
        }
        int from = Math.min(offset, total);
        int end = Math.min(total, from + PAGE_SIZE);
        boolean silentShown = false;
        boolean pausedShown = false;
        boolean revisitsShown = false;
        for (int i = from; i < end; i++) {
            if (i < silent.size()) {
                if (!silentShown) {
                    silentShown = true;
                    blocks.add(groupHeader("all.silentHeader", silent.size()));
                }
                blocks.addAll(item(silent.get(i), true));
            } else if (i < silent.size() + paused.size()) {
                if (!pausedShown) {
                    pausedShown = true;
                    blocks.add(groupHeader("all.pausedHeader", paused.size()));
                }
                blocks.add(pausedItem(paused.get(i - silent.size())));
            } else {
                if (!revisitsShown) {
                    revisitsShown = true;
                    blocks.add(groupHeader("all.revisitsHeader", revisits.size()));
                }
                blocks.add(revisitItem(revisits.get(i - silent.size() - paused.size())));
            }
        }
        blocks.add(context(List.of(markdownText(texts.slack("list.footer")))));
        if (silentShown && silent.stream().anyMatch(deal -> deal.episode() == null || !deal.episode().isNudged())) {
            blocks.add(context(List.of(markdownText(texts.slack("list.waiting", Map.of("max", dailyCap))))));
        }
        more(blocks, ActionIds.LIST_ALL_MORE, String.valueOf(end), total - end);
        return blocks;
    }

    /** One silent deal: the facts, and (for its owner) the buttons. */
    List<LayoutBlock> item(SilentDeal deal, boolean withButtons) {
        boolean nudged = deal.episode() != null && deal.episode().isNudged();
        int attempts = deal.episode() == null ? 0 : deal.episode().notReachedCount();
        Map<String, Object> values = new HashMap<>();
        values.put("company", deal.stored().deal().company());
        values.put("contactName", deal.stored().deal().contact().name());
        values.put("quietDays", texts.count("businessDays", deal.verdict().quietBusinessDays()));
        values.put("followUps", texts.count("followUps", deal.verdict().chaseCount()));
        values.put("nudged", nudged ? Boolean.TRUE : null);
        values.put("notReached", attempts == 0 ? null : texts.count("attempts", attempts));
        values.put("lastResort", attempts >= 2 ? Boolean.TRUE : null);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("list.item", values), SECTION_LIMIT)))));
        if (withButtons) {
            String value = ActionIds.value(deal.dealId(), deal.episode() == null ? null : deal.episode().episodeId());
            blocks.add(actions(List.of(
                    button(b -> b.actionId(ActionIds.OPEN_SCRIPT).text(plainText(texts.plain("button.getScript")))
                            .style("primary").value(value)),
                    button(b -> b.actionId(ActionIds.OPEN_TRUTH).text(plainText(texts.plain("button.recordTruth")))
                            .value(value)),
                    button(b -> b.actionId(ActionIds.OPEN_PAUSE).text(plainText(texts.plain("button.pause")))
                            .value(value)))));
        }
        return blocks;
    }

    /** A paused deal: why, until when, and *Resume now*. */
    LayoutBlock pausedItem(SilentDeal deal) {
        Map<String, Object> values = new HashMap<>();
        values.put("company", deal.stored().deal().company());
        values.put("contactName", deal.stored().deal().contact().name());
        String reason = deal.pause().reason();
        values.put("reason", texts.has("pauseReason." + reason) ? texts.plain("pauseReason." + reason) : reason);
        values.put("until", DAY.format(deal.pause().until()));
        values.put("note", deal.pause().note() == null || deal.pause().note().isBlank() ? null : deal.pause().note());
        return section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("all.pausedItem", values), SECTION_LIMIT)))
                .accessory(button(b -> b.actionId(ActionIds.RESUME).text(plainText(texts.plain("button.resume")))
                        .value(ActionIds.value(deal.dealId(), null)))));
    }

    /** A deal waiting for its revisit date. */
    LayoutBlock revisitItem(ScheduledRevisit revisit) {
        Map<String, Object> values = new HashMap<>();
        values.put("company", revisit.company());
        values.put("contactName", revisit.contactName());
        values.put("date", DAY.format(revisit.date()));
        values.put("nextStep", revisit.nextStep());
        return section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("all.revisitItem." + revisit.outcome().name(),
                values), SECTION_LIMIT))));
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    private LayoutBlock groupHeader(String key, int count) {
        return section(s -> s.text(markdownText(texts.slack(key, Map.of("count", count)))));
    }

    private void more(List<LayoutBlock> blocks, String actionId, String value, int remaining) {
        if (remaining > 0) {
            blocks.add(actions(List.of(button(b -> b.actionId(actionId)
                    .text(plainText(texts.plain("button.moreCount", Map.of("count", remaining)))).value(value)))));
        }
    }
}
