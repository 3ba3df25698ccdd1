package dev.silentdeals.digests;

import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.teams.Team;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns a team and a period into a digest: facts from the stores, figures, then words and a chart. */
@Component
class DigestComposer implements DigestWriter {

    private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);
    static final int NOTE_LENGTH = 200;

    private final DigestFactsReader reader;
    private final DigestLedger ledger;
    private final DigestMetrics metrics;
    private final DigestBlocks blocks;
    private final TeamViewBlocks teamView;
    private final TruthsChart chart;

    DigestComposer(DigestFactsReader reader, DigestLedger ledger, Texts texts) {
        this.reader = reader;
        this.ledger = ledger;
        this.metrics = new DigestMetrics(new NoteRedaction(texts.plain("digest.voice.prospect"),
                texts.plain("digest.voice.person"), NOTE_LENGTH));
        this.blocks = new DigestBlocks(texts);
        this.teamView = new TeamViewBlocks(texts);
        this.chart = new TruthsChart(texts);
    }

    Digest compose(String slackTeam, Team team, DigestPeriod period) {
        return metrics.digest(reader.read(slackTeam, team, period, ledger.silentAtLastDigest(slackTeam, team.name())));
    }

    @Override
    public Written write(String slackTeam, Team team, DigestPeriod period) {
        Digest digest = compose(slackTeam, team, period);
        return new Written(render(digest), chart(digest).orElse(null), digest.silentNow().deals(),
                digest.current().yes(), digest.current().no());
    }

    RenderedDigest render(Digest digest) {
        return blocks.render(digest);
    }

    List<LayoutBlock> preview(Digest digest) {
        return blocks.preview(digest);
    }

    /** The chart, or nothing if it could not be drawn (the digest goes out without it). */
    Optional<DigestChart> chart(Digest digest) {
        try {
            return Optional.of(chart.render(digest));
        } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
            // A missing font or graphics library must not cost the team its digest.
            log.warn("Digest chart for team {} could not be drawn; posting without it: {}", digest.teamName(),
                    e.toString());
            return Optional.empty();
        }
    }

    List<LayoutBlock> teamView(String slackTeam, Team team) {
        var judged = reader.judgedDeals(slackTeam, team);
        return teamView.render(TeamSilentDeals.of(team, judged, reader.names(slackTeam, judged.keySet())));
    }
}
