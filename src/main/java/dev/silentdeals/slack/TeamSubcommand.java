package dev.silentdeals.slack;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.digests.TeamViews;
import dev.silentdeals.texts.Texts;

/** {@code /silent-deals team [team]}: a manager's view of the team's silent deals, in aggregate. */
class TeamSubcommand implements SilentDealsSubcommand {

    static final String WORD = "team";

    private final TeamViews views;
    private final Texts texts;

    TeamSubcommand(TeamViews views, Texts texts) {
        this.views = views;
        this.texts = texts;
    }

    @Override
    public boolean matches(String text) {
        return DigestSubcommand.firstWord(text).equals(WORD);
    }

    @Override
    public List<LayoutBlock> run(String team, String userId, String text) {
        return views.silentDeals(team, userId, DigestSubcommand.rest(text));
    }

    @Override
    public String helpLine() {
        return texts.slack("team.help");
    }
}
