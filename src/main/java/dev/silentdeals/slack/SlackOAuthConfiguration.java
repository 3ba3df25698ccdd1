package dev.silentdeals.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.bolt.model.Bot;
import dev.silentdeals.slack.oauth.RedisInstallationService;
import dev.silentdeals.slack.oauth.RedisOAuthStateService;
import dev.silentdeals.slack.oauth.TokenCipher;
import dev.silentdeals.workspaces.Workspaces;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * OAuth mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET, no bot token): installations
 * in Redis with encrypted tokens, the install flow's two paths, and each outbound call made with the token of
 * the workspace it acts for. A missing or malformed SLACK_TOKEN_ENCRYPTION_KEY stops the start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackModeCondition.OAuth.class)
class SlackOAuthConfiguration {

    @Bean
    TokenCipher slackTokenCipher(SlackProperties properties) {
        return TokenCipher.fromBase64Key(properties.oauth().tokenEncryptionKey());
    }

    @Bean
    RedisInstallationService slackInstallations(UnifiedJedis redis, TokenCipher slackTokenCipher) {
        return new RedisInstallationService(redis, slackTokenCipher);
    }

    @Bean
    RedisOAuthStateService slackOAuthStates(UnifiedJedis redis) {
        return new RedisOAuthStateService(redis);
    }

    @Bean
    TokenProvider installedBotTokens(RedisInstallationService installations) {
        return team -> {
            Bot bot = installations.findBot(null, team);
            if (bot == null || bot.getBotAccessToken() == null) {
                throw new TokenProvider.NoInstallation(team);
            }
            return bot.getBotAccessToken();
        };
    }

    @Bean
    OAuthInstallFlow oauthInstallFlow(SlackProperties properties, RedisInstallationService installations,
                                      RedisOAuthStateService states, Workspaces workspaces) {
        return new OAuthInstallFlow(properties, installations, states, workspaces);
    }

    @Bean
    WorkspaceUninstallListener workspaceUninstallListener(RedisInstallationService installations,
                                                          Workspaces workspaces) {
        return new WorkspaceUninstallListener(installations, workspaces);
    }

    @Bean
    ServletRegistrationBean<SlackOAuthAppServlet> slackOAuthServlet(App slackApp) {
        return new ServletRegistrationBean<>(new SlackOAuthAppServlet(slackApp), OAuthInstallFlow.INSTALL_PATH,
                OAuthInstallFlow.REDIRECT_PATH);
    }
}
