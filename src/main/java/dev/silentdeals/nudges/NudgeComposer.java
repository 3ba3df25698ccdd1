package dev.silentdeals.nudges;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.texts.Texts;
import dev.silentdeals.truth.Outcome;
import org.springframework.stereotype.Component;

/** Writes the nudge for a silent deal: the facts in plain words and the personalised scripts. */
@Component
public class NudgeComposer {

    static final int ATTEMPTS_BEFORE_LAST_RESORT = 2;

    private final Texts texts;
    private final String sellerCompany;

    NudgeComposer(Texts texts, NudgeProperties properties) {
        this.texts = texts;
        this.sellerCompany = properties.sellerCompany();
    }

    public Nudge compose(SilentDeal silent, Rep rep) {
        Deal deal = silent.stored().deal();
        int notReached = silent.episode() == null ? 0 : silent.episode().notReachedCount();
        LocalDate lastReply = silent.verdict().lastReplyAt() == null ? null
                : LocalDate.ofInstant(silent.verdict().lastReplyAt(), rep.timeZone());
        return new Nudge(deal.teamId(), silent.episode() == null ? null : silent.episode().episodeId(), deal.id(), rep,
                deal.company(), deal.name(), deal.stage(), amount(deal.amount(), deal.currency()), deal.contact(),
                silent.verdict().quietBusinessDays(), silent.verdict().chaseCount(), lastReply, notReached,
                script(deal, rep, notReached));
    }

    /** The nudge as it was for an episode (the figures at the nudge), e.g. to update the DM later. */
    public Nudge composeForEpisode(StoredDeal stored, Episode episode, Rep rep) {
        Deal deal = stored.deal();
        LocalDate lastReply = episode.anchorReplyAt() == null ? null
                : LocalDate.ofInstant(episode.anchorReplyAt(), rep.timeZone());
        return new Nudge(deal.teamId(), episode.episodeId(), deal.id(), rep, deal.company(), deal.name(), deal.stage(),
                amount(deal.amount(), deal.currency()), deal.contact(), episode.quietDaysShown(),
                episode.chaseCountShown(), lastReply, episode.notReachedCount(),
                script(deal, rep, episode.notReachedCount()));
    }

    /** The scripts for this deal; last-resort versions only after two calls that didn't connect. */
    public CallScript script(Deal deal, Rep rep, int notReachedCount) {
        Map<String, Object> values = scriptValues(deal, rep);
        String call = texts.plain("script.call", values);
        if (notReachedCount < ATTEMPTS_BEFORE_LAST_RESORT) {
            return new CallScript(call, null, null, null);
        }
        return new CallScript(call, texts.plain("script.voicemail", values), texts.plain("script.email.subject", values),
                texts.plain("script.email.body", values));
    }

    /** A short script for the agreed day: reconnecting after a "not now", or on a "yes" next step. */
    public String reconnectScript(Deal deal, Rep rep, Outcome outcome, String nextStep) {
        Map<String, Object> values = scriptValues(deal, rep);
        values.put("nextStep", nextStep);
        return texts.plain(outcome == Outcome.YES ? "revisit.script.YES" : "revisit.script.NO", values);
    }

    private Map<String, Object> scriptValues(Deal deal, Rep rep) {
        Map<String, Object> values = new HashMap<>();
        values.put("contactFirstName", firstNameOrFallback(deal));
        values.put("repFirstName", rep.firstName());
        values.put("company", deal.company());
        values.put("sellerCompany", sellerCompany.isEmpty() ? null : sellerCompany);
        return values;
    }

    private String firstNameOrFallback(Deal deal) {
        String first = deal.contact().firstName();
        return first.isEmpty() ? texts.plain("script.contactFallback") : first;
    }

    static String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
            Currency cur = Currency.getInstance(currency == null || currency.isBlank() ? "USD" : currency.strip());
            format.setCurrency(cur);
            boolean whole = amount.stripTrailingZeros().scale() <= 0;
            format.setMinimumFractionDigits(whole ? 0 : cur.getDefaultFractionDigits());
            format.setMaximumFractionDigits(whole ? 0 : cur.getDefaultFractionDigits());
            return format.format(amount);
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + currency;
        }
    }
}
