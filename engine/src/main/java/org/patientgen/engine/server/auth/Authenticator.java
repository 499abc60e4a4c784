package org.patientgen.engine.server.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.Responses.Token;
import org.patientgen.engine.wire.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a bearer token into a {@link Caller} and checks its role.
 *
 * <p>Lookups are cached for a few seconds by the token's hash (never the secret), so a busy client
 * costs one database read per {@link #CACHE_TIME}, not one per request; revoking through this
 * server drops the entry at once, and other nodes sharing the database stop accepting the token
 * within {@link #CACHE_TIME}. {@code last_used_at} is written at most once a minute per token.
 */
public final class Authenticator {
    /** How long a looked-up token is trusted without asking the database again. */
    public static final Duration CACHE_TIME = Duration.ofSeconds(5);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final TokenStore tokens;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    public Authenticator(TokenStore tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The caller a token stands for, if it has at least {@code required}.
     *
     * @param bearer the token as sent, or {@code null} when none was
     * @throws PatientGenException {@link ErrorKind#UNAUTHENTICATED} for a missing, malformed, unknown or
     *                             revoked token; {@link ErrorKind#FORBIDDEN} for too small a role
     */
    public Caller authenticate(String bearer, Role required) {
        if (bearer == null || bearer.isBlank()) {
            throw new PatientGenException(ErrorKind.UNAUTHENTICATED, "this endpoint needs an API token: send"
                    + " 'Authorization: Bearer <token>' (an admin creates tokens with 'patientgen token create')");
        }
        String token = bearer.strip();
        if (!TokenSecrets.looksLikeToken(token)) {
            throw new PatientGenException(ErrorKind.UNAUTHENTICATED, "the bearer token is malformed: tokens start with '"
                    + TokenSecrets.PREFIX + "' followed by 43 characters; copy it again from 'patientgen token create'");
        }
        Caller caller = lookup(TokenSecrets.hash(token)).orElseThrow(() -> new PatientGenException(
                ErrorKind.UNAUTHENTICATED, "the bearer token is unknown or revoked; ask an admin for a new one"));
        if (!caller.role().allows(required)) {
            throw new PatientGenException(ErrorKind.FORBIDDEN, "token '" + caller.name() + "' has role "
                    + caller.role() + ", this call needs " + required + " or higher; ask an admin for a token with"
                    + " that role");
        }
        return caller;
    }

    private Optional<Caller> lookup(String hash) {
        Instant now = clock.instant();
        Cached hit = cache.get(hash);
        if (hit != null && now.isBefore(hit.until)) {
            touch(hit.caller, now);
            return Optional.of(hit.caller);
        }
        Optional<Token> token;
        try {
            token = tokens.findActive(hash);
        } catch (SQLException e) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "cannot check the token: the server's database is"
                    + " unavailable; try again shortly", e);
        }
        if (token.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        Caller caller = new Caller(token.get().id(), token.get().name(), token.get().role());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(hash, new Cached(caller, now.plus(CACHE_TIME)));
        touch(caller, now);
        return Optional.of(caller);
    }

    /** Forgets a token at once (after it was revoked here). */
    public void forget(long tokenId) {
        cache.values().removeIf(c -> c.caller.tokenId() == tokenId);
        touched.remove(tokenId);
    }

    private void touch(Caller caller, Instant now) {
        Instant last = touched.get(caller.tokenId());
        if (last != null && now.isBefore(last.plus(TOUCH_EVERY))) {
            return;
        }
        touched.put(caller.tokenId(), now);
        try {
            tokens.touch(caller.tokenId(), now);
        } catch (SQLException e) {
            LOG.warn("could not record the last use of token {}: {}", caller.tokenId(), e.toString());
        }
    }

    private record Cached(Caller caller, Instant until) {
    }
}
