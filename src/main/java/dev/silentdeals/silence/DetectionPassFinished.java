package dev.silentdeals.silence;

/** Detection went through a workspace's candidates: what is silent now, and which episodes opened or ended. */
public record DetectionPassFinished(String teamId, int silentNow, int episodesOpened, int episodesEnded,
                                    int dealsJudged) {
}
