package dev.silentdeals.slack;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * One word after {@code /silent-deals} (e.g. {@code all}, {@code digest}, {@code @someone}). Each lives
 * in its own class and is picked up as a bean; the command listener only dispatches.
 */
interface SilentDealsSubcommand {

    /** True when this subcommand handles {@code text} (the whole text after the command, trimmed). */
    boolean matches(String text);

    /** The ephemeral answer; checks who may see it itself. */
    List<LayoutBlock> run(String team, String userId, String text);

    /** One mrkdwn line for the help, e.g. "• `/silent-deals all` also shows paused deals". */
    String helpLine();
}
