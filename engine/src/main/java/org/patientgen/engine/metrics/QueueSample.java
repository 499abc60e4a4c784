package org.patientgen.engine.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.patientgen.engine.api.JobState;

/**
 * The job and queue figures read from the database at one sample.
 *
 * @param jobsByState             jobs per state, every state present
 * @param queueDepth              shards claimable now: pending past their backoff, or leased with an expired lease
 * @param backingOff              pending shards waiting out a retry backoff
 * @param inFlight                leased shards whose lease has not expired
 * @param oldestQueuedWaitSeconds how long the longest-waiting queued job has waited, seconds; 0 when none
 */
record QueueSample(Map<JobState, Long> jobsByState, long queueDepth, long backingOff, long inFlight,
                   double oldestQueuedWaitSeconds) {
    /** Before the first sample, or without a database: all zero. */
    static final QueueSample EMPTY = new QueueSample(Map.of(), 0, 0, 0, 0);

    QueueSample {
        Map<JobState, Long> all = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            all.put(state, jobsByState.getOrDefault(state, 0L));
        }
        jobsByState = Collections.unmodifiableMap(all);
    }

    long jobs(JobState state) {
        return jobsByState.get(state);
    }
}
