package dev.silentdeals.slack.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts installed workspaces' tokens before they reach Redis: AES-256-GCM with a fresh random 12-byte
 * IV per value, and the Redis key as associated data, so a value copied under another workspace's key does
 * not decrypt. Stored form: {@code v1:} + base64(IV ‖ ciphertext ‖ tag).
 */
public final class TokenCipher {

    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(SecretKey key) {
        this.key = key;
    }

    /**
     * The cipher for SLACK_TOKEN_ENCRYPTION_KEY (base64 of 32 random bytes). Refuses anything else at start,
     * with a message that names the setting but never repeats its value.
     */
    public static TokenCipher fromBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("SLACK_TOKEN_ENCRYPTION_KEY is not set; OAuth mode needs it to "
                    + "encrypt installed tokens (generate one with: openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLACK_TOKEN_ENCRYPTION_KEY is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("SLACK_TOKEN_ENCRYPTION_KEY must decode to 32 bytes (AES-256), not "
                    + bytes.length);
        }
        return new TokenCipher(new SecretKeySpec(bytes, "AES"));
    }

    /** Encrypts {@code plaintext}, bound to {@code context} (the Redis key it is stored under). */
    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Decrypts a value {@link #encrypt} made for the same {@code context}; throws {@link Undecryptable} when
     * it was changed, moved, or sealed with another key.
     */
    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new Undecryptable("not a " + VERSION + " value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (in.length <= IV_BYTES) {
                throw new Undecryptable("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Undecryptable(e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM]";
    }

    /** A stored value that cannot be decrypted with this key for this place. */
    public static final class Undecryptable extends RuntimeException {
        Undecryptable(String why) {
            super("cannot decrypt: " + why);
        }
    }
}
