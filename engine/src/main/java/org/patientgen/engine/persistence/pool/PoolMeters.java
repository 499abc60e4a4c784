package org.patientgen.engine.persistence.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * HikariCP's own Micrometer meters ({@code hikaricp.connections*}, tag {@code pool}) for the pools
 * a {@link ConnectionPool} builds, handed from pool to pool across restarts.
 *
 * <p><b>Why a hand-off.</b> After {@code restart()} two pools live at once: the retiring one drains
 * its borrowers while the new one serves. Both carry the configured pool name, and a meter's id is
 * its name and tags, so plain {@link MicrometerMetricsTrackerFactory} trackers would clash: the new
 * pool's gauges would be the old pool's (registration returns the existing meter, still reading the
 * old pool), and the old pool's tracker, closed when it finally drains, would remove meters the new
 * pool needs. Renaming pools per generation would avoid the clash but change the {@code pool} label
 * at every restart, breaking dashboards and alerts.
 *
 * <p>Instead, the {@code pool} tag stays the configured name and only the <em>serving</em> pool
 * publishes the pool gauges. A new pool is built with a tracker that publishes nothing; once it
 * serves ({@link #serving}), the previous pool's gauges are removed and the new pool's registered,
 * so {@code hikaricp_connections_active} and friends describe the pool that serves new borrows.
 * The acquire, usage and creation timers and the timeout counter are kept: the new pool's tracker
 * gets the same meters back from the registry, and the retiring pool keeps recording into them
 * while it drains, so totals and percentiles continue across a restart. A retiring tracker's
 * {@code close()} removes nothing. (Connections still held on the retiring pool are in no gauge.)
 * When a restart also renames the pool, the previous pool's meters are removed whole.
 *
 * <p>Thread-safety: {@code lock} guards the hand-off state; trackers are called by HikariCP's
 * threads and read their volatile fields.
 */
final class PoolMeters {
    /** No registry: pools are built without a tracker. */
    static final PoolMeters NONE = new PoolMeters(null);

    private final MeterRegistry registry;
    private final Object lock = new Object();
    /** The tracker of the pool serving new borrows. Guarded by {@code lock}. */
    private Tracker serving;
    /** A pool built but not yet serving, and its tracker. Guarded by {@code lock}. */
    private HikariDataSource pendingPool;
    private Tracker pendingTracker;

    private PoolMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters in {@code registry}. */
    static PoolMeters into(MeterRegistry registry) {
        return new PoolMeters(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Builds a pool from {@code config} whose meters, tagged {@code pool=tag}, appear once it
     * {@linkplain #serving serves}. Nothing is registered if it fails to start.
     */
    HikariDataSource build(HikariConfig config, String tag) {
        if (registry == null) {
            return new HikariDataSource(config);
        }
        Tracker tracker = new Tracker(registry, tag);
        config.setMetricsTrackerFactory(tracker);
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (lock) {
            pendingPool = pool;
            pendingTracker = tracker;
        }
        return pool;
    }

    /** {@code pool}, the last one {@linkplain #build built}, now serves: its meters replace the previous pool's. */
    void serving(HikariDataSource pool) {
        if (registry == null) {
            return;
        }
        synchronized (lock) {
            if (pool != pendingPool) {
                throw new IllegalStateException("pool " + pool.getPoolName() + " was not the last one built");
            }
            Tracker next = pendingTracker;
            pendingPool = null;
            pendingTracker = null;
            if (serving != null) {
                serving.retire(next.tag);
            }
            next.publish();
            serving = next;
        }
    }

    /** One pool's tracker: silent until published, forwarding to HikariCP's Micrometer tracker after. */
    private static final class Tracker implements MetricsTrackerFactory, IMetricsTracker {
        private final MeterRegistry registry;
        private final String tag;
        private volatile PoolStats stats;
        /** HikariCP's tracker once published; null before, and after its meters were removed. */
        private volatile IMetricsTracker meters;
        /** Retired with its meters handed to a successor: closing the pool must not remove them. */
        private volatile boolean handedOver;

        Tracker(MeterRegistry registry, String tag) {
            this.registry = registry;
            this.tag = tag;
        }

        @Override
        public IMetricsTracker create(String poolName, PoolStats poolStats) {
            this.stats = poolStats; // HikariCP's own pool name is not the tag: see the class comment
            return this;
        }

        void publish() {
            if (stats != null) {
                meters = new MicrometerMetricsTrackerFactory(registry).create(tag, stats);
            }
        }

        /** Stops publishing gauges; keeps timers and counter for a successor with the same tag. */
        void retire(String successorTag) {
            IMetricsTracker published = meters;
            if (published == null) {
                return;
            }
            if (!successorTag.equals(tag)) {
                meters = null;
                published.close();
                return;
            }
            handedOver = true;
            List<Meter> gauges = new ArrayList<>();
            for (Meter m : registry.getMeters()) {
                Meter.Id id = m.getId();
                if (m instanceof Gauge && id.getName().startsWith("hikaricp.") && tag.equals(id.getTag("pool"))) {
                    gauges.add(m);
                }
            }
            gauges.forEach(registry::remove);
        }

        @Override
        public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
            IMetricsTracker m = meters;
            if (m != null) {
                m.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
            }
        }

        @Override
        public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
            IMetricsTracker m = meters;
            if (m != null) {
                m.recordConnectionUsageMillis(elapsedBorrowedMillis);
            }
        }

        @Override
        public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
            IMetricsTracker m = meters;
            if (m != null) {
                m.recordConnectionCreatedMillis(connectionCreatedMillis);
            }
        }

        @Override
        public void recordConnectionTimeout() {
            IMetricsTracker m = meters;
            if (m != null) {
                m.recordConnectionTimeout();
            }
        }

        /** Called by HikariCP when the pool closes. */
        @Override
        public void close() {
            IMetricsTracker m = meters;
            meters = null;
            if (m != null && !handedOver) {
                m.close();
            }
        }
    }
}
