package dev.silentdeals.silence;

/** Why a silence episode ended. */
public enum EpisodeEnd {
    /** The prospect came back (a real reply or a meeting after the episode's anchor), or a conversation happened. */
    REPLIED,
    /** A meeting is booked ahead. */
    MEETING_BOOKED,
    /** The deal closed in the CRM or is gone from it. */
    CLOSED,
    /** The rep recorded YES or NO; set by the truth feature, never by {@link EpisodeRules#decide}. */
    TRUTH_RECORDED
}
