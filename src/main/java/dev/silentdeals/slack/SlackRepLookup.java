package dev.silentdeals.slack;

import java.time.ZoneId;
import java.util.Optional;

import com.slack.api.model.User;
import dev.silentdeals.reps.Rep;
import dev.silentdeals.reps.RepLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds reps with users.lookupByEmail and users.info (the time zone comes with the user). */
class SlackRepLookup implements RepLookup {

    private static final Logger log = LoggerFactory.getLogger(SlackRepLookup.class);

    private final SlackGateway gateway;
    private final ZoneId fallbackZone;

    SlackRepLookup(SlackGateway gateway, ZoneId fallbackZone) {
        this.gateway = gateway;
        this.fallbackZone = fallbackZone;
    }

    @Override
    public Optional<Rep> byEmail(String teamId, String email) {
        try {
            var found = gateway.call("users.lookupByEmail",
                    () -> gateway.methods(teamId).usersLookupByEmail(r -> r.email(email)));
            return byUserId(teamId, found.getUser().getId()).map(rep -> new Rep(email, rep.userId(), rep.realName(),
                    rep.timeZone()));
        } catch (SlackGateway.SlackCallFailed e) {
            if (e.getMessage().endsWith("users_not_found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Rep> byUserId(String teamId, String userId) {
        try {
            User user = gateway.call("users.info", () -> gateway.methods(teamId).usersInfo(r -> r.user(userId)))
                    .getUser();
            if (user == null || user.isDeleted() || user.isBot()) {
                return Optional.empty();
            }
            String email = user.getProfile() == null ? null : user.getProfile().getEmail();
            String name = user.getRealName() != null ? user.getRealName()
                    : user.getProfile() == null ? user.getName() : user.getProfile().getRealName();
            return Optional.of(new Rep(email == null ? "" : email, user.getId(), name, zone(user.getTz())));
        } catch (SlackGateway.SlackCallFailed e) {
            if (e.getMessage().endsWith("user_not_found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private ZoneId zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? fallbackZone : ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            log.warn("Slack reported an unknown time zone '{}'; using {}", tz, fallbackZone);
            return fallbackZone;
        }
    }
}
