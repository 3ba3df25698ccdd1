package dev.silentdeals.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;

/**
 * A B2B pipeline made up for benchmarks: the same deal for the same index every time, so any slice can be
 * generated on its own. Of all deals: half are closed (a CRM keeps its history), 2.5% never got a reply,
 * 25% had a reply in the last 4 days, 10% 5 to 7 days ago, 12.5% 11 to 60 days ago; of those, 7.5 points
 * were followed up at least twice since (silent under the default rule) and 5 points once or never.
 */
final class SyntheticCrm {

    static final String DOMAIN = "bench.example";
    private static final String[] STAGES = {"Discovery", "Demo", "Proposal", "Negotiation"};
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** What a deal's history looks like. */
    enum Shape { CLOSED, NEVER_REPLIED, ACTIVE, COOLING, QUIET_NOT_CHASED, SILENT }

    private final String prefix;
    private final int reps;
    private final int touchesPerDeal;
    private final Instant now;
    private final Shape only;

    SyntheticCrm(String prefix, int reps, int touchesPerDeal, Instant now) {
        this(prefix, reps, touchesPerDeal, now, null);
    }

    private SyntheticCrm(String prefix, int reps, int touchesPerDeal, Instant now, Shape only) {
        this.prefix = prefix;
        this.reps = reps;
        this.touchesPerDeal = touchesPerDeal;
        this.now = now;
        this.only = only;
    }

    /** Every deal silent: deal i belongs to rep i % reps. */
    static SyntheticCrm allSilent(String prefix, int reps, int touchesPerDeal, Instant now) {
        return new SyntheticCrm(prefix, reps, touchesPerDeal, now, Shape.SILENT);
    }

    static String repEmail(int rep) {
        return "rep" + rep + "@" + DOMAIN;
    }

    static String repUserId(int rep) {
        return String.format("U%08d", rep);
    }

    String dealId(long index) {
        return prefix + index;
    }

    int repOf(long index) {
        return (int) (index % reps);
    }

    Shape shapeOf(long index) {
        if (only != null) {
            return only;
        }
        int permille = (int) (mix(index) % 1000);
        if (permille < 500) {
            return Shape.CLOSED;
        }
        if (permille < 525) {
            return Shape.NEVER_REPLIED;
        }
        if (permille < 775) {
            return Shape.ACTIVE;
        }
        if (permille < 875) {
            return Shape.COOLING;
        }
        if (permille < 925) {
            return Shape.QUIET_NOT_CHASED;
        }
        return Shape.SILENT;
    }

    CrmDeal deal(long index) {
        SplittableRandom random = new SplittableRandom(mix(index) ^ 0x5DEECE66DL);
        int rep = repOf(index);
        String company = "Company " + index + " GmbH";
        return new CrmDeal(dealId(index), "Rollout " + index, company, STAGES[random.nextInt(STAGES.length)],
                BigDecimal.valueOf(5_000 + random.nextInt(200_000)), "EUR", repEmail(rep), "Contact" + index + " Person",
                "contact" + index + "@customer" + (index % 5000) + ".example", "+49 30 555 " + (10_000 + index % 90_000),
                shapeOf(index) == Shape.CLOSED, now.minusMillis(random.nextLong(30 * DAY)));
    }

