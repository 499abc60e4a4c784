package org.patientgen.engine.api;

import java.util.Objects;

/**
 * What one item of a batch call did. A batch is not all-or-nothing: each item succeeds or fails on
 * its own, and the results come back in the order of the request.
 *
 * @param index   the item's position in the request, from 0
 * @param jobId   the job the item concerns (for a batch submit, the new job's id when it succeeded,
 *                else {@code null})
 * @param outcome what happened
 * @param message for the user: what was done, or why not and what to do
 */
public record BatchItemResult(int index, Long jobId, Outcome outcome, String message) {
    /** {@link #OK}, or the {@link ErrorKind} the item failed with. */
    public enum Outcome {
        OK, INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAVAILABLE, INTERNAL;

        /** The outcome of an item that failed with this exception kind. */
        public static Outcome of(ErrorKind kind) {
            switch (kind) {
                case INVALID:
                    return INVALID;
                case NOT_FOUND:
                    return NOT_FOUND;
                case CONFLICT:
                    return CONFLICT;
                case FORBIDDEN:
                case UNAUTHENTICATED:
                    return FORBIDDEN;
                case UNAVAILABLE:
                case RATE_LIMITED:
                    return UNAVAILABLE;
                default:
                    return INTERNAL;
            }
        }
    }

    public BatchItemResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Whether this item succeeded. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
