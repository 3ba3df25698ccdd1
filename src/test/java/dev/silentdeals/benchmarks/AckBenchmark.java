package dev.silentdeals.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import dev.silentdeals.deals.DealStore;
import dev.silentdeals.silence.Episode;
import dev.silentdeals.silence.EpisodeStore;
import dev.silentdeals.silence.SilenceDetection;
import dev.silentdeals.testing.SignedSlackRequests;
import dev.silentdeals.testing.SlackApiFake;
import dev.silentdeals.testing.SlackPayloads;
import dev.silentdeals.workspaces.Workspaces;
import org.HdrHistogram.Histogram;

/**
 * Signed Slack requests at a fixed rate over loopback — a third each of /silent-deals (the caller's list,
 * built before the ack), "Record the truth" (opens a modal before the ack) and "Couldn't reach them" (acks,
 * then records) — against the service, then the same load against a bare Bolt app that only acks.
 */
final class AckBenchmark {

    static final String FIGURE = "interaction ack";
    private static final String[] KINDS = {"slash /silent-deals", "block_actions truth_open",
            "block_actions truth_not_reached"};

    private final InProcessService service;
    private final LoopbackRedis redis;
    private final SlackApiFake slack;
    private final String team;

    AckBenchmark(InProcessService service, LoopbackRedis redis, SlackApiFake slack, String team) {
        this.service = service;
        this.redis = redis;
        this.slack = slack;
        this.team = team;
    }

    record Outcome(ConstantRateLoad.Result service, ConstantRateLoad.Result bare, int deals, int reps, int perSecond,
                   Duration duration) {
    }

    Outcome run(int deals, int reps, int perSecond, Duration warmUp, Duration duration, Instant now, Deadline deadline) {
        deadline.check("interaction acks");
        redis.flushAll();
        service.bean(Workspaces.class).registerPrimary(team);
        DealLoader.load(service.bean(DealStore.class), new SyntheticCrm("A", reps, 20, now), team, deals, now);
        service.bean(SilenceDetection.class).detect(team);
        String[] values = buttonValues(reps);

        ConstantRateLoad.Result bare;
        ConstantRateLoad.Result measured;
        try (BareBoltApp app = BareBoltApp.start(slack.apiUrl(), Benchmarks.BOT_TOKEN, Benchmarks.SIGNING_SECRET)) {
            // Both warm up (JIT, Tomcat's threads) before either is measured, so neither pays for the other.
            ConstantRateLoad.run(requests(app.port(), values, slack.responseUrl()), perSecond, Duration.ZERO, warmUp);
            ConstantRateLoad.run(requests(service.port(), values, slack.responseUrl()), perSecond, Duration.ZERO, warmUp);
            deadline.check("interaction acks, measured");
            // A fresh client for each measured run: connections left idle longer than Tomcat's keep-alive
            // timeout would otherwise fail on first reuse, a fault of the load generator, not of the app.
            bare = ConstantRateLoad.run(requests(app.port(), values, slack.responseUrl()), perSecond, Duration.ZERO, duration);
            measured = ConstantRateLoad.run(requests(service.port(), values, slack.responseUrl()), perSecond, Duration.ZERO, duration);
        }
        return new Outcome(measured, bare, deals, reps, perSecond, duration);
    }

    /** For each rep, a button value ("dealId|episodeId") of one of their open episodes. */
    private String[] buttonValues(int reps) {
        EpisodeStore episodes = service.bean(EpisodeStore.class);
        Map<String, String> byOwner = new HashMap<>();
        for (Episode episode : episodes.openEpisodes(team, episodes.openEpisodeDealIds(team)).values()) {
            byOwner.putIfAbsent(episode.ownerEmail(), episode.dealId() + "|" + episode.episodeId());
        }
        String[] values = new String[reps];
        for (int rep = 0; rep < reps; rep++) {
            values[rep] = byOwner.getOrDefault(SyntheticCrm.repEmail(rep), "A" + rep + "|");
        }
        return values;
    }

    /** Both apps get the same requests; the service posts its list to {@code responseUrl} after the ack. */
    private static IntFunction<ConstantRateLoad.Request> requests(int port, String[] values, String responseUrl) {
        SignedSlackRequests signed = new SignedSlackRequests(port, Benchmarks.SIGNING_SECRET);
        return i -> {
            int rep = (i / KINDS.length) % values.length;
            String user = SyntheticCrm.repUserId(rep);
            String dm = "D" + user.substring(1);
            return switch (i % KINDS.length) {
                case 0 -> new ConstantRateLoad.Request(KINDS[0], () -> signed.slashCommand(SlackApiFake.TEAM, user, "",
                        responseUrl));
                case 1 -> new ConstantRateLoad.Request(KINDS[1], () -> signed.interaction(
                        SlackPayloads.blockAction(user, "truth_open", values[rep], dm, "1700000000.000100")));
                default -> new ConstantRateLoad.Request(KINDS[2], () -> signed.interaction(
                        SlackPayloads.blockAction(user, "truth_not_reached", values[rep], dm, "1700000000.000100")));
            };
        };
    }

    static Row row(Outcome o) {
        ConstantRateLoad.Result s = o.service();
        ConstantRateLoad.Result b = o.bare();
        double ratio = s.millisAt(99) / Math.max(0.001, b.millisAt(99));
        boolean met = s.millisAt(99) < 50 && s.errors() == 0 && ratio <= 1.5;
        return new Row(FIGURE, o.perSecond() + " req/s × " + o.duration().toSeconds() + " s ("
                + Figures.count(s.requests()) + " signed requests)",
                latencies(s), "bare Bolt app: " + latencies(b), "p99 " + Figures.ratio(ratio) + " the bare app's",
                "p99 < 50 ms, 0 errors, ≤ 1.5× bare p99", Row.Verdict.of(met),
                Map.of("p50Millis", s.millisAt(50), "p99Millis", s.millisAt(99), "maxMillis", s.maxMillis(),
                        "errors", (double) s.errors(), "bareP99Millis", b.millisAt(99), "p99Ratio", ratio));
    }

    static List<String> notes(Outcome o) {
        List<String> notes = new ArrayList<>();
        StringBuilder kinds = new StringBuilder();
        o.service().byKind().forEach((kind, histogram) -> kinds.append(kinds.length() == 0 ? "" : "; ")
                .append(kind).append(": ").append(percentiles(histogram)));
        notes.add("interaction acks by kind (service, " + Figures.count(o.deals()) + " deals of " + o.reps()
                + " reps in Redis; both apps warmed up at the same rate before either was measured; latency from "
                + "when each request was due): " + kinds);
        if (o.service().errors() > 0 || o.bare().errors() > 0) {
            notes.add("interaction ack errors: service " + o.service().errorKinds() + ", bare app "
                    + o.bare().errorKinds());
        }
        return notes;
    }

    private static String latencies(ConstantRateLoad.Result r) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.0f ms, %d errors", r.millisAt(50),
                r.millisAt(99), r.maxMillis(), r.errors());
    }

    private static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.0f ms", h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
