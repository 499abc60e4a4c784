package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/v1/jobs/batch}: one action on many jobs. Each item succeeds or fails
 * on its own ({@link BatchResponse}).
 *
 * @param action   {@code submit} (with {@code jobs}), {@code cancel} or {@code retry} (with {@code ids}
 *                 and an optional {@code reason}), {@code reprioritise} (with {@code ids} and {@code priority})
 * @param jobs     the jobs to submit
 * @param ids      the jobs to act on
 * @param reason   why, recorded on each job's transition
 * @param priority the new priority
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchRequest(Action action, List<JobRequest> jobs, List<Long> ids, String reason, Integer priority) {
    /** Largest batch, so one call stays a bounded amount of work. */
    public static final int MAX_ITEMS = 1_000;

    /** What a batch does; written in lower case ({@code submit}), read in any case. */
    public enum Action {
        SUBMIT, CANCEL, RETRY, REPRIORITISE;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Action of(String name) {
            for (Action a : values()) {
                if (a.name().equalsIgnoreCase(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("action must be submit, cancel, retry or reprioritise, was '" + name + "'");
        }
    }

    /** A batch submit. */
    public static BatchRequest submit(List<JobRequest> jobs) {
        return new BatchRequest(Action.SUBMIT, jobs, null, null, null);
    }

    /** A batch cancel, retry (with a reason) or reprioritise (with a priority). */
    public static BatchRequest of(Action action, List<Long> ids, String reason, Integer priority) {
        return new BatchRequest(action, null, ids, reason, priority);
    }
}