    /** The deal's touches, oldest first, each at a distinct time. */
    List<CrmTouch> touches(long index) {
        SplittableRandom random = new SplittableRandom(mix(index));
        Shape shape = shapeOf(index);
        String id = dealId(index);
        long nowMillis = now.toEpochMilli();
        int followUps = switch (shape) {
            case SILENT -> 2 + random.nextInt(3);
            case QUIET_NOT_CHASED, ACTIVE -> random.nextInt(2);
            case COOLING -> random.nextInt(4);
            case CLOSED, NEVER_REPLIED -> 0;
        };
        long replyAge = switch (shape) {
            case ACTIVE -> random.nextLong(4 * DAY);
            case COOLING -> 5 * DAY + random.nextLong(2 * DAY);
            case QUIET_NOT_CHASED, SILENT -> 11 * DAY + random.nextLong(49 * DAY);
            case CLOSED -> 20 * DAY + random.nextLong(200 * DAY);
            case NEVER_REPLIED -> 2 * DAY + random.nextLong(20 * DAY);
        };
        int count = Math.max(touchesPerDeal, followUps + 1);
        List<CrmTouch> touches = new ArrayList<>(count);
        long lastReply = nowMillis - replyAge;
        long opened = lastReply - (30 * DAY + random.nextLong(90 * DAY));
        boolean meetingAhead = shape == Shape.ACTIVE && random.nextInt(10) == 0;
        int after = followUps + (meetingAhead ? 1 : 0);
        int before = count - 1 - after;
        long step = Math.max(HOUR, (lastReply - HOUR - opened) / Math.max(1, before));
        for (int i = 0; i < before; i++) {
            long at = opened + i * step + random.nextLong(step / 2);
            touches.add(historyTouch(id, at, random, shape == Shape.NEVER_REPLIED));
        }
        if (shape == Shape.NEVER_REPLIED) {
            touches.add(new CrmTouch(id, Instant.ofEpochMilli(lastReply), Direction.OUTBOUND, Channel.EMAIL, false));
        } else {
            Channel replyChannel = random.nextInt(5) == 0 ? Channel.MEETING : Channel.EMAIL;
            touches.add(new CrmTouch(id, Instant.ofEpochMilli(lastReply), Direction.INBOUND, replyChannel, false));
        }
        long followUpStep = Math.max(HOUR, (nowMillis - HOUR - lastReply) / (followUps + 1));
        for (int i = 1; i <= followUps; i++) {
            long at = lastReply + i * followUpStep + random.nextLong(HOUR / 2);
            Channel channel = random.nextInt(3) == 0 ? Channel.CALL : Channel.EMAIL;
            touches.add(new CrmTouch(id, Instant.ofEpochMilli(Math.min(at, nowMillis - 1)), Direction.OUTBOUND,
                    channel, false));
        }
        if (meetingAhead) {
            touches.add(new CrmTouch(id, Instant.ofEpochMilli(nowMillis + DAY + random.nextLong(5 * DAY)),
                    Direction.OUTBOUND, Channel.MEETING, false));
        }
        return touches;
    }

    private static CrmTouch historyTouch(String id, long at, SplittableRandom random, boolean outboundOnly) {
        Instant time = Instant.ofEpochMilli(at);
        int roll = random.nextInt(100);
        if (roll < 45 || outboundOnly && roll < 95) {
            return new CrmTouch(id, time, Direction.OUTBOUND, Channel.EMAIL, false);
        }
        if (roll < 70) {
            return new CrmTouch(id, time, Direction.INBOUND, Channel.EMAIL, false);
        }
        if (roll < 85) {
            return new CrmTouch(id, time, Direction.OUTBOUND, Channel.CALL, false);
        }
        if (roll < 90) {
            return new CrmTouch(id, time, Direction.INBOUND, Channel.MEETING, false);
        }
        if (roll < 95) {
            return new CrmTouch(id, time, Direction.OUTBOUND, Channel.NOTE, false);
        }
        return new CrmTouch(id, time, Direction.INBOUND, Channel.EMAIL, true);
    }

    /** Writes deals [0, count) and their touches as the file adapter reads them. */
    void writeCsv(Path dealsFile, Path touchesFile, long count) throws IOException {
        Files.createDirectories(dealsFile.toAbsolutePath().getParent());
        try (BufferedWriter deals = Files.newBufferedWriter(dealsFile, StandardCharsets.UTF_8);
             BufferedWriter touches = Files.newBufferedWriter(touchesFile, StandardCharsets.UTF_8)) {
            deals.write("id,name,company,stage,amount,currency,owner_email,contact_name,contact_email,contact_phone,"
                    + "closed,updated_at\n");
            touches.write("deal_id,at,direction,channel,auto_reply\n");
            for (long i = 0; i < count; i++) {
                CrmDeal d = deal(i);
                deals.write(String.join(",", d.id(), d.name(), d.company(), d.stage(), d.amount().toPlainString(),
                        d.currency(), d.ownerEmail(), d.contactName(), d.contactEmail(), d.contactPhone(),
                        String.valueOf(d.closed()), d.updatedAt().toString()));
                deals.write('\n');
                for (CrmTouch t : touches(i)) {
                    touches.write(t.dealId() + "," + t.at() + "," + t.direction().name().toLowerCase() + ","
                            + t.channel().name().toLowerCase() + "," + t.autoReply() + "\n");
                }
            }
        }
    }

    private static long mix(long index) {
        long z = index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
