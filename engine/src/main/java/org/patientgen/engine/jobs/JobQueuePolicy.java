package org.patientgen.engine.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How the queue orders waiting work: higher priority first, first-come first-served within a
 * priority, and a job gains one priority level for every {@code agingInterval} it waits, so a
 * stream of newer high-priority jobs cannot starve an old low-priority one.
 *
 * <p>A job with priority {@code p} enqueued at time {@code e} has, at time {@code t}, the
 * effective priority {@code p + (t − e) / A}. Comparing two jobs, {@code t} cancels out: job 1
 * goes first iff {@code e1 − p1·A < e2 − p2·A}. So the queue is ordered by the constant
 * {@code rank = e − p·A} (stored on each shard, indexed, lowest first) and the database orders by it
 * without computing anything per row at claim time. A job of priority {@code p} waits at most
 * {@code (P − p)·A} behind newer jobs of priority {@code P}.
 *
 * @param agingInterval waiting time worth one priority level
 */
public record JobQueuePolicy(Duration agingInterval) {
    /** One level per 10 minutes: a priority-0 job overtakes newly submitted priority-6 jobs after an hour. */
    public static final JobQueuePolicy DEFAULT = new JobQueuePolicy(Duration.ofMinutes(10));

    public JobQueuePolicy {
        Objects.requireNonNull(agingInterval, "agingInterval");
        if (agingInterval.toMillis() < 1 || agingInterval.toDays() > 365) {
            throw new IllegalArgumentException("aging interval must be between 1 ms and 365 days, was " + agingInterval);
        }
    }

    /** The queue position key (lower runs first) of a job enqueued at {@code enqueuedMs} with {@code priority}. */
    public long rank(long enqueuedMs, int priority) {
        return enqueuedMs - priority * agingInterval.toMillis();
    }

    /** The priority a job effectively has at {@code nowMs}, after aging (rounded down). */
    public long effectivePriority(int priority, long enqueuedMs, long nowMs) {
        return priority + Math.max(0, nowMs - enqueuedMs) / agingInterval.toMillis();
    }
}
