package org.patientgen.engine.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.server.auth.Authenticator;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.auth.RateLimiter;
import org.patientgen.engine.wire.Role;

/**
 * Admits a request: a valid bearer token, a role that allows the route, and a token still within
 * its rate limit. The token comes from the {@code Authorization: Bearer} header, or, on the
 * WebSocket upgrade only, from a {@code token} query parameter (browsers cannot set headers on a
 * WebSocket).
 */
public final class Guard {
    /** Request attribute holding the admitted {@link Caller}. */
    public static final String CALLER = "patientgen.caller";

    private final Authenticator authenticator;
    private final RateLimiter limiter;

    public Guard(Authenticator authenticator, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    /**
     * The caller, admitted for {@code role}.
     *
     * @param allowQueryToken whether a {@code ?token=} parameter may stand in for the header
     * @throws PatientGenException UNAUTHENTICATED, FORBIDDEN or RATE_LIMITED
     */
    public Caller admit(Context ctx, Role role, boolean allowQueryToken) {
        String bearer = bearer(ctx.header("Authorization"));
        if (bearer == null && allowQueryToken) {
            bearer = ctx.queryParam("token");
        }
        Caller caller = authenticator.authenticate(bearer, role);
        long wait = limiter.acquire(caller.tokenId());
        if (wait > 0) {
            throw new RateLimited(wait);
        }
        ctx.attribute(CALLER, caller);
        return caller;
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return h.substring(7).strip();
        }
        throw new PatientGenException(ErrorKind.UNAUTHENTICATED, "the Authorization header must be 'Bearer <token>'");
    }

    /** Too many requests from one token; carries the seconds to wait. */
    public static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("too many requests for this token; retry in " + retryAfterSeconds + " s (the limit is per token;"
                    + " spread requests out or use batch calls)");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
