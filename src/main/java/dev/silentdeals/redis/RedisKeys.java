package dev.silentdeals.redis;

/**
 * Every Redis key silent-deals writes, in one place.
 *
 * <p>Keys that belong to a Slack workspace start with {@code sd:{TEAM}:}. The braces are a Redis Cluster
 * hash tag: every key of one workspace lands in the same slot, so the Lua scripts and transactions that
 * touch several of them run unchanged on a cluster. A workspace is the unit of sharding.
 *
 * <table>
 * <tr><th>key</th><th>type</th><th>holds</th></tr>
 * <tr><td>sd:teams</td><td>SET</td><td>team ids this service serves</td></tr>
 * <tr><td>sd:primary-team</td><td>STRING</td><td>the workspace the CRM feeds (single-workspace mode)</td></tr>
 * <tr><td>sd:detection-reruns</td><td>SET</td><td>team ids synced while detection was running: judge them once more</td></tr>
 * <tr><td>sd:lease:{job}</td><td>STRING</td><td>which replica runs a job now; expires if it dies</td></tr>
 * <tr><td>sd:oauth-state:{state}</td><td>STRING</td><td>an OAuth install in progress (state parameter); expires after 10 minutes</td></tr>
 * <tr><td>sd:{T}:deal:{dealId}</td><td>HASH</td><td>the deal's fields under short names (DealStore.DealFields: n name, o owner, u updated at, r last reply, lc last conversation, …), empty ones left out</td></tr>
 * <tr><td>sd:{T}:touches:{dealId}</td><td>ZSET</td><td>touches, member millis×16 + kind (direction, channel, auto-reply; see TouchCodec), score = millis</td></tr>
 * <tr><td>sd:{T}:deals</td><td>SET</td><td>every deal id ever synced (for marking gone)</td></tr>
 * <tr><td>sd:{T}:idx:by-last-reply</td><td>ZSET</td><td>open deal ids with at least one reply, score = last reply millis (detection's index)</td></tr>
 * <tr><td>sd:{T}:idx:owner:{email}</td><td>SET</td><td>open deal ids owned by a rep</td></tr>
 * <tr><td>sd:{T}:detect</td><td>HASH</td><td>detection's progress: horizon (newest cutoff a pass started with), through (cutoff of the last pass that finished), full_at (millis of the last full pass), policy (the thresholds it judged by)</td></tr>
 * <tr><td>sd:{T}:detect:changed</td><td>SET</td><td>deal ids to judge again at the next pass: synced while they could be silent, gone, paused or resumed, a conversation recorded, an episode ended</td></tr>
 * <tr><td>sd:{T}:detect:taken</td><td>SET</td><td>the changed ids a running pass took; merged back by the next pass if that one failed</td></tr>
 * <tr><td>sd:{T}:detect:recheck</td><td>ZSET</td><td>deal ids whose verdict time alone will change, score = when (millis): a quiet-days threshold reached, a pause ending, a touch dated ahead coming due</td></tr>
 * <tr><td>sd:{T}:detect:silent</td><td>SET</td><td>deal ids silent at the last pass that judged them</td></tr>
 * <tr><td>sd:{T}:sync:{adapter}</td><td>HASH</td><td>cursor and the last sync's state</td></tr>
 * <tr><td>sd:{T}:episode:{dealId}</td><td>HASH</td><td>the deal's open silence episode</td></tr>
 * <tr><td>sd:{T}:episodes:open</td><td>ZSET</td><td>deal ids with an open episode, score = start millis</td></tr>
 * <tr><td>sd:{T}:episodes:awaiting-nudge</td><td>ZSET</td><td>open episodes not nudged yet, score = start millis</td></tr>
 * <tr><td>sd:{T}:episode-log:{episodeId}</td><td>HASH</td><td>an ended episode, kept for digests</td></tr>
 * <tr><td>sd:{T}:episodes:ended</td><td>ZSET</td><td>ended episode ids, score = end millis</td></tr>
 * <tr><td>sd:{T}:nudges:{userId}:{date}</td><td>STRING</td><td>nudges sent to a rep on a local date (expires)</td></tr>
 * <tr><td>sd:{T}:truth:{episodeId}</td><td>HASH</td><td>the truth that ended an episode; first write wins</td></tr>
 * <tr><td>sd:{T}:truths</td><td>ZSET</td><td>truth ids (= episode ids), score = recorded millis</td></tr>
 * <tr><td>sd:{T}:attempts:{episodeId}</td><td>ZSET</td><td>"couldn't reach them" attempts, member = Slack action ts</td></tr>
 * <tr><td>sd:{T}:attempts</td><td>ZSET</td><td>every attempt "episodeId|actionTs", score = millis (for digests)</td></tr>
 * <tr><td>sd:{T}:pause:{dealId}</td><td>HASH</td><td>a pause: reason, until, by</td></tr>
 * <tr><td>sd:{T}:writeback</td><td>ZSET</td><td>truth ids waiting for CRM write-back, score = next attempt millis</td></tr>
 * <tr><td>sd:{T}:rep:{email}</td><td>HASH</td><td>the rep's Slack user id, name and time zone (expires: a cache)</td></tr>
 * <tr><td>sd:{T}:rep-by-user:{userId}</td><td>STRING</td><td>the email behind a Slack user id (expires: a cache)</td></tr>
 * <tr><td>sd:{T}:rep-missing:{email}</td><td>STRING</td><td>an owner not found in Slack (expires)</td></tr>
 * <tr><td>sd:{T}:owner-missing-logged</td><td>SET</td><td>deal ids whose missing owner was logged once</td></tr>
 * <tr><td>sd:{T}:digest:{teamName}</td><td>HASH</td><td>a sales team's digest: end of the last period posted, silent deals then</td></tr>
 * <tr><td>sd:{T}:digest-sent:{teamName}:{endMillis}</td><td>STRING</td><td>claims the digest of one period (SET NX; expires after 90 days)</td></tr>
 * <tr><td>sd:{T}:silent-deals</td><td>STRING</td><td>how many deals the last detection pass found silent (the gauge every replica reports)</td></tr>
 * <tr><td>sd:{T}:slack:bot</td><td>STRING</td><td>the workspace's installation (bot token and scopes), AES-GCM encrypted JSON (OAuth mode)</td></tr>
 * <tr><td>sd:{T}:slack:installer:{userId}</td><td>STRING</td><td>who installed the app and their grant, AES-GCM encrypted JSON (OAuth mode)</td></tr>
 * <tr><td>sd:{T}:slack:installers</td><td>SET</td><td>user ids with an installer record (so an uninstall deletes them all)</td></tr>
 * <tr><td>sd:{T}:working-hours:{userId}</td><td>HASH</td><td>a rep's own working hours: window ("09:00-17:00"), days ("MON-FRI"); absent = the default</td></tr>
 * <tr><td>sd:{T}:follow-ups:{episodeId}</td><td>HASH</td><td>the episode's one follow-up after its nudge: step_back_at or reminder_at (millis), and where it went (expires)</td></tr>
 * <tr><td>sd:{T}:revisits</td><td>ZSET</td><td>deal ids with a revisit to send, score = when it is due (millis; pushed later while one is being sent)</td></tr>
 * <tr><td>sd:{T}:revisit:{dealId}</td><td>HASH</td><td>the deal's one revisit: truth id, outcome, date, next step, rep, recorded_at; sent_at or cancelled once done (expires then)</td></tr>
 * <tr><td>sd:{T}:revisits:owner:{email}</td><td>SET</td><td>deal ids with a pending revisit, per rep (for their lists)</td></tr>
 * </table>
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    public static String teams() {
        return "sd:teams";
    }

    public static String primaryTeam() {
        return "sd:primary-team";
    }

    public static String detectionReruns() {
        return "sd:detection-reruns";
    }

    public static String lease(String job) {
        return "sd:lease:" + job;
    }

    public static String deal(String team, String dealId) {
        return prefix(team) + "deal:" + dealId;
    }

    public static String touches(String team, String dealId) {
        return prefix(team) + "touches:" + dealId;
    }

    public static String deals(String team) {
        return prefix(team) + "deals";
    }

    public static String dealsByLastReply(String team) {
        return prefix(team) + "idx:by-last-reply";
    }

    public static String detection(String team) {
        return prefix(team) + "detect";
    }

    public static String dealsToJudge(String team) {
        return prefix(team) + "detect:changed";
    }

    public static String dealsTakenToJudge(String team) {
        return prefix(team) + "detect:taken";
    }

    public static String dealsToRecheck(String team) {
        return prefix(team) + "detect:recheck";
    }

    public static String silentDeals(String team) {
        return prefix(team) + "detect:silent";
    }

    public static String dealsOfOwner(String team, String ownerEmail) {
        return prefix(team) + "idx:owner:" + ownerEmail.toLowerCase(java.util.Locale.ROOT);
    }

    public static String sync(String team, String adapter) {
        return prefix(team) + "sync:" + adapter;
    }

    public static String episode(String team, String dealId) {
        return prefix(team) + "episode:" + dealId;
    }

    public static String openEpisodes(String team) {
        return prefix(team) + "episodes:open";
    }

    public static String awaitingNudge(String team) {
        return prefix(team) + "episodes:awaiting-nudge";
    }

    public static String endedEpisode(String team, String episodeId) {
        return prefix(team) + "episode-log:" + episodeId;
    }

    public static String endedEpisodes(String team) {
        return prefix(team) + "episodes:ended";
    }

    public static String nudgesSent(String team, String userId, String localDate) {
        return prefix(team) + "nudges:" + userId + ":" + localDate;
    }

    public static String truth(String team, String episodeId) {
        return prefix(team) + "truth:" + episodeId;
    }

    public static String truths(String team) {
        return prefix(team) + "truths";
    }

    public static String attempts(String team, String episodeId) {
        return prefix(team) + "attempts:" + episodeId;
    }

    public static String allAttempts(String team) {
        return prefix(team) + "attempts";
    }

    public static String pause(String team, String dealId) {
        return prefix(team) + "pause:" + dealId;
    }

    public static String writeBackQueue(String team) {
        return prefix(team) + "writeback";
    }

    public static String rep(String team, String email) {
        return prefix(team) + "rep:" + email.toLowerCase(java.util.Locale.ROOT);
    }

    public static String repByUser(String team, String userId) {
        return prefix(team) + "rep-by-user:" + userId;
    }

    public static String repMissing(String team, String email) {
        return prefix(team) + "rep-missing:" + email.toLowerCase(java.util.Locale.ROOT);
    }

    public static String ownerMissingLogged(String team) {
        return prefix(team) + "owner-missing-logged";
    }

    /** {@code teamName} is a sales team from the teams file, not a Slack workspace. */
    public static String digest(String team, String teamName) {
        return prefix(team) + "digest:" + teamName;
    }

    public static String digestSent(String team, String teamName, long periodEndMillis) {
        return prefix(team) + "digest-sent:" + teamName + ":" + periodEndMillis;
    }

    public static String silentDealsCount(String team) {
        return prefix(team) + "silent-deals";
    }

    public static String slackBot(String team) {
        return prefix(team) + "slack:bot";
    }

    public static String slackInstaller(String team, String userId) {
        return prefix(team) + "slack:installer:" + userId;
    }

    public static String slackInstallers(String team) {
        return prefix(team) + "slack:installers";
    }

    public static String oauthState(String state) {
        return "sd:oauth-state:" + state;
    }

    public static String workingHours(String team, String userId) {
        return prefix(team) + "working-hours:" + userId;
    }

    public static String followUps(String team, String episodeId) {
        return prefix(team) + "follow-ups:" + episodeId;
    }

    public static String revisits(String team) {
        return prefix(team) + "revisits";
    }

    public static String revisit(String team, String dealId) {
        return prefix(team) + "revisit:" + dealId;
    }

    public static String revisitsOfOwner(String team, String ownerEmail) {
        return prefix(team) + "revisits:owner:" + ownerEmail.toLowerCase(java.util.Locale.ROOT);
    }

    private static String prefix(String team) {
        return "sd:{" + team + "}:";
    }
}
