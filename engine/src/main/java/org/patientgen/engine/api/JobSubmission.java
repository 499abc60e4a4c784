package org.patientgen.engine.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A request to run a job.
 *
 * @param spec     what to generate
 * @param priority higher runs first; waiting jobs gain priority over time (see the job queue)
 * @param owner    who submitted it (a user or service name)
 * @param labels   free-form key/value tags for filtering, e.g. {@code team=cardio}
 * @param retry    how often its shards are tried, and the backoff between tries
 */
public record JobSubmission(GenerationSpec spec, int priority, String owner, Map<String, String> labels,
                            RetryPolicy retry) {
    /** Priorities are bounded so that aging arithmetic cannot overflow. */
    public static final int MIN_PRIORITY = -1_000;
    /** See {@link #MIN_PRIORITY}. */
    public static final int MAX_PRIORITY = 1_000;
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");

    public JobSubmission {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(retry, "retry");
        labels = Map.copyOf(new TreeMap<>(labels));
        checkPriority(priority);
        if (owner.isBlank() || owner.length() > 200) {
            throw new IllegalArgumentException("owner must be 1 to 200 characters");
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                throw new IllegalArgumentException("label key '" + label.getKey()
                        + "' must be 1 to 63 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
            }
            if (label.getValue().length() > 500) {
                throw new IllegalArgumentException("label '" + label.getKey() + "' value is longer than 500 characters");
            }
        }
    }

    /** A submission with the {@linkplain RetryPolicy#DEFAULT default} retry policy. */
    public JobSubmission(GenerationSpec spec, int priority, String owner, Map<String, String> labels) {
        this(spec, priority, owner, labels, RetryPolicy.DEFAULT);
    }

    /** This submission with another retry policy. */
    public JobSubmission withRetry(RetryPolicy policy) {
        return new JobSubmission(spec, priority, owner, labels, policy);
    }

    /**
     * Rejects a priority outside {@link #MIN_PRIORITY}..{@link #MAX_PRIORITY}.
     *
     * @throws IllegalArgumentException naming the allowed range
     */
    public static int checkPriority(int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY
                    + ", was " + priority);
        }
        return priority;
    }
}
