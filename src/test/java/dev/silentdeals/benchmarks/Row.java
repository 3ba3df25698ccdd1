package dev.silentdeals.benchmarks;

import java.util.Map;

/**
 * One line of the table: a figure at one size, beside its physical reference measured in the same run.
 * {@code numbers} holds the figures behind the text, so a test can check every row carries real numbers.
 */
record Row(String figure, String size, String measured, String reference, String ratio, String goal, Verdict verdict,
           Map<String, Double> numbers) {

    Row {
        numbers = Map.copyOf(numbers);
    }

    /** Whether the row reaches its goal; INFO rows show how cost grows and carry no goal of their own. */
    enum Verdict {
        MET("met"), MISSED("**missed**"), INFO("—");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }
}
