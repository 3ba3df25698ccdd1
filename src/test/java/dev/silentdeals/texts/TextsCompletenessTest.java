package dev.silentdeals.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.silentdeals.nudges.FollowUpKind;
import dev.silentdeals.truth.NoReason;
import dev.silentdeals.truth.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Every text the code asks for exists in English: each literal key in the sources, and each key built from
 * an enum (reasons, outcomes, follow-up kinds, days). A missing key would only fail when a rep hits it.
 */
class TextsCompletenessTest {

    static final Pattern LITERAL_KEY = Pattern.compile("texts\\.(?:plain|slack|has)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    static final Pattern COUNT_KEY = Pattern.compile("texts\\.count\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");

    final Texts texts = Texts.english();

    @Test
    void every_literal_key_in_the_code_has_an_english_text() throws IOException {
        List<String> missing = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher literal = LITERAL_KEY.matcher(source);
                while (literal.find()) {
                    used.add(literal.group(1));
                }
                Matcher count = COUNT_KEY.matcher(source);
                while (count.find()) {
                    used.add(count.group(1) + ".one");
                    used.add(count.group(1) + ".other");
                }
            }
        }
        used.stream().filter(key -> !texts.has(key)).forEach(missing::add);
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(missing).as("keys used in code without an English text").isEmpty();
    }

    @Test
    void every_key_built_from_an_enum_has_an_english_text() {
        List<String> keys = new ArrayList<>();
        for (NoReason reason : NoReason.values()) {
            keys.add("reason." + reason.name());
        }
        for (Outcome outcome : new Outcome[] {Outcome.YES, Outcome.NO, Outcome.NOT_REACHED, Outcome.REPLIED}) {
            keys.add("truthModal.outcome." + outcome.name());
            keys.add("recorded." + outcome.name());
        }
        for (Outcome outcome : new Outcome[] {Outcome.YES, Outcome.NO}) {
            keys.add("revisit.text." + outcome.name());
            keys.add("revisit.script." + outcome.name());
            keys.add("all.revisitItem." + outcome.name());
        }
        for (FollowUpKind kind : FollowUpKind.values()) {
            keys.add("preview.rule." + kind.name());
        }
        for (String prefix : new String[] {"stepBack", "reminder"}) {
            keys.add(prefix + ".notification");
            keys.add(prefix + ".text");
            keys.add(prefix + ".context");
        }
        for (String reason : new String[] {"CHAMPION_AWAY", "INTERNAL_PROCESS", "OTHER"}) {
            keys.add("pauseReason." + reason);
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            keys.add("day." + day.name());
            keys.add("dayShort." + day.name());
        }
        assertThat(keys.stream().filter(key -> !texts.has(key)).toList()).isEmpty();
    }

    @Test
    void no_text_uses_the_words_the_method_rules_out() {
        List<String> offending = new ArrayList<>();
        for (String key : texts.keys()) {
            String text = texts.plain(key, Map.of()).toLowerCase(java.util.Locale.ROOT);
            for (String banned : List.of("just checking in", "circling back", "touching base", "asap", "urgent",
                    "deadline", "discount", "last chance")) {
                if (text.contains(banned)) {
                    offending.add(key + ": " + banned);
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
