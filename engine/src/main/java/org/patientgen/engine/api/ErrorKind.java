package org.patientgen.engine.api;

/**
 * What kind of failure a {@link PatientGenException} reports. Each kind maps to one HTTP status, so
 * the local engine and the remote client raise the same kinds for the same mistakes.
 */
public enum ErrorKind {
    /** The request is malformed or a value is out of range (HTTP 400). */
    INVALID(400),
    /** No credentials, or credentials that are not (or no longer) valid (HTTP 401). */
    UNAUTHENTICATED(401),
    /** Valid credentials whose role does not allow the call (HTTP 403). */
    FORBIDDEN(403),
    /** The job, schedule, workflow or revision does not exist (HTTP 404). */
    NOT_FOUND(404),
    /** The target is not in a state that allows the call, e.g. cancelling a finished job (HTTP 409). */
    CONFLICT(409),
    /** Too many requests for this caller; retry later (HTTP 429). */
    RATE_LIMITED(429),
    /** The engine cannot serve the call now, e.g. its database is unreachable (HTTP 503). */
    UNAVAILABLE(503),
    /** A fault in the engine itself (HTTP 500). */
    INTERNAL(500);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status a server answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The kind an HTTP status stands for; unknown 4xx count as {@link #INVALID}, unknown 5xx as {@link #INTERNAL}. */
    public static ErrorKind ofHttpStatus(int status) {
        for (ErrorKind kind : values()) {
            if (kind.httpStatus == status) {
                return kind;
            }
        }
        return status >= 400 && status < 500 ? INVALID : INTERNAL;
    }
}
