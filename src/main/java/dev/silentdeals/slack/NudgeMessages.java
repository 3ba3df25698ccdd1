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
import dev.silentdeals.nudges.FollowUpKind;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.Revisit;
import dev.silentdeals.texts.Texts;

/**
 * Block Kit for the bot's DMs: the nudge (the facts, the reframe, the script, the buttons), its one
 * follow-up (step-back or reminder), and the revisit.
 */
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

    String followUpNotification(FollowUpKind kind, Nudge nudge) {
        return texts.plain(prefix(kind) + ".notification", Map.of("company", nudge.company()));
    }

    /**
     * The one follow-up an episode may get. The step-back says why another follow-up doesn't help and gives
     * the script again; the reminder is a kind line with the buttons and the script one click away.
     */
    List<LayoutBlock> followUp(FollowUpKind kind, Nudge nudge) {
        Map<String, Object> values = Map.of("company", nudge.company(), "contactFirstName", firstName(nudge));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack(prefix(kind) + ".text", values),
                SECTION_LIMIT)))));
        List<BlockElement> buttons = new ArrayList<>(buttons(nudge));
        if (kind == FollowUpKind.STEP_BACK) {
            blocks.addAll(script(nudge.script(), nudge));
        } else {
            buttons.add(1, button(b -> b.actionId(ActionIds.OPEN_SCRIPT).text(plainText(texts.plain("button.getScript")))
                    .value(ActionIds.value(nudge.dealId(), nudge.episodeId()))));
        }
        blocks.add(actions("follow_up_actions", buttons));
        blocks.add(context(List.of(markdownText(texts.slack(prefix(kind) + ".context")))));
        return blocks;
    }

    String revisitNotification(Revisit revisit) {
        return texts.plain("revisit.notification", Map.of("company", revisit.company()));
    }

    /** The one revisit: what was agreed, and a short script for reconnecting. No buttons: nothing to record. */
    List<LayoutBlock> revisit(Revisit revisit) {
        String first = revisit.contact().firstName().isEmpty() ? revisit.company() : revisit.contact().firstName();
        Map<String, Object> values = new HashMap<>();
        values.put("contactFirstName", first);
        values.put("nextStep", revisit.nextStep());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.fit(texts.plain("revisit.header",
                Map.of("company", revisit.company())), 150), true))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("revisit.text." + revisit.outcome().name(),
                values), SECTION_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.fit(texts.slack("revisit.scriptTitle") + "\n"
                + Mrkdwn.quote(revisit.script()), SECTION_LIMIT)))));
        if (revisit.contact().hasPhone()) {
            blocks.add(context(List.of(markdownText(texts.slack("nudge.phone", Map.of("phone",
                    revisit.contact().phone(), "phoneDigits", Mrkdwn.telDigits(revisit.contact().phone())))))));
        }
        blocks.add(context(List.of(markdownText(texts.slack("revisit.context")))));
        return blocks;
    }

    private static String prefix(FollowUpKind kind) {
        return kind == FollowUpKind.STEP_BACK ? "stepBack" : "reminder";
    }

    List<LayoutBlock> facts(Nudge nudge) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.fit(texts.plain("nudge.header",
                Map.of("company", nudge.company())), 150), true))));
        Map<String, Object> values = new HashMap<>();
        values.put("contactName", nudge.contact().name().isEmpty() ? texts.plain("nudge.noContactName")
                : nudge.contact().name());
        values.put("dealName", nudge.dealName());
        values.put("stage", nudge.stage());
        values.put("amount", nudge.amount());
        blocks.add(section(s -> s.text(markdownText(texts.slack("nudge.contact", values)))));
        Map<String, Object> why = new HashMap<>();
        why.put("followUps", texts.count("followUps", nudge.chaseCount()));
        why.put("quietDays", texts.count("businessDays", nudge.quietDays()));
        why.put("contactFirstName", firstName(nudge));
        why.put("lastReplyDate", nudge.lastReplyDate() == null ? texts.plain("nudge.unknownDate")
                : DATE.format(nudge.lastReplyDate()));
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
