package dev.silentdeals.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackModeTest {

    static final SlackProperties.OAuth OAUTH = new SlackProperties.OAuth("1234.5678", "client-secret", "key", null, null);

    @Test
    void client_credentials_and_a_signing_secret_without_a_bot_token_serve_many_workspaces() {
        assertThat(properties(null, "signing", null, OAUTH).mode()).isEqualTo(SlackProperties.Mode.OAUTH);
    }

    @Test
    void a_bot_token_keeps_the_single_workspace_modes_whatever_else_is_set() {
        assertThat(properties("xoxb-1", "signing", null, OAUTH).mode()).isEqualTo(SlackProperties.Mode.HTTP);
        assertThat(properties("xoxb-1", null, "xapp-1", OAUTH).mode()).isEqualTo(SlackProperties.Mode.SOCKET);
    }

    @Test
    void oauth_without_a_signing_secret_or_without_the_client_secret_is_not_connected() {
        assertThat(properties(null, null, null, OAUTH).mode()).isEqualTo(SlackProperties.Mode.PREVIEW);
        assertThat(properties(null, "signing", null, new SlackProperties.OAuth("1234.5678", "", "key", null, null))
                .mode()).isEqualTo(SlackProperties.Mode.PREVIEW);
    }

    @Test
    void the_default_scopes_are_what_silent_deals_calls_and_secrets_never_print() {
        SlackProperties properties = properties(null, "signing", null, OAUTH);

        assertThat(properties.oauth().scopes()).isEqualTo("chat:write,commands,im:write,users:read,users:read.email,files:write,channels:read");
        assertThat(properties.toString() + properties.oauth()).doesNotContain("client-secret", "signing", "key");
    }

    private static SlackProperties properties(String botToken, String signingSecret, String appToken,
                                              SlackProperties.OAuth oauth) {
        return new SlackProperties(botToken, signingSecret, appToken, null, null, null, null, oauth);
    }
}
