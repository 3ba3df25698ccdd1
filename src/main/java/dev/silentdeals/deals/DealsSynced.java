package dev.silentdeals.deals;

/** A sync pass finished: how many deals changed, touches were new, records were skipped, deals went. */
public record DealsSynced(String teamId, String adapter, int dealsChanged, long touchesAdded, int skipped,
                          int markedGone) {
}
