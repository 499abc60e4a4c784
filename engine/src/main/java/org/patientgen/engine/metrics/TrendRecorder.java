package org.patientgen.engine.metrics;

import org.patientgen.engine.api.MetricSample;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.patientgen.engine.api.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the trend series are due (every {@code persistEvery} of snapshot time), writes
 * them to {@code metric_history} and prunes rows older than the retention. The patient rate
 * persisted is the average over the whole interval, not the last second's.
 *
 * <p>Thread-safety: {@link #due} is called under the sampler's lock (it guards {@code last} and
 * {@code nextAt}); {@link #persist} and {@link #read} only use the store.
 */
final class TrendRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(TrendRecorder.class);

    private final MetricHistoryStore store;
    private final String node;
    private final Duration every;
    private final Duration retention;
    /** The snapshot the current interval started with; null before the first. */
    private MetricsSnapshot last;
    private Instant nextAt;

    TrendRecorder(DataSource dataSource, String node, Duration every, Duration retention) {
        this.store = new MetricHistoryStore(dataSource);
        this.node = node;
        this.every = every;
        this.retention = retention;
    }

    /** The point to persist for {@code snapshot}, or null when not due. The first snapshot only starts the interval. */
    TrendSeries.Point due(MetricsSnapshot snapshot) {
        Instant now = snapshot.at();
        if (last == null) {
            last = snapshot;
            nextAt = now.plus(every);
            return null;
        }
        if (now.isBefore(nextAt)) {
            return null;
        }
        long millis = Duration.between(last.at(), now).toMillis();
        double rate = millis <= 0 ? 0
                : (snapshot.patientsGeneratedTotal() - last.patientsGeneratedTotal()) * 1000.0 / millis;
        last = snapshot;
        nextAt = nextAt.plus(every);
        if (!nextAt.isAfter(now)) { // the sampler stalled or the clock jumped: no catching up
            nextAt = now.plus(every);
        }
        return new TrendSeries.Point(snapshot, rate);
    }

    /** Writes the point's series and prunes; a failure is logged and that point is lost. */
    void persist(TrendSeries.Point point) {
        Instant at = point.snapshot().at();
        try {
            store.write(TrendSeries.samples(point, node));
            int pruned = store.prune(TrendSeries.names(), at.minus(retention));
            LOG.debug("metrics persisted at {}; {} rows past retention pruned", at, pruned);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("metrics could not be persisted at {} (that point is lost for trends): {}", at, e.toString());
        }
    }

    List<MetricSample> read(String name, Instant from, Instant to) throws SQLException {
        return store.read(name, from, to);
    }
}
