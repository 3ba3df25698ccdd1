package dev.silentdeals.digests;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.texts.Texts;

/** {@code /silent-deals team}: the team's silent deals in aggregate, as one short ephemeral message. */
final class TeamViewBlocks {

    private final Texts texts;

    TeamViewBlocks(Texts texts) {
        this.texts = texts;
    }

    List<LayoutBlock> render(TeamSilentDeals view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKitLimits.fit(texts.plain("team.header",
                Map.of("team", view.teamName())), BlockKitLimits.HEADER_TEXT)))));
        blocks.add(context(List.of(markdownText(texts.slack("team.intro")))));
        if (view.zone().deals() == 0) {
            blocks.add(text(texts.slack("team.none")));
        } else {
            Map<String, Object> zone = new HashMap<>();
            zone.put("deals", texts.count("digest.deals", view.zone().deals()));
            String amount = DigestFormat.amounts(view.zone().amounts());
            zone.put("amount", amount.isEmpty() ? null : amount);
            zone.put("longest", view.zone().longestQuietDays() == 0 ? null
                    : texts.count("businessDays", view.zone().longestQuietDays()));
            blocks.add(text(texts.slack("team.zone", zone)));
            String stages = view.byStage().entrySet().stream()
                    .map(e -> texts.plain("team.stage", Map.of("stage",
                            e.getKey().isEmpty() ? texts.plain("team.noStage") : e.getKey(), "count", e.getValue())))
                    .collect(Collectors.joining(" · "));
            blocks.add(text(texts.slack("team.stages", Map.of("stages", stages))));
            blocks.add(text(texts.slack("team.progress", Map.of("sent", view.scriptSent(), "waiting", view.awaiting(),
                    "notReached", view.notConnected()))));
        }
        if (view.paused() > 0) {
            blocks.add(text(texts.slack("team.paused", Map.of("paused", view.paused()))));
        }
        if (!view.reps().isEmpty()) {
            String reps = view.reps().entrySet().stream()
                    .map(e -> texts.plain("team.rep", Map.of("name", e.getKey(), "count", e.getValue())))
                    .collect(Collectors.joining(" · "));
            blocks.add(text(texts.slack("team.reps", Map.of("reps", reps))));
        }
        blocks.add(context(List.of(markdownText(texts.slack("team.footer")))));
        return blocks;
    }

    private static LayoutBlock text(String mrkdwn) {
        return section(s -> s.text(markdownText(BlockKitLimits.fit(mrkdwn, BlockKitLimits.SECTION_TEXT))));
    }
}
