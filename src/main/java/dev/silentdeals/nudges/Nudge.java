package dev.silentdeals.nudges;

import java.time.LocalDate;

import dev.silentdeals.deals.Contact;
import dev.silentdeals.reps.Rep;

/** What a nudge says about one silent deal, before any chat rendering. */
public record Nudge(String teamId, String episodeId, String dealId, Rep rep, String company, String dealName,
                    String stage, String amount, Contact contact, int quietDays, int chaseCount,
                    LocalDate lastReplyDate, int notReachedCount, CallScript script) {
}
