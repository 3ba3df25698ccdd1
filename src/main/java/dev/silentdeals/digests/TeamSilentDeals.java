package dev.silentdeals.digests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.silentdeals.silence.SilenceVerdict;
import dev.silentdeals.silence.SilentDeal;
import dev.silentdeals.teams.Team;

/**
 * A team's silent deals right now, in aggregate, for its managers: no deal and no prospect is named, and
 * per-rep counts appear only when the team turned per-rep detail on (listed by name, not ranked).
 *
 * @param byStage      silent deals per CRM stage, most first ("" for deals without a stage)
 * @param scriptSent   silent deals whose rep already has the call script
 * @param awaiting     silent deals whose message is still to come (working hours, daily cap)
 * @param notConnected calls that did not connect so far on the open quiet spells
 * @param paused       deals their reps paused for a known reason
 * @param reps         silent deals per rep name, alphabetical; empty without per-rep detail
 */
public record TeamSilentDeals(String teamName, SilentZone zone, Map<String, Integer> byStage, int scriptSent,
                              int awaiting, int notConnected, int paused, Map<String, Integer> reps) {

    static TeamSilentDeals of(Team team, Map<String, List<SilentDeal>> judgedByRep, Map<String, String> names) {
        List<SilentDeal> silent = new ArrayList<>();
        int paused = 0;
        Map<String, Integer> reps = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<SilentDeal>> rep : judgedByRep.entrySet()) {
            int mine = 0;
            for (SilentDeal deal : rep.getValue()) {
                if (deal.verdict().isSilent()) {
                    silent.add(deal);
                    mine++;
                } else if (deal.verdict().status() == SilenceVerdict.Status.PAUSED) {
                    paused++;
                }
            }
            if (team.perRepDetail()) {
                reps.merge(names.getOrDefault(rep.getKey(), rep.getKey()), mine, Integer::sum);
            }
        }
        int sent = (int) silent.stream().filter(d -> d.episode() != null && d.episode().isNudged()).count();
        int notConnected = silent.stream().filter(d -> d.episode() != null).mapToInt(d -> d.episode().notReachedCount()).sum();
        return new TeamSilentDeals(team.name(), DigestMetrics.silentZone(silent), byStage(silent), sent,
                silent.size() - sent, notConnected, paused, reps);
    }

    private static Map<String, Integer> byStage(Collection<SilentDeal> silent) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        silent.forEach(d -> counts.merge(d.stored().deal().stage() == null ? "" : d.stored().deal().stage().strip(), 1,
                Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
