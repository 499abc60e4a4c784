package org.patientgen.engine.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API token secrets and the hashes they are stored as.
 *
 * <p>A token is {@code pg_} followed by 32 random bytes in URL-safe Base64 (43 characters), so it
 * is recognisable in a leaked file or a secret scanner and safe in a URL. 256 random bits make a
 * slow, salted hash unnecessary: nobody can guess a token from its SHA-256, and a plain hash lets
 * the server find a token with one indexed lookup.
 */
public final class TokenSecrets {
    /** Every token starts with this. */
    public static final String PREFIX = "pg_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A new random token. */
    public static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a token, 64 lower-case hex digits: what is stored and looked up. */
    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether {@code text} has the shape of a token (cheap check before a database lookup). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.startsWith(PREFIX) && text.length() == PREFIX.length() + 43
                && text.substring(PREFIX.length()).chars().allMatch(TokenSecrets::base64Url);
    }

    private static boolean base64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
