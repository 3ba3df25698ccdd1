package dev.silentdeals.slack;

/**
 * The ids that tie Block Kit elements to listeners. Button values are "dealId|episodeId" (the episode
 * part may be empty), so a stale button from an old episode can never act on a new one.
 */
final class ActionIds {

    static final String OPEN_TRUTH = "truth_open";
    static final String NOT_REACHED = "truth_not_reached";
    static final String REPLIED = "truth_replied";
    static final String OPEN_PAUSE = "pause_open";
    static final String OPEN_SCRIPT = "script_open";
    static final String RESUME = "pause_resume";
    static final String LIST_MORE = "list_more";
    static final String LIST_ALL_MORE = "list_all_more";
    static final String REP_LIST_MORE = "rep_list_more";
    static final String OPEN_HOURS = "hours_open";
    static final String HOURS_MODAL = "hours_modal";
    static final String TRUTH_MODAL = "truth_modal";
    static final String PAUSE_MODAL = "pause_modal";
    static final String SCRIPT_MODAL = "script_modal";

    private ActionIds() {
    }

    static String value(String dealId, String episodeId) {
        return dealId + "|" + (episodeId == null ? "" : episodeId);
    }

    static DealRef parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty button value");
        }
        int bar = value.indexOf('|');
        return bar < 0 ? new DealRef(value, "") : new DealRef(value.substring(0, bar), value.substring(bar + 1));
    }

    /** A deal and (maybe) the episode a button or form was made for. */
    record DealRef(String dealId, String episodeId) {
    }
}
