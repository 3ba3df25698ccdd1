package dev.silentdeals.slack.oauth;

import com.slack.api.bolt.service.OAuthStateService;
import dev.silentdeals.redis.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The OAuth state parameters of installs in progress, in Redis, so the replica that answers Slack's
 * redirect need not be the one that started the install. Each state expires after Bolt's ten minutes and is
 * deleted once used. Bolt also checks the state against the installer's browser cookie.
 */
public final class RedisOAuthStateService implements OAuthStateService {

    private final UnifiedJedis redis;

    public RedisOAuthStateService(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        redis.set(RedisKeys.oauthState(state), "1", SetParams.setParams().ex(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return state != null && redis.exists(RedisKeys.oauthState(state));
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        if (state != null) {
            redis.del(RedisKeys.oauthState(state));
        }
    }
}
