package dev.silentdeals.texts;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Every sentence the product shows lives in {@code texts/messages*.properties} (so wording can be
 * reviewed and translated in one place) as a Mustache template with named values. {@link #slack}
 * escapes values for Slack's mrkdwn; {@link #plain} leaves them as they are (console, modal inputs).
 */
public final class Texts {

    private static final Mustache.Compiler SLACK = Mustache.compiler()
            .withEscaper(Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}}))
            .defaultValue("");
    private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final ResourceBundle bundle;
    private final Map<String, Template> slackTemplates = new ConcurrentHashMap<>();
    private final Map<String, Template> plainTemplates = new ConcurrentHashMap<>();

    public Texts(Locale locale) {
        this.bundle = ResourceBundle.getBundle("texts/messages", locale);
    }

    public static Texts english() {
        return new Texts(Locale.ENGLISH);
    }

    /** The text for {@code key} with values escaped for Slack mrkdwn. */
    public String slack(String key, Map<String, ?> values) {
        return slackTemplates.computeIfAbsent(key, k -> SLACK.compile(raw(k))).execute(values);
    }

    public String slack(String key) {
        return slack(key, Map.of());
    }

    /** The text for {@code key} with values as they are (console output, plain_text fields). */
    public String plain(String key, Map<String, ?> values) {
        return plainTemplates.computeIfAbsent(key, k -> PLAIN.compile(raw(k))).execute(values);
    }

    public String plain(String key) {
        return plain(key, Map.of());
    }

    /** Chooses "one" or "other" by count, e.g. {@code followUps.one} = "1 follow-up". */
    public String count(String key, long count) {
        return plain(key + (count == 1 ? ".one" : ".other"), Map.of("count", count));
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key in the bundle (for checks that the texts are complete and follow the method). */
    public java.util.Set<String> keys() {
        return bundle.keySet();
    }

    private String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No text for key '" + key + "' in texts/messages", e);
        }
    }
}
