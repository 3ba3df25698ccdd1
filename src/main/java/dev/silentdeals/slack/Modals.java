package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.WorkingHours;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;

/** The modals: record the truth, pause a deal, read the script, and set one's working hours. */
final class Modals {

    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String NEXT_STEP = "next_step";
    static final String DATE = "date";
    static final String NOTE = "note";
    static final String PAUSE_REASON = "pause_reason";
    static final String UNTIL = "until";
    static final String VALUE = "value";
    static final String HOURS_START = "hours_start";
    static final String HOURS_END = "hours_end";
    static final String HOURS_DAYS = "hours_days";
    static final List<String> PAUSE_REASONS = List.of("CHAMPION_AWAY", "INTERNAL_PROCESS", "OTHER");

    private final Texts texts;
    private final NudgeMessages messages;

    Modals(Texts texts, NudgeMessages messages) {
        this.texts = texts;
        this.messages = messages;
    }

    View truth(Deal deal, String episodeId) {
        List<OptionObject> outcomes = Arrays.stream(new Outcome[] {Outcome.YES, Outcome.NO, Outcome.NOT_REACHED})
                .map(o -> option(plainText(texts.plain("truthModal.outcome." + o.name())), o.name())).toList();
        List<OptionObject> reasons = Arrays.stream(NoReason.values())
                .map(r -> option(plainText(texts.plain("reason." + r.name())), r.name())).toList();
        String first = deal.contact().firstName().isEmpty() ? deal.company() : deal.contact().firstName();
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(texts.slack("truthModal.intro",
                        Map.of("contactFirstName", first, "company", deal.company()))))),
                input(i -> i.blockId(OUTCOME).label(plainText(texts.plain("truthModal.outcome")))
                        .element(radioButtons(r -> r.actionId(VALUE).options(outcomes)))),
                input(i -> i.blockId(REASON).optional(true).label(plainText(texts.plain("truthModal.reason")))
                        .element(staticSelect(s -> s.actionId(VALUE).options(reasons)))),
                input(i -> i.blockId(NEXT_STEP).optional(true).label(plainText(texts.plain("truthModal.nextStep")))
                        .element(plainTextInput(p -> p.actionId(VALUE).maxLength(300)))),
                input(i -> i.blockId(DATE).optional(true).label(plainText(texts.plain("truthModal.nextStepDate")))
                        .element(datePicker(d -> d.actionId(VALUE)))),
                input(i -> i.blockId(NOTE).optional(true).label(plainText(texts.plain("truthModal.note")))
                        .element(plainTextInput(p -> p.actionId(VALUE).multiline(true).maxLength(2000)))));
        return view(v -> v.type("modal").callbackId(ActionIds.TRUTH_MODAL)
                .privateMetadata(ActionIds.value(deal.id(), episodeId))
                .title(viewTitle(t -> t.type("plain_text").text(texts.plain("truthModal.title"))))
                .submit(viewSubmit(t -> t.type("plain_text").text(texts.plain("truthModal.submit"))))
                .close(viewClose(t -> t.type("plain_text").text(texts.plain("truthModal.close"))))
                .blocks(blocks));
    }

    View pause(Deal deal, String episodeId) {
        List<OptionObject> reasons = PAUSE_REASONS.stream()
                .map(r -> option(plainText(texts.plain("pauseReason." + r)), r)).toList();
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(texts.slack("pauseModal.intro", Map.of("company", deal.company()))))),
                input(i -> i.blockId(PAUSE_REASON).label(plainText(texts.plain("pauseModal.reason")))
                        .element(staticSelect(s -> s.actionId(VALUE).options(reasons)))),
                input(i -> i.blockId(UNTIL).label(plainText(texts.plain("pauseModal.until")))
                        .element(datePicker(d -> d.actionId(VALUE)))),
                input(i -> i.blockId(NOTE).optional(true).label(plainText(texts.plain("pauseModal.note")))
                        .element(plainTextInput(p -> p.actionId(VALUE).maxLength(500)))));
        return view(v -> v.type("modal").callbackId(ActionIds.PAUSE_MODAL)
                .privateMetadata(ActionIds.value(deal.id(), episodeId))
                .title(viewTitle(t -> t.type("plain_text").text(texts.plain("pauseModal.title"))))
                .submit(viewSubmit(t -> t.type("plain_text").text(texts.plain("pauseModal.submit"))))
                .close(viewClose(t -> t.type("plain_text").text(texts.plain("truthModal.close"))))
                .blocks(blocks));
    }

    /** The rep's working hours: from, until, and which days; filled with what applies now. */
    View workingHours(WorkingHours current, ZoneId zone) {
        List<OptionObject> days = Arrays.stream(DayOfWeek.values())
                .map(d -> option(plainText(texts.plain("day." + d.name())), d.name())).toList();
        List<OptionObject> checked = days.stream().filter(o -> current.days().contains(DayOfWeek.valueOf(o.getValue())))
                .toList();
        String end = current.untilMidnight() ? "23:59" : current.end().toString();
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(texts.slack("hoursModal.intro", Map.of("zone", zone.getId()))))),
                input(i -> i.blockId(HOURS_START).label(plainText(texts.plain("hoursModal.start")))
                        .element(timePicker(t -> t.actionId(VALUE).initialTime(current.start().toString())))),
                input(i -> i.blockId(HOURS_END).label(plainText(texts.plain("hoursModal.end")))
                        .element(timePicker(t -> t.actionId(VALUE).initialTime(end)))),
                input(i -> i.blockId(HOURS_DAYS).label(plainText(texts.plain("hoursModal.days")))
                        .element(checkboxes(c -> c.actionId(VALUE).options(days)
                                .initialOptions(checked.isEmpty() ? null : checked)))));
        return view(v -> v.type("modal").callbackId(ActionIds.HOURS_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text(texts.plain("hoursModal.title"))))
                .submit(viewSubmit(t -> t.type("plain_text").text(texts.plain("hoursModal.submit"))))
                .close(viewClose(t -> t.type("plain_text").text(texts.plain("truthModal.close"))))
                .blocks(blocks));
    }

    View script(Nudge nudge) {
        List<LayoutBlock> blocks = new ArrayList<>(messages.facts(nudge));
        blocks.addAll(messages.script(nudge.script(), nudge));
        return view(v -> v.type("modal").callbackId(ActionIds.SCRIPT_MODAL)
                .privateMetadata(ActionIds.value(nudge.dealId(), nudge.episodeId()))
                .title(viewTitle(t -> t.type("plain_text").text(texts.plain("scriptModal.title"))))
                .close(viewClose(t -> t.type("plain_text").text(texts.plain("truthModal.close"))))
                .blocks(blocks));
    }
}
