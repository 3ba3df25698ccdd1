package dev.silentdeals.digests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a rep's note short and, unless the team shows per-rep detail, free of the prospect's names: the
 * company (whole, and its distinctive words) and the contact's names are replaced by neutral words.
 */
final class NoteRedaction {

    /** Words that name no one on their own: legal forms and common company words. */
    private static final Set<String> COMMON_WORDS = Set.of("limited", "ltd", "inc", "incorporated", "corp",
            "corporation", "company", "group", "holdings", "gmbh", "llc", "plc", "labs", "solutions", "services",
            "systems", "technologies", "international", "global", "partners", "the", "and");
    private static final String NOT_NAME = "[^\\p{L}\\p{N}]";

    private final String prospectMask;
    private final String personMask;
    private final int maxLength;

    NoteRedaction(String prospectMask, String personMask, int maxLength) {
        this.prospectMask = prospectMask;
        this.personMask = personMask;
        this.maxLength = maxLength;
    }

    /** The note on one line, cut at a word boundary with an ellipsis when longer than the limit. */
    String shorten(String note) {
        String flat = note.strip().replaceAll("\\s+", " ");
        if (flat.length() <= maxLength) {
            return flat;
        }
        String cut = flat.substring(0, maxLength - 1);
        int space = cut.lastIndexOf(' ');
        return (space > maxLength / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    /** The note with the prospect's company and contact names masked. */
    String mask(String note, String company, String contactName) {
        String masked = note;
        if (company != null && !company.isBlank()) {
            masked = replace(masked, company.strip(), prospectMask);
            for (String word : distinctiveWords(company)) {
                masked = replace(masked, word, prospectMask);
            }
        }
        if (contactName != null && !contactName.isBlank()) {
            masked = replace(masked, contactName.strip(), personMask);
            for (String word : contactName.strip().split("\\s+")) {
                if (word.length() >= 2) {
                    masked = replace(masked, word, personMask);
                }
            }
        }
        return masked;
    }

    private static List<String> distinctiveWords(String company) {
        List<String> words = new ArrayList<>();
        for (String word : company.split(NOT_NAME + "+")) {
            if (word.length() >= 3 && !COMMON_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                words.add(word);
            }
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        return words;
    }

    private static String replace(String text, String name, String mask) {
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(mask));
    }
}
