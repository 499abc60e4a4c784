package org.patientgen.console.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * What the pool screen hears from the engine's event stream: pool figures from the once-a-second
 * metrics snapshots, kept as a bounded history for the charts, and whether someone changed the pool
 * or the runtime configuration. Events arrive on the service's thread ({@link #accept} returns at
 * once); the UI thread {@linkplain #drain() drains} them on its tick, so the charts redraw at most
 * once a tick, from an immutable list.
 */
final class PoolUsageFeed implements Consumer<EngineEvent> {
    /** Samples kept for the charts: three minutes of one-second snapshots. */
    static final int CAPACITY = 180;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<PoolUsageSample> incoming = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean configChanged;
    /** UI thread only. */
    private final ArrayDeque<PoolUsageSample> history = new ArrayDeque<>();

    @Override
    public void accept(EngineEvent event) {
        synchronized (lock) {
            if (event instanceof MetricsSampled m) {
                incoming.addLast(PoolUsageSample.of(m.snapshot()));
                if (incoming.size() > CAPACITY) {
                    incoming.removeFirst();
                }
            } else if (event instanceof ConfigChanged c
                    && (c.targetType().equals("pool") || c.targetType().equals("config"))) {
                configChanged = true;
            }
        }
    }

    /** Starts the history from snapshots read at connect time, oldest first (UI thread). */
    void seed(List<MetricsSnapshot> snapshots) {
        history.clear();
        snapshots.forEach(s -> add(PoolUsageSample.of(s)));
    }

    /** Moves what arrived into the history; true when it changed (UI thread). */
    boolean drain() {
        List<PoolUsageSample> arrived;
        synchronized (lock) {
            arrived = new ArrayList<>(incoming);
            incoming.clear();
        }
        int before = history.size();
        PoolUsageSample last = history.peekLast();
        boolean added = false;
        for (PoolUsageSample s : arrived) {
            if (last == null || s.at().isAfter(last.at())) {
                add(s);
                last = s;
                added = true;
            }
        }
        return added || history.size() != before;
    }

    /** Whether the pool or runtime configuration changed since the last call (UI thread). */
    boolean takeConfigChanged() {
        synchronized (lock) {
            boolean changed = configChanged;
            configChanged = false;
            return changed;
        }
    }

    /** The history, oldest first, as an immutable list. */
    List<PoolUsageSample> samples() {
        return List.copyOf(history);
    }

    private void add(PoolUsageSample s) {
        history.addLast(s);
        if (history.size() > CAPACITY) {
            history.removeFirst();
        }
    }
}
