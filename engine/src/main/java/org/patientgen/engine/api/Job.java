package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A job as stored.
 *
 * @param id              stable identifier
 * @param submission      what was asked for; {@code priority} is the current base priority
 * @param state           current state
 * @param submittedAt     when it was queued; its waiting time (for aging) counts from here
 * @param updatedAt       last state or priority change
 * @param shards          number of shards
 * @param shardsSucceeded shards whose output is recorded
 * @param patientsDone    patients in succeeded shards
 * @param rerunOf         the job this one re-runs, or {@code null}
 */
public record Job(long id, JobSubmission submission, JobState state, Instant submittedAt, Instant updatedAt,
                  int shards, int shardsSucceeded, long patientsDone, Long rerunOf) {
    public Job {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This job with other labels (the store reads labels separately from the job row). */
    public Job withLabels(Map<String, String> labels) {
        JobSubmission s = submission;
        return new Job(id, new JobSubmission(s.spec(), s.priority(), s.owner(), labels, s.retry()), state, submittedAt,
                updatedAt, shards, shardsSucceeded, patientsDone, rerunOf);
    }
}
