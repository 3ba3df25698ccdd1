package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.teams.Teams;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /silent-deals @someone}: that rep's silent deals, read-only, for the rep's managers (teams file)
 * and the admins (SLACK_ADMINS); anyone else gets a clear refusal. With escaping on, Slack sends the
 * mention as {@code <@U123|name>} (or {@code <@U123>}); a plain {@code @name} cannot be resolved safely,
 * so the answer explains how to mention.
 */
class RepDealsSubcommand implements SilentDealsSubcommand, SlackListener {

    private static final Logger log = LoggerFactory.getLogger(RepDealsSubcommand.class);
    private static final Pattern MENTION = Pattern.compile("^<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>$");

    private final SilenceDetection detection;
    private final RepDirectory reps;
    private final Teams teams;
    private final DealList list;
    private final Texts texts;
    private final AfterAck afterAck;

    RepDealsSubcommand(SilenceDetection detection, RepDirectory reps, Teams teams, DealList list, Texts texts,
                       AfterAck afterAck) {
        this.detection = detection;
        this.reps = reps;
        this.teams = teams;
        this.list = list;
        this.texts = texts;
        this.afterAck = afterAck;
    }

    @Override
    public boolean matches(String text) {
        return text.startsWith("<@") || text.startsWith("@");
    }

    @Override
    public List<LayoutBlock> run(String team, String userId, String text) {
        Matcher mention = MENTION.matcher(text.strip());
        if (!mention.matches()) {
            log.info("/silent-deals from {} named someone without a Slack mention; explaining how to mention", userId);
            return say(texts.slack("rep.plainName"));
        }
        return page(team, userId, mention.group(1), 0);
    }

    @Override
    public String helpLine() {
        return texts.slack("help.rep");
    }

    @Override
    public void register(App app) {
        app.blockAction(ActionIds.REP_LIST_MORE, (req, ctx) -> {
            String team = req.getPayload().getTeam().getId();
            String userId = req.getPayload().getUser().getId();
            String value = req.getPayload().getActions().get(0).getValue();
            int bar = value == null ? -1 : value.indexOf('|');
            if (bar <= 0) {
                log.warn("A rep list's More button from {} carried no rep: '{}'", userId, value);
                return ctx.ack();
            }
            afterAck.followUp("page a rep's list for " + userId, () -> {
                try {
                    List<LayoutBlock> blocks = page(team, userId, value.substring(0, bar),
                            Offsets.parse(value.substring(bar + 1)));
                    ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).blocks(blocks)
                            .text(texts.plain("list.header")));
                } catch (Exception e) {
                    log.warn("Could not page a rep's list for {}: {}", userId, e.getMessage());
                }
            });
            return ctx.ack();
        });
    }

    private List<LayoutBlock> page(String team, String viewerId, String repUserId, int offset) {
        Optional<Rep> rep = reps.findByUserId(team, repUserId);
        if (rep.isEmpty() || rep.get().email().isBlank()) {
            return say(texts.slack("rep.notFound"));
        }
        String name = rep.get().realName() == null || rep.get().realName().isBlank() ? rep.get().email()
                : rep.get().realName();
        if (!viewerId.equals(repUserId) && !teams.mayViewRep(team, viewerId, repUserId)) {
            log.info("{} asked for {}'s deals and is neither their manager nor an admin: refused", viewerId, repUserId);
            return say(texts.slack("rep.refused", Map.of("name", name)));
        }
        List<SilentDeal> silent = detection.silentDealsOf(team, rep.get().email());
        return list.repPage(name, repUserId, silent, offset);
    }

    private static List<LayoutBlock> say(String mrkdwn) {
        return List.of(section(s -> s.text(markdownText(mrkdwn))));
    }
}
