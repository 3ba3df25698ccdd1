package dev.silentdeals.nudges;

import java.time.LocalDate;

import dev.silentdeals.deals.Contact;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.truth.Outcome;

/**
 * The one message on the date a rep agreed to reconnect: after a "no, timing" ({@code outcome} NO) or on a
 * "yes" next step ({@code nextStep} may be null), with a short script for reconnecting.
 */
public record Revisit(String teamId, String dealId, Rep rep, Outcome outcome, LocalDate date, String nextStep,
                      String company, Contact contact, String script) {
}
