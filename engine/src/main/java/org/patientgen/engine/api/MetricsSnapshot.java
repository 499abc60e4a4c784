package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node's metrics at one instant, for live charts: the engine samples one every second, keeps
 * an hour of them in memory and hands each to subscribers.
 *
 * <p>Sources: job and queue figures are read from the shared database (the same on every node);
 * shard, patient and worker figures count this node's workers since the engine started; pool
 * figures come from HikariCP's own meters, summed over the pools of this node (normally one);
 * memory and CPU are this JVM's.
 *
 * @param at                          when the snapshot was taken
 * @param patientsGeneratedTotal      patients written by this node's generators since start
 *                                    (includes attempts later discarded; output adopted from an
 *                                    earlier attempt is not generated again and not counted), count
 * @param patientsPerSecond           growth of {@code patientsGeneratedTotal} since the previous
 *                                    snapshot divided by the time between the two, patients per
 *                                    second; 0 for the first snapshot
 * @param jobsByState                 jobs in each state, every {@link JobState} present (0 when
 *                                    none), count; unmodifiable
 * @param queueDepth                  shards a worker could claim now (pending and past any retry
 *                                    backoff, or leased with an expired lease), count
 * @param oldestQueuedWaitSeconds     how long the longest-waiting {@link JobState#QUEUED} job has
 *                                    waited since it entered the queue, seconds; 0 when none
 * @param shardsInFlight              shards leased under a lease that has not expired (running on
 *                                    some node), count
 * @param shardsClaimedTotal          shards this node's workers claimed since start, count
 * @param shardsCompletedTotal        shards this node's workers recorded as complete, count
 * @param shardsFailedTotal           failed attempts on this node that used up the job's attempts,
 *                                    failing the shard and its job, count
 * @param shardsRetriedTotal          failed attempts on this node after which the shard went back
 *                                    to pending to be retried after a backoff, count (all failed
 *                                    attempts = failed + retried)
 * @param workerConcurrency           workers this node is set to run ({@code setConcurrency}), count
 * @param workersBusy                 shards running on this node now, count
 * @param poolActive                  connections borrowed from the pool now, count
 * @param poolIdle                    connections idle in the pool now, count
 * @param poolPending                 threads waiting for a connection now, count
 * @param poolMax                     the pool's maximum size, count
 * @param poolAcquireP95Millis        95th percentile of the time to borrow a connection, over
 *                                    HikariCP's acquire timer's rolling window of about one minute,
 *                                    milliseconds; 0 when nothing was borrowed in the window
 * @param poolConnectionTimeoutsTotal borrows that timed out (waited {@code connectionTimeout}
 *                                    without a connection) since start, count
 * @param heapUsedBytes               JVM heap in use, bytes
 * @param heapMaxBytes                JVM heap limit, bytes; −1 when the JVM has none
 * @param processCpuLoad              CPU used by this JVM process over the JVM's recent interval, as
 *                                    a share of all processors, 0 to 1; −1 when the JVM cannot tell
 * @param errorsLastHour              log events at WARN or ERROR level in this process in about the
 *                                    last hour (to the minute), count
 */
public record MetricsSnapshot(
        Instant at,
        long patientsGeneratedTotal,
        double patientsPerSecond,
        Map<JobState, Long> jobsByState,
        long queueDepth,
        double oldestQueuedWaitSeconds,
        long shardsInFlight,
        long shardsClaimedTotal,
        long shardsCompletedTotal,
        long shardsFailedTotal,
        long shardsRetriedTotal,
        int workerConcurrency,
        int workersBusy,
        int poolActive,
        int poolIdle,
        int poolPending,
        int poolMax,
        double poolAcquireP95Millis,
        long poolConnectionTimeoutsTotal,
        long heapUsedBytes,
        long heapMaxBytes,
        double processCpuLoad,
        long errorsLastHour) {

    public MetricsSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(jobsByState, "jobsByState");
        Map<JobState, Long> all = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            all.put(state, jobsByState.getOrDefault(state, 0L));
        }
        jobsByState = Collections.unmodifiableMap(all);
    }

    /** Jobs in {@code state}, count. */
    public long jobs(JobState state) {
        return jobsByState.get(state);
    }

    /**
     * Busy workers as a share of this node's workers, 0 to 1: {@code workersBusy} divided by the
     * larger of {@code workerConcurrency} and {@code workersBusy} (workers above a lowered
     * concurrency finish their shard first); 0 when neither is above 0.
     */
    public double workerUtilisation() {
        int of = Math.max(workerConcurrency, workersBusy);
        return of == 0 ? 0 : (double) workersBusy / of;
    }
}
