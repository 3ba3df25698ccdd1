package dev.silentdeals.digests;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.NoReason;

/**
 * Words a digest for Slack: a summary of figures (each with the previous period's beside it), the silent
 * zone now, the voice of the lost by reason, and per-rep lines when the team wants them. All wording comes
 * from the texts; every section respects Block Kit's limits.
 */
final class DigestBlocks {

    private final Texts texts;
    private final DigestFormat format;

    DigestBlocks(Texts texts) {
        this.texts = texts;
        this.format = new DigestFormat(texts);
    }

    /** The digest as channel messages: the first for the channel, any others for its thread. */
    RenderedDigest render(Digest digest) {
        return render(digest, BlockKitLimits.MAX_BLOCKS);
    }

    RenderedDigest render(Digest digest, int maxBlocks) {
        List<LayoutBlock> summary = new ArrayList<>();
        summary.add(header(h -> h.text(plainText(BlockKitLimits.fit(
                texts.plain("digest.header", Map.of("team", digest.teamName())), BlockKitLimits.HEADER_TEXT)))));
        summary.add(context(List.of(markdownText(texts.slack("digest.period", Map.of(
                "from", DigestFormat.day(digest.period().from(), digest.zone()),
                "to", DigestFormat.dayAndYear(digest.period().to(), digest.zone()),
                "zone", digest.zone().getId(), "length", format.length(digest.period().length())))))));
        summary.addAll(summaryBlocks(digest));
        List<List<LayoutBlock>> messages = BlockKitLimits.pack(List.of(summary, voiceBlocks(digest),
                repBlocks(digest)), maxBlocks, 2, 1);
        List<LayoutBlock> footer = new ArrayList<>();
        footer.add(context(List.of(markdownText(texts.slack("digest.footer")))));
        if (messages.size() > 1) {
            footer.add(context(List.of(markdownText(texts.slack("digest.continued")))));
        }
        List<List<LayoutBlock>> withHeadings = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            List<LayoutBlock> message = new ArrayList<>();
            if (i > 0) {
                message.add(context(List.of(markdownText(texts.slack("digest.continuation",
                        Map.of("team", digest.teamName()))))));
            }
            message.addAll(messages.get(i));
            if (i == 0) {
                message.addAll(footer);
            }
            withHeadings.add(message);
        }
        return new RenderedDigest(notification(digest), withHeadings);
    }

    /**
     * The digest of the period so far, for the manager who asked, as one ephemeral message: the first
     * part, with a line saying what the posted digest would add.
     */
    List<LayoutBlock> preview(Digest digest) {
        RenderedDigest rendered = render(digest, BlockKitLimits.MAX_BLOCKS - 2);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(List.of(markdownText(texts.slack("digest.preview", Map.of("from",
                DigestFormat.DAY_AND_TIME.format(digest.period().from().atZone(digest.zone())) + " ("
                        + digest.zone().getId() + ")"))))));
        blocks.addAll(rendered.main());
        blocks.add(context(List.of(markdownText(texts.slack("digest.weeks", Map.of("weeks",
                digest.weeks().weeks().stream().map(w -> w.yes() + "/" + w.no()).collect(Collectors.joining(" · "))))))));
        int more = rendered.thread().stream().mapToInt(message -> message.size() - 1).sum();
        if (more > 0) {
            blocks.add(context(List.of(markdownText(texts.slack("digest.previewRest", Map.of("count", more))))));
        }
        return blocks;
    }

    String notification(Digest digest) {
        return texts.plain("digest.notification", Map.of("team", digest.teamName(),
                "truths", texts.count("digest.truthsCount", digest.current().truths()),
                "yes", digest.current().yes(), "no", digest.current().no()));
    }

    private List<LayoutBlock> summaryBlocks(Digest digest) {
        PeriodFigures now = digest.current();
        PeriodFigures before = digest.previous();
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = now.truths() > 0
                ? texts.slack("digest.intro.some", Map.of("truths", texts.count("digest.truthsCount", now.truths())))
                : texts.slack("digest.intro.none");
        blocks.add(sectionText(intro));

        Map<String, Object> truths = new HashMap<>();
        truths.put("yes", now.yes());
        truths.put("no", now.no());
        truths.put("cameBack", now.cameBack() == 0 ? null : now.cameBack());
        truths.put("prevYes", before.yes());
        truths.put("prevNo", before.no());
        List<String> fields = new ArrayList<>();
        fields.add(texts.slack("digest.truths", truths));
        fields.add(texts.slack("digest.truthRate", Map.of("value", truthRate(now), "prevValue", truthRate(before))));
        fields.add(texts.slack("digest.medianTime", Map.of("value", median(now), "prevValue", median(before))));
        fields.add(texts.slack("digest.released", Map.of("value", released(now), "prevValue", released(before))));
        fields.add(texts.slack("digest.followUps", Map.of("count", now.followUpsIntoSilence(),
                "prevCount", before.followUpsIntoSilence())));
        fields.add(texts.slack("digest.notReached", Map.of("count", now.notReached(), "prevCount", before.notReached())));
        blocks.add(section(s -> s.fields(fields.stream()
                .map(f -> (TextObject) markdownText(BlockKitLimits.fit(f, BlockKitLimits.FIELD_TEXT))).toList())));

        if (!now.reasons().isEmpty()) {
            String reasons = now.reasons().entrySet().stream()
                    .map(e -> texts.plain("digest.reason", Map.of("reason", reasonName(e.getKey()), "count", e.getValue())))
                    .collect(Collectors.joining(" · "));
            blocks.add(sectionText(texts.slack("digest.reasons", Map.of("reasons", reasons))));
        }
        if (now.followUpsIntoSilence() < before.followUpsIntoSilence()) {
            blocks.add(sectionText(texts.slack("digest.followUps.fewer")));
        } else if (now.followUpsIntoSilence() > 0) {
            blocks.add(sectionText(texts.slack("digest.followUps.notFewer")));
        }
        blocks.add(sectionText(silentZone(digest)));
        return blocks;
    }

    private String silentZone(Digest digest) {
        SilentZone zone = digest.silentNow();
        Map<String, Object> values = new HashMap<>();
        values.put("atLast", digest.silentAtLastDigest().map(n -> texts.count("digest.deals", n)).orElse(null));
        if (zone.deals() == 0) {
            return texts.slack("digest.silentZone.none", values);
        }
        values.put("deals", texts.count("digest.deals", zone.deals()));
        String amount = DigestFormat.amounts(zone.amounts());
        values.put("amount", amount.isEmpty() ? null : amount);
        values.put("longest", zone.longestQuietDays() == 0 ? null : texts.count("businessDays", zone.longestQuietDays()));
        return texts.slack("digest.silentZone", values);
    }

    private List<LayoutBlock> voiceBlocks(Digest digest) {
        if (digest.voices().isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(divider());
        blocks.add(sectionText(texts.slack("digest.voice.title")));
        Map<NoReason, List<LostVoice>> byReason = new LinkedHashMap<>();
        digest.voices().forEach(v -> byReason.computeIfAbsent(v.reason(), r -> new ArrayList<>()).add(v));
        byReason.forEach((reason, voices) -> {
            StringBuilder text = new StringBuilder(texts.slack("digest.voice.reason", Map.of("reason", reasonName(reason))));
            int shown = 0;
            for (LostVoice voice : voices) {
                String line = voice.company() == null
                        ? texts.slack("digest.voice.note", Map.of("note", voice.note()))
                        : texts.slack("digest.voice.noteWithNames", Map.of("note", voice.note(),
                        "company", voice.company(), "rep", String.valueOf(voice.rep())));
                String more = texts.slack("digest.voice.more", Map.of("count", voices.size() - shown));
                if (text.length() + 1 + line.length() + 1 + more.length() > BlockKitLimits.SECTION_TEXT) {
                    break;
                }
                text.append('\n').append(line);
                shown++;
            }
            if (shown < voices.size()) {
                text.append('\n').append(texts.slack("digest.voice.more", Map.of("count", voices.size() - shown)));
            }
            blocks.add(sectionText(text.toString()));
        });
        if (!digest.perRepDetail()) {
            blocks.add(context(List.of(markdownText(texts.slack("digest.voice.noNames")))));
        }
        return blocks;
    }

    private List<LayoutBlock> repBlocks(Digest digest) {
        if (!digest.perRepDetail() || digest.reps().isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(divider());
        blocks.add(sectionText(texts.slack("digest.reps.title")));
        for (RepDetail rep : digest.reps()) {
            String name = BlockKitLimits.fit(texts.slack("digest.reps.name", Map.of("name", rep.name())),
                    BlockKitLimits.FIELD_TEXT);
            String line = texts.slack("digest.reps.line", Map.of("yes", rep.yes(), "no", rep.no(), "waiting",
                    rep.waiting()));
            blocks.add(section(s -> s.fields(List.of(markdownText(name), markdownText(line)))));
        }
        return blocks;
    }

    private String truthRate(PeriodFigures figures) {
        return figures.truthRatePercent()
                .map(percent -> texts.plain("digest.truthRate.value", Map.of("reached", figures.reachedTruth(),
                        "opened", figures.opened(), "percent", percent)))
                .orElseGet(() -> texts.plain("digest.truthRate.none"));
    }

    private String median(PeriodFigures figures) {
        return figures.medianTimeToTruth().map(format::duration).orElseGet(() -> texts.plain("digest.medianTime.none"));
    }

    private String released(PeriodFigures figures) {
        String amounts = DigestFormat.amounts(figures.released());
        return amounts.isEmpty() ? texts.plain("digest.released.none") : amounts;
    }

    private String reasonName(NoReason reason) {
        return texts.plain("reason." + reason.name());
    }

    private static LayoutBlock sectionText(String mrkdwn) {
        return section(s -> s.text(markdownText(BlockKitLimits.fit(mrkdwn, BlockKitLimits.SECTION_TEXT))));
    }
}
