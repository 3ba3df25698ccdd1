package dev.silentdeals.slack.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String PLACE = "sd:{T0A}:slack:bot";
    final TokenCipher cipher = TokenCipher.fromBase64Key(KEY);

    @Test
    void a_value_comes_back_as_it_went_in_and_is_never_stored_readable() {
        String sealed = cipher.encrypt("{\"botAccessToken\":\"xoxb-1-2-secret\"}", PLACE);

        assertThat(sealed).startsWith("v1:").doesNotContain("xoxb").doesNotContain("secret");
        assertThat(cipher.decrypt(sealed, PLACE)).isEqualTo("{\"botAccessToken\":\"xoxb-1-2-secret\"}");
    }

    @Test
    void each_value_gets_its_own_random_iv() {
        String once = cipher.encrypt("xoxb-same", PLACE);
        String twice = cipher.encrypt("xoxb-same", PLACE);

        assertThat(once).isNotEqualTo(twice);
        byte[] first = Base64.getDecoder().decode(once.substring(3));
        byte[] second = Base64.getDecoder().decode(twice.substring(3));
        assertThat(java.util.Arrays.copyOf(first, 12)).isNotEqualTo(java.util.Arrays.copyOf(second, 12));
    }

    @Test
    void a_value_moved_to_another_workspaces_key_does_not_decrypt() {
        String sealed = cipher.encrypt("xoxb-of-workspace-a", PLACE);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "sd:{T0B}:slack:bot"))
                .isInstanceOf(TokenCipher.Undecryptable.class);
    }

    @Test
    void a_changed_value_or_another_key_does_not_decrypt() {
        String sealed = cipher.encrypt("xoxb-token", PLACE);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered, PLACE)).isInstanceOf(TokenCipher.Undecryptable.class);
        assertThatThrownBy(() -> TokenCipher.fromBase64Key(OTHER_KEY).decrypt(sealed, PLACE))
                .isInstanceOf(TokenCipher.Undecryptable.class);
        assertThatThrownBy(() -> cipher.decrypt("xoxb-stored-in-clear", PLACE))
                .isInstanceOf(TokenCipher.Undecryptable.class);
    }

    @Test
    void a_missing_or_malformed_key_stops_the_start_without_repeating_the_key() {
        String shortKey = Base64.getEncoder().encodeToString("too-short-key".getBytes());

        assertThatThrownBy(() -> TokenCipher.fromBase64Key(""))
                .hasMessageContaining("SLACK_TOKEN_ENCRYPTION_KEY is not set");
        assertThatThrownBy(() -> TokenCipher.fromBase64Key("not base64 at all!"))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64 at all!");
        assertThatThrownBy(() -> TokenCipher.fromBase64Key(shortKey))
                .hasMessageContaining("must decode to 32 bytes").hasMessageNotContaining(shortKey);
    }
}
