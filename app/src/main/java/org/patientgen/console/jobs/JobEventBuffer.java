package org.patientgen.console.jobs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobProgressed;
import org.patientgen.engine.api.JobStateChanged;

/**
 * Coalesces job events between two UI ticks: the latest progress per job, and the jobs whose state
 * changed. Receives events on the service's thread (returning at once, as the service asks) and is
 * drained on the UI thread, so a burst of events costs one table update.
 */
final class JobEventBuffer implements Consumer<EngineEvent> {
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private Map<Long, JobProgress> progress = new HashMap<>();
    /** Guarded by {@link #lock}. */
    private Set<Long> changed = new LinkedHashSet<>();

    @Override
    public void accept(EngineEvent event) {
        synchronized (lock) {
            if (event instanceof JobProgressed p) {
                progress.put(p.progress().jobId(), p.progress());
            } else if (event instanceof JobStateChanged c) {
                changed.add(c.transition().jobId());
            }
        }
    }

    /** Takes what arrived since the last drain. */
    Batch drain() {
        synchronized (lock) {
            Batch batch = new Batch(progress, changed);
            progress = new HashMap<>();
            changed = new LinkedHashSet<>();
            return batch;
        }
    }

    /**
     * Events coalesced since the last drain.
     *
     * @param progress latest progress per job
     * @param changed  jobs whose state changed (or that were submitted), in order of first change
     */
    record Batch(Map<Long, JobProgress> progress, Set<Long> changed) {
        boolean isEmpty() {
            return progress.isEmpty() && changed.isEmpty();
        }
    }
}
