package dev.silentdeals.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.deals.StoredDeal;
import dev.silentdeals.redis.RedisKeys;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepDirectory;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.Pause;
import dev.silentdeals.silence.PauseStore;
import dev.silentdeals.silence.SilencePolicy;
import dev.silentdeals.silence.SilenceRule;
import dev.silentdeals.silence.SilenceVerdict;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Detection without an index, as the reference: SCAN every deal key, load each deal with its touches,
 * pause and episode through the product's stores (the same batched calls the real pass makes), and judge
 * it with the same rule.
 */
final class NaivePass {

    private final UnifiedJedis redis;
    private final DealStore deals;
    private final PauseStore pauses;
    private final EpisodeStore episodes;
    private final RepDirectory reps;
    private final SilenceRule rule = new SilenceRule(SilencePolicy.defaults());

    NaivePass(UnifiedJedis redis, DealStore deals, PauseStore pauses, EpisodeStore episodes, RepDirectory reps) {
        this.redis = redis;
        this.deals = deals;
        this.pauses = pauses;
        this.episodes = episodes;
        this.reps = reps;
    }

    /** What one naive pass saw. */
    record Outcome(int judged, int silent, int withOpenEpisode) {
    }

    Outcome run(String team, Instant now) {
        String prefix = RedisKeys.deal(team, "");
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        Map<String, ZoneId> zones = new HashMap<>();
        int judged = 0;
        int silent = 0;
        int withEpisode = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            List<String> ids = page.getResult().stream().map(key -> key.substring(prefix.length())).toList();
            if (!ids.isEmpty()) {
                Map<String, Pause> paused = pauses.find(team, ids);
                Map<String, Episode> open = episodes.openEpisodes(team, ids);
                withEpisode += open.size();
                for (StoredDeal stored : deals.load(team, ids)) {
                    ZoneId zone = zones.computeIfAbsent(stored.deal().ownerEmail(),
                            owner -> reps.find(team, owner).map(Rep::timeZone).orElse(ZoneId.of("UTC")));
                    Pause pause = paused.get(stored.deal().id());
                    boolean isPaused = pause != null && pause.isActiveOn(LocalDate.ofInstant(now, zone));
                    SilenceVerdict verdict = rule.judge(stored.deal(), stored.touches(), stored.lastConversationAt(),
                            isPaused, now, zone);
                    judged++;
                    if (verdict.isSilent()) {
                        silent++;
                    }
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return new Outcome(judged, silent, withEpisode);
    }
}
