package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.silentdeals.nudges.CallScript;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.texts.Texts;

/** Block Kit for the nudge DM: the facts, the reframe, the script, and the buttons. */
final class NudgeMessages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final int SECTION_LIMIT = 3000;

    private final Texts texts;

    NudgeMessages(Texts texts) {
        this.texts = texts;
    }

    String notification(Nudge nudge) {
        return texts.plain("nudge.notification", Map.of("company", nudge.company()));
    }

    /** The nudge as first sent. */
    List<LayoutBlock> nudge(Nudge nudge) {
        List<LayoutBlock> blocks = facts(nudge);
        blocks.add(section(s -> s.text(markdownText(texts.slack("nudge.reframe")))));
        blocks.addAll(script(nudge.script(), nudge));
        blocks.add(actions("nudge_actions", buttons(nudge)));
        blocks.add(context(List.of(markdownText(texts.slack("nudge.context")))));
        return blocks;
    }

    /** The nudge after a truth: facts stay, the buttons give way to what was recorded. */
    List<LayoutBlock> recorded(Nudge nudge, String recordedLine, String byLine) {
        List<LayoutBlock> blocks = facts(nudge);
        blocks.add(section(s -> s.text(markdownText(recordedLine))));
        blocks.add(context(List.of(markdownText(byLine))));
        return blocks;
    }

    /** The nudge after "couldn't reach them": still open, with the count and (after two) the other versions. */
    List<LayoutBlock> notReached(Nudge nudge, String notedLine) {
        List<LayoutBlock> blocks = facts(nudge);
        blocks.add(section(s -> s.text(markdownText(notedLine))));
        blocks.addAll(script(nudge.script(), nudge));
        blocks.add(actions("nudge_actions", buttons(nudge)));
        return blocks;
    }

    List<LayoutBlock> facts(Nudge nudge) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.fit(texts.plain("nudge.header",
                Map.of("company", nudge.company())), 150), true))));
        Map<String, Object> values = new HashMap<>();
        values.put("contactName", nudge.contact().name().isEmpty() ? "—" : nudge.contact().name());
        values.put("dealName", nudge.dealName());
        values.put("stage", nudge.stage());
        values.put("amount", nudge.amount());
        blocks.add(section(s -> s.text(markdownText(texts.slack("nudge.contact", values)))));
        Map<String, Object> why = new HashMap<>();
        why.put("followUps", texts.count("followUps", nudge.chaseCount()));
        why.put("quietDays", texts.count("businessDays", nudge.quietDays()));
        why.put("contactFirstName", firstName(nudge));
        why.put("lastReplyDate", nudge.lastReplyDate() == null ? "?" : DATE.format(nudge.lastReplyDate()));
        blocks.add(section(s -> s.text(markdownText(texts.slack("nudge.why", why)))));
        return blocks;
    }

    List<LayoutBlock> script(CallScript script, Nudge nudge) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(texts.slack("nudge.scriptIntro")))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("nudge.scriptTitle") + "\n"
                + Mrkdwn.quote(script.call()), SECTION_LIMIT)))));
        if (nudge.contact().hasPhone()) {
            blocks.add(context(List.of(markdownText(texts.slack("nudge.phone", Map.of("phone", nudge.contact().phone(),
                    "phoneDigits", Mrkdwn.telDigits(nudge.contact().phone())))))));
        } else {
            blocks.add(context(List.of(markdownText(texts.slack("nudge.noPhone",
                    Map.of("contactFirstName", firstName(nudge)))))));
        }
        if (script.hasLastResortVersions()) {
            blocks.add(section(s -> s.text(markdownText(texts.slack("script.lastResortIntro",
                    Map.of("contactFirstName", firstName(nudge)))))));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("script.voicemailTitle") + "\n"
                    + Mrkdwn.quote(script.voicemail()), SECTION_LIMIT)))));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("script.emailTitle") + "\n```"
                    + Mrkdwn.escape(script.emailSubject()) + "\n\n" + Mrkdwn.escape(script.emailBody()) + "```",
                    SECTION_LIMIT)))));
        }
        return blocks;
    }

    List<BlockElement> buttons(Nudge nudge) {
        String value = ActionIds.value(nudge.dealId(), nudge.episodeId());
        return List.of(
                button(b -> b.actionId(ActionIds.OPEN_TRUTH).text(plainText(texts.plain("button.recordTruth")))
                        .style("primary").value(value)),
                button(b -> b.actionId(ActionIds.NOT_REACHED).text(plainText(texts.plain("button.notReached")))
                        .value(value)),
                button(b -> b.actionId(ActionIds.REPLIED).text(plainText(texts.plain("button.replied"))).value(value)),
                button(b -> b.actionId(ActionIds.OPEN_PAUSE).text(plainText(texts.plain("button.pause"))).value(value)));
    }

    private static String firstName(Nudge nudge) {
        String first = nudge.contact().firstName();
        return first.isEmpty() ? nudge.company() : first;
    }
}
