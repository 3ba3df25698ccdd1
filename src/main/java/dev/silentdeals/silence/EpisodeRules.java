package dev.silentdeals.silence;

import java.time.Instant;
import java.util.Objects;

/** Opens, keeps and ends silence episodes from successive verdicts on a deal. */
public final class EpisodeRules {

    private EpisodeRules() {
    }

    /**
     * With an open episode, the first that applies: the deal closed → END CLOSED; a meeting is booked ahead →
     * END MEETING_BOOKED; the last reply is newer than the episode's anchor → END REPLIED (even while
     * paused: the prospect came back); otherwise KEEP, whatever else the verdict says, since only those
     * three end an episode here (a YES/NO truth ends it elsewhere). Without one: SILENT → OPEN_NEW anchored
     * on the verdict's last reply, anything else → NONE.
     */
    public static EpisodeDecision decide(EpisodeState openEpisodeOrNull, SilenceVerdict verdict, Instant now) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(now, "now");
        if (openEpisodeOrNull == null) {
            return verdict.isSilent() ? EpisodeDecision.openNew(now, verdict.lastReplyAt()) : EpisodeDecision.none();
        }
        EpisodeState open = openEpisodeOrNull;
        switch (verdict.status()) {
            case CLOSED:
                return EpisodeDecision.end(open, EpisodeEnd.CLOSED);
            case MEETING_AHEAD:
                return EpisodeDecision.end(open, EpisodeEnd.MEETING_BOOKED);
            default:
                break;
        }
        Instant lastReply = verdict.lastReplyAt();
        if (lastReply != null && lastReply.isAfter(open.anchorReplyAt())) {
            return EpisodeDecision.end(open, EpisodeEnd.REPLIED);
        }
        return EpisodeDecision.keep(open);
    }
}
