package dev.silentdeals.digests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.silentdeals.deals.Deal;
import dev.silentdeals.deals.Touch;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import dev.silentdeals.truth.Truth;

/**
 * The digest's figures, computed from facts alone (no store, no clock): the definitions live here.
 *
 * <ul>
 * <li><b>Truths learned</b>: YES and NO truths recorded in the period; prospects who came back on their own
 * and calls that did not connect are counted beside them.</li>
 * <li><b>Truth rate</b>: of the silence episodes that began in the period, those that got a YES or NO
 * before the period ended.</li>
 * <li><b>Median time to truth</b>: over the YES and NO truths recorded in the period, from the start of the
 * episode to the moment the truth was recorded.</li>
 * <li><b>Pipeline released</b>: the deal amounts on NO truths of the period, per currency.</li>
 * <li><b>Follow-ups sent into silence</b>: outbound emails and calls (not notes, meetings or automatic
 * messages) made in the period on a deal while one of its silence episodes was open, that is at or after
 * the episode's start and before its end.</li>
 * </ul>
 */
final class DigestMetrics {

    private final NoteRedaction notes;

    DigestMetrics(NoteRedaction notes) {
        this.notes = notes;
    }

    Digest digest(DigestFacts facts) {
        DigestPeriod period = facts.period();
        PeriodFigures current = figures(period, facts.truths(), facts.episodes(), facts.touchesByDeal(),
                facts.notReachedNow().size());
        PeriodFigures previous = figures(period.previous(), facts.truths(), facts.episodes(), facts.touchesByDeal(),
                facts.notReachedBefore().size());
        boolean perRep = facts.team().perRepDetail();
        return new Digest(facts.team().name(), facts.team().timeZone(), period, current, previous,
                silentZone(facts.silentByRep().values().stream().flatMap(List::stream).toList()),
                facts.silentAtLastDigest(), voices(facts, perRep), perRep ? reps(facts) : List.of(), perRep,
                WeeklyTruths.of(facts.truths(), period.to(), facts.team().timeZone(), WeeklyTruths.WEEKS));
    }

    static PeriodFigures figures(DigestPeriod period, Collection<Truth> truths, Collection<Episode> episodes,
                                 Map<String, List<Touch>> touchesByDeal, int notReached) {
        List<Truth> inPeriod = truths.stream().filter(t -> period.contains(t.recordedAt())).toList();
        int yes = count(inPeriod, Outcome.YES);
        int no = count(inPeriod, Outcome.NO);
        int cameBack = count(inPeriod, Outcome.REPLIED);

        Set<String> learned = new HashSet<>();
        List<Duration> timesToTruth = new ArrayList<>();
        Map<NoReason, Integer> reasons = new EnumMap<>(NoReason.class);
        Map<String, BigDecimal> released = new HashMap<>();
        for (Truth truth : inPeriod) {
            if (!truth.outcome().isConversation()) {
                continue;
            }
            learned.add(truth.truthId());
            if (truth.episodeStartedAt() != null && !truth.recordedAt().isBefore(truth.episodeStartedAt())) {
                timesToTruth.add(Duration.between(truth.episodeStartedAt(), truth.recordedAt()));
            }
            if (truth.outcome() == Outcome.NO) {
                reasons.merge(truth.reason() == null ? NoReason.OTHER : truth.reason(), 1, Integer::sum);
                if (truth.amount() != null) {
                    released.merge(currency(truth.currency()), truth.amount(), BigDecimal::add);
                }
            }
        }
        List<Episode> opened = episodes.stream().filter(e -> period.contains(e.startedAt())).toList();
        int reached = (int) opened.stream().filter(e -> learned.contains(e.episodeId())).count();
        return new PeriodFigures(yes, no, cameBack, notReached, mostFrequentFirst(reasons), opened.size(), reached,
                median(timesToTruth), released, followUpsIntoSilence(period, episodes, touchesByDeal));
    }

    static int followUpsIntoSilence(DigestPeriod period, Collection<Episode> episodes,
                                    Map<String, List<Touch>> touchesByDeal) {
        Map<String, List<Episode>> byDeal = new HashMap<>();
        episodes.forEach(e -> byDeal.computeIfAbsent(e.dealId(), id -> new ArrayList<>()).add(e));
        int count = 0;
        for (Map.Entry<String, List<Episode>> deal : byDeal.entrySet()) {
            for (Touch touch : touchesByDeal.getOrDefault(deal.getKey(), List.of())) {
                if (touch.isFollowUp() && !touch.autoReply() && period.contains(touch.at())
                        && deal.getValue().stream().anyMatch(e -> covers(e, touch.at()))) {
                    count++;
                }
            }
        }
        return count;
    }

    static SilentZone silentZone(Collection<SilentDeal> silent) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        int longest = 0;
        for (SilentDeal deal : silent) {
            Deal d = deal.stored().deal();
            if (d.amount() != null) {
                amounts.merge(currency(d.currency()), d.amount(), BigDecimal::add);
            }
            longest = Math.max(longest, deal.verdict().quietBusinessDays());
        }
        return new SilentZone(silent.size(), amounts, longest);
    }

    static Optional<Duration> median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }

    private List<LostVoice> voices(DigestFacts facts, boolean perRep) {
        return facts.truths().stream()
                .filter(t -> t.outcome() == Outcome.NO && facts.period().contains(t.recordedAt()))
                .filter(t -> t.note() != null && !t.note().isBlank())
                .sorted(Comparator.comparing((Truth t) -> reason(t).ordinal()).thenComparing(Truth::recordedAt))
                .map(t -> perRep
                        ? new LostVoice(reason(t), notes.shorten(t.note()), t.company(), nameOf(facts, t.ownerEmail()))
                        : new LostVoice(reason(t), notes.shorten(notes.mask(t.note(), t.company(), t.contactName())),
                        null, null))
                .toList();
    }

    private static List<RepDetail> reps(DigestFacts facts) {
        List<RepDetail> reps = new ArrayList<>();
        for (String email : facts.members()) {
            int yes = 0;
            int no = 0;
            for (Truth truth : facts.truths()) {
                if (email.equalsIgnoreCase(truth.ownerEmail()) && facts.period().contains(truth.recordedAt())) {
                    yes += truth.outcome() == Outcome.YES ? 1 : 0;
                    no += truth.outcome() == Outcome.NO ? 1 : 0;
                }
            }
            reps.add(new RepDetail(nameOf(facts, email), yes, no, facts.silentByRep().getOrDefault(email, List.of()).size()));
        }
        // By name: a list to read, never a ranking.
        reps.sort(Comparator.comparing(RepDetail::name, String.CASE_INSENSITIVE_ORDER));
        return reps;
    }

    private static String nameOf(DigestFacts facts, String email) {
        String name = facts.repNames().get(email == null ? "" : email.toLowerCase(java.util.Locale.ROOT));
        return name == null || name.isBlank() ? String.valueOf(email) : name;
    }

    private static boolean covers(Episode episode, Instant at) {
        return episode.startedAt() != null && !at.isBefore(episode.startedAt())
                && (episode.endedAt() == null || at.isBefore(episode.endedAt()));
    }

    private static NoReason reason(Truth truth) {
        return truth.reason() == null ? NoReason.OTHER : truth.reason();
    }

    private static int count(List<Truth> truths, Outcome outcome) {
        return (int) truths.stream().filter(t -> t.outcome() == outcome).count();
    }

    private static String currency(String currency) {
        return currency == null ? "" : currency.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<NoReason, Integer> mostFrequentFirst(Map<NoReason, Integer> reasons) {
        Map<NoReason, Integer> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<NoReason, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().ordinal()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
