package org.patientgen.engine.api;

import java.util.Objects;

/**
 * What retrying one job of a bulk retry did.
 *
 * @param jobId   the job asked for
 * @param outcome what happened
 * @param message for the user: what was done, or why not
 */
public record JobRetryResult(long jobId, Outcome outcome, String message) {
    /** The result of one item. */
    public enum Outcome {
        /** The job was failed and is queued again. */
        RETRIED,
        /** The job exists but is not failed (queued, running, succeeded, …); nothing changed. */
        NOT_FAILED,
        /** No such job. */
        NOT_FOUND
    }

    public JobRetryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }
}
