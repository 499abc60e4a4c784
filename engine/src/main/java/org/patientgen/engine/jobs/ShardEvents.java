package org.patientgen.engine.jobs;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.patientgen.engine.api.ShardLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node's {@link ShardWorkers} do with shards, for metrics. Every method has a no-op
 * default, so a listener overrides only what it counts.
 *
 * <p>Called on worker threads, {@link #patientsGenerated} after every patient: implementations
 * must be cheap and thread-safe. One that throws is logged (at WARN the first time, then at DEBUG)
 * and otherwise ignored; it never fails a shard.
 *
 * <p>Every claimed shard ends in at most one of {@link #completed}, {@link #retried} and
 * {@link #failed}; none when its lease was lost (job cancelled, or the lease expired and another
 * node took the shard) or the node stopped before it finished.
 */
public interface ShardEvents {
    /** Listens to nothing. */
    ShardEvents NONE = new ShardEvents() {
    };

    /** This node leased the shard and is about to run it. */
    default void claimed(ShardLease lease) {
    }

    /** The shard's generator wrote {@code patients} more patients on this node. */
    default void patientsGenerated(ShardLease lease, long patients) {
    }

    /** This node recorded the shard as complete (generated, or adopted from an earlier attempt). */
    default void completed(ShardLease lease, long patients) {
    }

    /** An attempt failed and the shard went back to pending, to be retried after its backoff. */
    default void retried(ShardLease lease, String error) {
    }

    /** An attempt failed and used up the job's attempts: the shard and its job failed. */
    default void failed(ShardLease lease, String error) {
    }

    /** {@code events} with every call's exception logged and swallowed, so a listener cannot break a worker. */
    static ShardEvents guarded(ShardEvents events) {
        Objects.requireNonNull(events, "events");
        if (events == NONE) {
            return NONE;
        }
        Logger log = LoggerFactory.getLogger(ShardEvents.class);
        AtomicBoolean failedBefore = new AtomicBoolean();
        return new ShardEvents() {
            @Override
            public void claimed(ShardLease lease) {
                run(() -> events.claimed(lease));
            }

            @Override
            public void patientsGenerated(ShardLease lease, long patients) {
                run(() -> events.patientsGenerated(lease, patients));
            }

            @Override
            public void completed(ShardLease lease, long patients) {
                run(() -> events.completed(lease, patients));
            }

            @Override
            public void retried(ShardLease lease, String error) {
                run(() -> events.retried(lease, error));
            }

            @Override
            public void failed(ShardLease lease, String error) {
                run(() -> events.failed(lease, error));
            }

            private void run(Runnable call) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    if (failedBefore.compareAndSet(false, true)) {
                        log.warn("shard event listener {} failed; ignored, and later failures logged at DEBUG",
                                events, e);
                    } else {
                        log.debug("shard event listener {} failed again: {}", events, e.toString());
                    }
                }
            }
        };
    }
}
