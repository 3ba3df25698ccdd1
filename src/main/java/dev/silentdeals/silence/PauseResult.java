package dev.silentdeals.silence;

/** What happened when a rep paused or resumed a deal. */
public enum PauseResult { PAUSED, RESUMED, NOT_PAUSED, NOT_OWNER, NO_SUCH_DEAL, DATE_NOT_AHEAD }
