package org.patientgen.engine.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.Problem;
import org.patientgen.engine.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem document: service errors by their
 * {@link ErrorKind}, the HTTP-level ones (unknown route 404, wrong method 405, body too large 413,
 * not JSON 415) by their status, and anything unexpected into a 500 whose detail holds only a
 * reference to the log entry (never the exception's message, which might hold internals).
 */
public final class ProblemResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);
    private static final String WRITTEN = "patientgen.problem";

    private final ObjectMapper mapper;

    public ProblemResponder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Installs the handlers on a Javalin routing config. */
    public void install(RoutesConfig routes) {
        routes.exception(PatientGenException.class, (e, ctx) -> write(ctx, Problem.of(e, ctx.path())));
        routes.exception(Guard.RateLimited.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            write(ctx, Problem.of(ErrorKind.RATE_LIMITED, e.getMessage(), ctx.path())
                    .withRetryAfter(e.retryAfterSeconds()));
        });
        routes.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.problem()));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, http(e.getStatus(), ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            String reference = UUID.randomUUID().toString();
            LOG.error("unexpected failure serving {} {} (reference {})", ctx.method(), ctx.path(), reference, e);
            write(ctx, Problem.of(ErrorKind.INTERNAL, "the server failed unexpectedly; its log has the details under"
                    + " reference " + reference, ctx.path()));
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, http(404, ctx));
            }
        });
        routes.error(405, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, http(405, ctx));
            }
        });
    }

    private static Problem http(int status, Context ctx) {
        switch (status) {
            case 404:
                return Problem.of(ErrorKind.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path()
                        + "; the API is described at /api/v1/openapi.json", ctx.path());
            case 405:
                return Problem.http(Problem.METHOD_NOT_ALLOWED, "Method not allowed", 405, ErrorKind.INVALID,
                        ctx.method() + " is not supported on " + ctx.path() + "; see /api/v1/openapi.json for the"
                                + " methods it has", ctx.path());
            case 413:
                return Problem.http(Problem.PAYLOAD_TOO_LARGE, "Payload too large", 413, ErrorKind.INVALID,
                        "the request body is larger than this server accepts", ctx.path());
            default:
                ErrorKind kind = ErrorKind.ofHttpStatus(status);
                return new Problem(Problem.typeOf(kind), Problem.titleOf(kind), status, "HTTP " + status,
                        ctx.path(), kind, null, null);
        }
    }

    /** Writes a problem document as the response. */
    public void write(Context ctx, Problem problem) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"patientgen\"");
        }
        try {
            ctx.status(problem.status()).contentType(WireJson.PROBLEM_JSON).result(mapper.writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(500).contentType("text/plain").result("internal error");
        }
    }
}
