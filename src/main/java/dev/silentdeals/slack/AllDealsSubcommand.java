package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.nudges.Revisits;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /silent-deals all}: the caller's silent deals, then their paused deals (reason, resume date,
 * *Resume now*), then the deals waiting for their revisit date; paged with *More*.
 */
class AllDealsSubcommand implements SilentDealsSubcommand, SlackListener {

    private static final Logger log = LoggerFactory.getLogger(AllDealsSubcommand.class);

    private final SilenceDetection detection;
    private final Revisits revisits;
    private final RepDirectory reps;
    private final DealList list;
    private final Texts texts;
    private final int dailyCap;
    private final Clock clock;
    private final AfterAck afterAck;

    AllDealsSubcommand(SilenceDetection detection, Revisits revisits, RepDirectory reps, DealList list, Texts texts,
                       int dailyCap, Clock clock, AfterAck afterAck) {
        this.detection = detection;
        this.revisits = revisits;
        this.reps = reps;
        this.list = list;
        this.texts = texts;
        this.dailyCap = dailyCap;
        this.clock = clock;
        this.afterAck = afterAck;
    }

    @Override
    public boolean matches(String text) {
        return text.equalsIgnoreCase("all");
    }

    @Override
    public List<LayoutBlock> run(String team, String userId, String text) {
        return page(team, userId, 0);
    }

    @Override
    public String helpLine() {
        return texts.slack("help.all");
    }

    @Override
    public void register(App app) {
        app.blockAction(ActionIds.LIST_ALL_MORE, (req, ctx) -> {
            String team = req.getPayload().getTeam().getId();
            String userId = req.getPayload().getUser().getId();
            int offset = Offsets.parse(req.getPayload().getActions().get(0).getValue());
            afterAck.followUp("page /silent-deals all for " + userId, () -> {
                try {
                    List<LayoutBlock> blocks = page(team, userId, offset);
                    ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).blocks(blocks)
                            .text(texts.plain("all.header")));
                } catch (Exception e) {
                    log.warn("Could not page /silent-deals all for {}: {}", userId, e.getMessage());
                }
            });
            return ctx.ack();
        });
    }

    private List<LayoutBlock> page(String team, String userId, int offset) {
        Optional<Rep> rep = reps.findByUserId(team, userId);
        if (rep.isEmpty() || rep.get().email().isBlank()) {
            return List.of(section(s -> s.text(markdownText(texts.slack("notInSlack")))));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), rep.get().timeZone());
        List<SilentDeal> deals = detection.dealsOf(team, rep.get().email());
        List<SilentDeal> silent = deals.stream().filter(deal -> deal.verdict().isSilent()).toList();
        List<SilentDeal> paused = deals.stream().filter(deal -> deal.pause() != null && deal.pause().isActiveOn(today))
                .sorted(java.util.Comparator.comparing((SilentDeal deal) -> deal.pause().until())
                        .thenComparing(SilentDeal::dealId))
                .toList();
        return list.allPage(silent, paused, revisits.pendingOf(team, rep.get().email()), offset, dailyCap);
    }
}
