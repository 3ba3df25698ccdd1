package dev.silentdeals.digests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import dev.silentdeals.deals.Contact;
import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.SilenceVerdict;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.teams.Team;
import dev.silentdeals.testing.MutableClock;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.Truth;

/**
 * A team's history written as it happens: the test moves the clock and says what happened then (a deal
 * went quiet, a follow-up went out, a truth was recorded), and gets the facts a digest is computed from.
 */
final class TeamHistory {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-01T00:00:00Z"));
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final Map<String, Deal> deals = new HashMap<>();
    private final Map<String, List<Touch>> touches = new HashMap<>();
    private final List<Truth> truths = new ArrayList<>();
    private final Map<Instant, String> attempts = new LinkedHashMap<>();
    private final Map<String, List<SilentDeal>> silentNow = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> members = new LinkedHashSet<>();

    TeamHistory member(String email, String name) {
        members.add(email);
        names.put(email, name);
        silentNow.put(email, new ArrayList<>());
        return this;
    }

    /** Moves the clock to a local time in London, e.g. "2025-11-10T09:00". */
    TeamHistory at(String londonTime) {
        clock.set(LocalDateTime.parse(londonTime).atZone(LONDON).toInstant());
        return this;
    }

    Instant now() {
        return clock.instant();
    }

    TeamHistory deal(String id, String owner, String company, String contact, String amount, String currency) {
        deals.put(id, new Deal("T1", id, id + " deal", company, "Proposal", new BigDecimal(amount), currency, owner,
                new Contact(contact, null, null), false, false, now()));
        return this;
    }

    /** The deal goes silent now: an episode opens. */
    TeamHistory wentQuiet(String dealId) {
        Deal deal = deals.get(dealId);
        String id = dealId + "-" + now().toEpochMilli();
        episodes.put(dealId, new Episode("T1", id, dealId, deal.ownerEmail(), now(), now().minusSeconds(86_400 * 10),
                7, 2, null, null, null, null, 0, 0, 0, null, null));
        return this;
    }

    TeamHistory touch(String dealId, Direction direction, Channel channel, boolean autoReply) {
        touches.computeIfAbsent(dealId, id -> new ArrayList<>()).add(new Touch(now(), direction, channel, autoReply));
        return this;
    }

    TeamHistory followUp(String dealId, Channel channel) {
        return touch(dealId, Direction.OUTBOUND, channel, false);
    }

    TeamHistory couldNotReach(String dealId) {
        attempts.put(now(), episodes.get(dealId).episodeId());
        return this;
    }

    TeamHistory yes(String dealId) {
        return truth(dealId, Outcome.YES, null, null);
    }

    TeamHistory no(String dealId, NoReason reason, String note) {
        return truth(dealId, Outcome.NO, reason, note);
    }

    TeamHistory cameBack(String dealId) {
        return truth(dealId, Outcome.REPLIED, null, null);
    }

    private TeamHistory truth(String dealId, Outcome outcome, NoReason reason, String note) {
        Episode open = episodes.get(dealId);
        Deal deal = deals.get(dealId);
        truths.add(new Truth("T1", open.episodeId(), dealId, outcome, reason, null, null, note, "U1",
                deal.ownerEmail(), now(), open.startedAt(), 7, 2, deal.amount(), deal.currency(), deal.company(),
                deal.contact().name()));
        episodes.put(dealId, new Episode("T1", open.episodeId(), dealId, open.ownerEmail(), open.startedAt(),
                open.anchorReplyAt(), 7, 2, null, null, null, null, 0, 0, open.notReachedCount(), now(),
                outcome == Outcome.REPLIED ? "REPLIED" : "TRUTH_RECORDED"));
        return this;
    }

    /** A deal in the silent zone at the moment the digest is written. */
    TeamHistory silentNow(String dealId, int quietDays) {
        Deal deal = deals.get(dealId);
        silentNow.get(deal.ownerEmail()).add(new SilentDeal(new StoredDeal(deal, List.of(), null),
                new SilenceVerdict(SilenceVerdict.Status.SILENT, quietDays, 2, now().minusSeconds(86_400L * quietDays)),
                episodes.get(dealId), null));
        return this;
    }

    DigestFacts facts(Team team, DigestPeriod period, Optional<Integer> silentAtLastDigest) {
        List<String> now = new ArrayList<>();
        List<String> before = new ArrayList<>();
        attempts.forEach((at, episodeId) -> {
            if (period.contains(at)) {
                now.add(episodeId);
            } else if (period.previous().contains(at)) {
                before.add(episodeId);
            }
        });
        List<Episode> all = new ArrayList<>(episodes.values());
        return new DigestFacts(team, period, members, List.copyOf(truths), all, touches, now, before, silentNow, names,
                silentAtLastDigest);
    }

    List<Episode> episodes() {
        return List.copyOf(episodes.values());
    }

    static Team team(String name, boolean perRepDetail, String... members) {
        return new Team(name, List.of("maria@example.com"), List.of(members), "C0DIGEST1", Team.DEFAULT_SCHEDULE,
                LONDON, perRepDetail);
    }
}
