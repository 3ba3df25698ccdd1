package dev.silentdeals.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /silent-deals}: the caller's silent deals (ephemeral), the subcommands, {@code help}, and help for
 * anything else. Help is the ack's body; a list is acked at once and answered through the response_url, as is
 * *More*.
 */
class SilentDealsCommandListener implements SlackListener {

    static final String COMMAND = "/silent-deals";
    private static final Logger log = LoggerFactory.getLogger(SilentDealsCommandListener.class);

    private final SilenceDetection detection;
    private final RepDirectory reps;
    private final DealList list;
    private final Texts texts;
    private final int dailyCap;
    private final List<SilentDealsSubcommand> subcommands;
    private final AfterAck afterAck;

    SilentDealsCommandListener(SilenceDetection detection, RepDirectory reps, DealList list, Texts texts, int dailyCap,
                               List<SilentDealsSubcommand> subcommands, AfterAck afterAck) {
        this.detection = detection;
        this.reps = reps;
        this.list = list;
        this.texts = texts;
        this.dailyCap = dailyCap;
        this.subcommands = List.copyOf(subcommands);
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, this::command);
        app.blockAction(ActionIds.LIST_MORE, (req, ctx) -> {
            String team = req.getPayload().getTeam().getId();
            String userId = req.getPayload().getUser().getId();
            int offset = Offsets.parse(req.getPayload().getActions().get(0).getValue());
            afterAck.followUp("page the list for " + userId, () -> {
                try {
                    List<LayoutBlock> blocks = myList(team, userId, offset);
                    ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).blocks(blocks)
                            .text(texts.plain("list.header")));
                } catch (Exception e) {
                    log.warn("Could not page the list for {}: {}", userId, e.getMessage());
                }
            });
            return ctx.ack();
        });
    }

    /**
     * Help (and help for what it does not understand) is the ack's body: it costs nothing. A list or a
     * subcommand reads Redis and may ask Slack about a rep, so the command is acked at once and the answer
     * posted to its response_url right after, well inside Slack's 3 seconds whatever Redis's latency.
     */
    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String userId = req.getPayload().getUserId();
        String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
        Optional<SilentDealsSubcommand> subcommand = subcommands.stream().filter(sub -> sub.matches(text)).findFirst();
        if (!text.isEmpty() && subcommand.isEmpty()) {
            List<LayoutBlock> blocks = "help".equalsIgnoreCase(text) ? help(null) : help(text);
            return ctx.ack(r -> r.responseType("ephemeral").text(texts.plain("list.header")).blocks(blocks));
        }
        afterAck.followUp("answer /silent-deals " + text + " for " + userId, () -> {
            List<LayoutBlock> blocks;
            try {
                blocks = subcommand.map(sub -> sub.run(team, userId, text)).orElseGet(() -> myList(team, userId, 0));
            } catch (RuntimeException e) {
                log.warn("/silent-deals {} failed for {}: {}", text, userId, e.getMessage());
                blocks = List.of(section(s -> s.text(markdownText(texts.slack("somethingWrong")))));
            }
            List<LayoutBlock> answer = blocks;
            try {
                ctx.respond(r -> r.responseType("ephemeral").text(texts.plain("list.header")).blocks(answer));
            } catch (IOException e) {
                log.warn("Could not post the answer to /silent-deals {} for {}: {}", text, userId, e.getMessage());
            }
        });
        return ctx.ack();
    }

    private List<LayoutBlock> myList(String team, String userId, int offset) {
        Optional<Rep> rep = reps.findByUserId(team, userId);
        if (rep.isEmpty() || rep.get().email().isBlank()) {
            return List.of(section(s -> s.text(markdownText(texts.slack("notInSlack")))));
        }
        List<SilentDeal> silent = detection.silentDealsOf(team, rep.get().email());
        return list.page(silent, offset, dailyCap);
    }

    private List<LayoutBlock> help(String notUnderstood) {
        StringBuilder help = new StringBuilder(texts.slack("help.text"));
        subcommands.forEach(sub -> help.append('\n').append(sub.helpLine()));
        String text = notUnderstood == null ? help.toString()
                : texts.slack("help.notUnderstood", Map.of("text", notUnderstood)) + "\n\n" + help;
        return List.of(section(s -> s.text(markdownText(text))));
    }
}
