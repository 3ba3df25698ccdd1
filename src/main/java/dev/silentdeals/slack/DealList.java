package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;

/**
 * The rep's silent deals as an ephemeral Block Kit list, a page at a time so a long list stays within
 * Slack's 50-block limit; a *More* button carries the next offset.
 */
final class DealList {

    static final int PAGE_SIZE = 10;

    private final Texts texts;

    DealList(Texts texts) {
        this.texts = texts;
    }

    List<LayoutBlock> page(List<SilentDeal> silent, int offset, int dailyCap) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(texts.plain("list.header")))));
        if (silent.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("list.empty")))));
            return blocks;
        }
        int end = Math.min(silent.size(), offset + PAGE_SIZE);
        boolean someWaiting = false;
        for (SilentDeal deal : silent.subList(Math.min(offset, silent.size()), end)) {
            boolean nudged = deal.episode() != null && deal.episode().isNudged();
            someWaiting |= !nudged;
            Map<String, Object> values = new HashMap<>();
            values.put("company", deal.stored().deal().company());
            values.put("contactName", deal.stored().deal().contact().name());
            values.put("quietDays", texts.count("businessDays", deal.verdict().quietBusinessDays()));
            values.put("followUps", texts.count("followUps", deal.verdict().chaseCount()));
            values.put("nudged", nudged ? Boolean.TRUE : null);
            int attempts = deal.episode() == null ? 0 : deal.episode().notReachedCount();
            values.put("notReached", attempts == 0 ? null : texts.count("attempts", attempts));
            blocks.add(section(s -> s.text(markdownText(texts.slack("list.item", values)))));
            String value = ActionIds.value(deal.dealId(), deal.episode() == null ? null : deal.episode().episodeId());
            blocks.add(actions(List.of(
                    button(b -> b.actionId(ActionIds.OPEN_SCRIPT).text(plainText(texts.plain("button.getScript")))
                            .style("primary").value(value)),
                    button(b -> b.actionId(ActionIds.OPEN_TRUTH).text(plainText(texts.plain("button.recordTruth")))
                            .value(value)),
                    button(b -> b.actionId(ActionIds.OPEN_PAUSE).text(plainText(texts.plain("button.pause")))
                            .value(value)))));
        }
        blocks.add(context(List.of(markdownText(texts.slack("list.footer")))));
        if (someWaiting) {
            blocks.add(context(List.of(markdownText(texts.slack("list.waiting", Map.of("max", dailyCap))))));
        }
        if (end < silent.size()) {
            blocks.add(actions(List.of(button(b -> b.actionId(ActionIds.LIST_MORE)
                    .text(plainText(texts.plain("button.more") + " (" + (silent.size() - end) + ")"))
                    .value(String.valueOf(end))))));
        }
        return blocks;
    }
}
