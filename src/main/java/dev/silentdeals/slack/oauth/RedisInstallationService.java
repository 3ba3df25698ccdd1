package dev.silentdeals.slack.oauth;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;
import dev.silentdeals.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Bolt's installation store in Redis, one workspace per hash tag: the bot installation under
 * {@code sd:{T}:slack:bot}, each installer under {@code sd:{T}:slack:installer:{user}}. Every value is the
 * JSON Bolt keeps, encrypted whole with {@link TokenCipher} (tokens, refresh tokens and webhook URLs are
 * all secrets). Workspace installs only: org-wide (Enterprise Grid) installs are refused, because all data
 * is scoped by workspace.
 */
public final class RedisInstallationService implements InstallationService {

    private static final Logger log = LoggerFactory.getLogger(RedisInstallationService.class);

    private final UnifiedJedis redis;
    private final TokenCipher cipher;

    public RedisInstallationService(UnifiedJedis redis, TokenCipher cipher) {
        this.redis = redis;
        this.cipher = cipher;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("Only the current installation of a workspace is kept");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        String team = workspaceOf(installer.getTeamId(), installer.getIsEnterpriseInstall());
        if (installer.getInstallerUserId() != null) {
            put(RedisKeys.slackInstaller(team, installer.getInstallerUserId()), JsonOps.toJsonString(installer));
            redis.sadd(RedisKeys.slackInstallers(team), installer.getInstallerUserId());
        }
        saveBot(installer.toBot());
    }

    @Override
    public void saveBot(Bot bot) {
        if (bot.getBotAccessToken() == null) {
            return;
        }
        String team = workspaceOf(bot.getTeamId(), bot.getIsEnterpriseInstall());
        put(RedisKeys.slackBot(team), JsonOps.toJsonString(bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        if (bot.getTeamId() != null) {
            redis.del(RedisKeys.slackBot(bot.getTeamId()));
        }
    }

    @Override
    public void deleteInstaller(Installer installer) {
        if (installer.getTeamId() != null && installer.getInstallerUserId() != null) {
            deleteInstaller(installer.getTeamId(), installer.getInstallerUserId());
        }
    }

    /** Forgets one user's grant (their user token was revoked). */
    public void deleteInstaller(String teamId, String userId) {
        redis.del(RedisKeys.slackInstaller(teamId, userId));
        redis.srem(RedisKeys.slackInstallers(teamId), userId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (teamId == null) {
            return null;
        }
        return read(RedisKeys.slackBot(teamId), DefaultBot.class, teamId);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        if (teamId == null || userId == null) {
            return null;
        }
        return read(RedisKeys.slackInstaller(teamId, userId), DefaultInstaller.class, teamId);
    }

    /** Deletes every token of the workspace (the app was uninstalled). */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId == null) {
            return;
        }
        for (String userId : redis.smembers(RedisKeys.slackInstallers(teamId))) {
            redis.del(RedisKeys.slackInstaller(teamId, userId));
        }
        redis.del(RedisKeys.slackInstallers(teamId), RedisKeys.slackBot(teamId));
    }

    private void put(String key, String json) {
        redis.set(key, cipher.encrypt(json, key));
    }

    private <T> T read(String key, Class<T> type, String teamId) {
        String stored = redis.get(key);
        if (stored == null) {
            return null;
        }
        try {
            return JsonOps.fromJson(cipher.decrypt(stored, key), type);
        } catch (TokenCipher.Undecryptable e) {
            log.warn("The Slack installation of workspace {} cannot be decrypted ({}); was SLACK_TOKEN_ENCRYPTION_KEY "
                    + "changed? The workspace must install the app again.", teamId, e.getMessage());
            return null;
        }
    }

    private static String workspaceOf(String teamId, Boolean enterpriseInstall) {
        if (Boolean.TRUE.equals(enterpriseInstall) || teamId == null) {
            throw new IllegalArgumentException("silent-deals installs into one workspace at a time; "
                    + "org-wide installs are not supported");
        }
        return teamId;
    }
}
