package org.patientgen.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a job has got, as seen by one node at one instant. Completed shards are durable and seen
 * by every node; patients in flight are those written so far by shards running on the node that
 * built this snapshot (other nodes' running shards are not visible).
 *
 * @param jobId            the job
 * @param state            its state
 * @param patientsTotal    patients the job asked for
 * @param patientsDone     patients in completed (recorded) shards
 * @param patientsInFlight patients written so far by shards still running on this node
 * @param shards           shards in the job
 * @param shardsDone       shards completed
 * @param startedAt        when its first shard was claimed, or {@code null} while it has not started
 * @param at               when this snapshot was taken
 */
public record JobProgress(long jobId, JobState state, long patientsTotal, long patientsDone, long patientsInFlight,
                          int shards, int shardsDone, Instant startedAt, Instant at) {
    public JobProgress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    /** Patients done or in flight, never more than the total. */
    public long patientsSeen() {
        return Math.min(patientsTotal, patientsDone + patientsInFlight);
    }

    /** Share of the job done, 0 to 1, counting patients in flight. */
    public double fraction() {
        return patientsTotal == 0 ? 1 : (double) patientsSeen() / patientsTotal;
    }

    /** Average patients per second since the job started; 0 before it started or without elapsed time. */
    public double patientsPerSecond() {
        if (startedAt == null || !at.isAfter(startedAt)) {
            return 0;
        }
        return patientsSeen() * 1000.0 / Duration.between(startedAt, at).toMillis();
    }

    /**
     * Time left at the average rate so far; empty when no rate is known yet, zero when the job has
     * ended.
     */
    public Optional<Duration> eta() {
        if (state.isTerminal()) {
            return Optional.of(Duration.ZERO);
        }
        double rate = patientsPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((patientsTotal - patientsSeen()) * 1000.0 / rate)));
    }
}
