package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.SettingsProblem;

/**
 * An error response, RFC 9457 {@code application/problem+json}.
 *
 * <p>{@code type} is {@code urn:patientgen:problem:<name>}: one name per {@link ErrorKind}
 * ({@code invalid}, {@code unauthenticated}, {@code forbidden}, {@code not-found}, {@code conflict},
 * {@code rate-limited}, {@code unavailable}, {@code internal}) plus the HTTP-level
 * {@code payload-too-large}, {@code method-not-allowed} and {@code unsupported-media-type}. The
 * extension member {@code kind} names the {@link ErrorKind} so a client can rebuild the same
 * {@link PatientGenException} the local engine would have thrown ({@link #toException()}).
 *
 * @param type          what kind of problem, a URN as above
 * @param title         short summary of the type, the same for every occurrence
 * @param status        the HTTP status
 * @param detail        this occurrence, in words a user can act on; never a secret
 * @param instance      the request path it happened on
 * @param kind          the service error kind
 * @param problems      field-by-field problems of rejected settings (omitted when none)
 * @param retryAfterSeconds for {@code rate-limited}: seconds until a request will be accepted again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, ErrorKind kind,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SettingsProblem> problems,
                      Long retryAfterSeconds) {
    /** URN prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:patientgen:problem:";
    /** Type name of a body larger than the server accepts (HTTP 413). */
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** Type name of a method the path does not support (HTTP 405). */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** Type name of a body that is not JSON (HTTP 415). */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(kind, "kind");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The problem of a service failure. */
    public static Problem of(PatientGenException e, String instance) {
        return of(e.kind(), e.getMessage(), instance).withProblems(e.problems());
    }

    /** A problem of a service error kind, with its standard type, title and status. */
    public static Problem of(ErrorKind kind, String detail, String instance) {
        return new Problem(typeOf(kind), titleOf(kind), kind.httpStatus(), detail, instance, kind, List.of(), null);
    }

    /**
     * An HTTP-level problem without an error kind of its own (413, 405, 415), reported to the service
     * layer as {@code kind}.
     */
    public static Problem http(String typeName, String title, int status, ErrorKind kind, String detail,
                               String instance) {
        return new Problem(URI.create(TYPE_PREFIX + typeName), title, status, detail, instance, kind, List.of(), null);
    }

    /** This problem with field-by-field settings problems. */
    public Problem withProblems(List<SettingsProblem> settingsProblems) {
        return new Problem(type, title, status, detail, instance, kind, settingsProblems, retryAfterSeconds);
    }

    /** This problem with a retry hint. */
    public Problem withRetryAfter(long seconds) {
        return new Problem(type, title, status, detail, instance, kind, problems, seconds);
    }

    /** The exception the local engine would have thrown for the same mistake. */
    public PatientGenException toException() {
        return new PatientGenException(kind, detail, problems, null);
    }

    /** {@code urn:patientgen:problem:not-found} for {@link ErrorKind#NOT_FOUND}, and so on. */
    public static URI typeOf(ErrorKind kind) {
        return URI.create(TYPE_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The fixed title of a kind's problem type. */
    public static String titleOf(ErrorKind kind) {
        switch (kind) {
            case INVALID:
                return "Invalid request";
            case UNAUTHENTICATED:
                return "Authentication required";
            case FORBIDDEN:
                return "Not allowed for this role";
            case NOT_FOUND:
                return "Not found";
            case CONFLICT:
                return "Conflicts with the current state";
            case RATE_LIMITED:
                return "Too many requests";
            case UNAVAILABLE:
                return "Temporarily unavailable";
            default:
                return "Internal error";
        }
    }
}
