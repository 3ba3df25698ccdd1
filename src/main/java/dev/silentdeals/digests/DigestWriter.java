package dev.silentdeals.digests;

import dev.silentdeals.teams.Team;

/** Writes a team's digest for a period: the messages, the chart, and the figures the ledger keeps. */
interface DigestWriter {

    Written write(String slackTeam, Team team, DigestPeriod period);

    /**
     * A digest ready to post; {@code chart} is null when it could not be drawn; {@code silentDeals} is the
     * silent zone now, remembered for the next digest's comparison.
     */
    record Written(RenderedDigest rendered, DigestChart chart, int silentDeals, int yes, int no) {
    }
}
