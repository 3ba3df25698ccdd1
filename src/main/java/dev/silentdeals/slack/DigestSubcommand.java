package dev.silentdeals.slack;

import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.digests.TeamViews;
import dev.silentdeals.texts.Texts;

/** {@code /silent-deals digest [team]}: a manager's preview of the team's digest for the period so far. */
class DigestSubcommand implements SilentDealsSubcommand {

    static final String WORD = "digest";

    private final TeamViews views;
    private final Texts texts;

    DigestSubcommand(TeamViews views, Texts texts) {
        this.views = views;
        this.texts = texts;
    }

    @Override
    public boolean matches(String text) {
        return firstWord(text).equals(WORD);
    }

    @Override
    public List<LayoutBlock> run(String team, String userId, String text) {
        return views.digestPreview(team, userId, rest(text));
    }

    @Override
    public String helpLine() {
        return texts.slack("digest.help");
    }

    static String firstWord(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        return (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    static String rest(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? "" : stripped.substring(space + 1).strip();
    }
}
