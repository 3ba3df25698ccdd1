package dev.silentdeals.silence;

import dev.silentdeals.deals.StoredDeal;

/** A deal judged now: the verdict, and its open episode if it has one (null otherwise). */
public record SilentDeal(StoredDeal stored, SilenceVerdict verdict, Episode episode, Pause pause) {

    public String dealId() {
        return stored.deal().id();
    }
}
