package dev.silentdeals.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepLookup;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preview mode has no Slack to ask, so the sample reps (name and time zone) come from
 * {@code sample/reps.csv}; anyone else is "not in Slack", as a departed rep would be.
 */
class PreviewRepLookup implements RepLookup {

    private static final Logger log = LoggerFactory.getLogger(PreviewRepLookup.class);

    private final Map<String, Rep> byEmail = new HashMap<>();

    PreviewRepLookup() {
        try (InputStream in = PreviewRepLookup.class.getResourceAsStream("/sample/reps.csv")) {
            if (in == null) {
                return;
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String email = row.get("email").strip().toLowerCase(Locale.ROOT);
                byEmail.put(email, new Rep(email, row.get("slack_user_id").strip(), row.get("name").strip(),
                        ZoneId.of(row.get("time_zone").strip())));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read the preview reps (sample/reps.csv): {}", e.getMessage());
        }
    }

    @Override
    public Optional<Rep> byEmail(String teamId, String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Rep> byUserId(String teamId, String userId) {
        return byEmail.values().stream().filter(rep -> rep.userId().equals(userId)).findFirst();
    }
}
