package org.patientgen.engine.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's readiness: registered {@link ReadinessCheck}s, run together. Built in, in this
 * order: the database answers ({@link DatabaseCheck}), the pool is not exhausted
 * ({@link PoolCheck}), and this node's workers are alive ({@link WorkersCheck}). Servers and tests
 * may register more. The health gate of configuration deployments and a server's
 * {@code /health/ready} both read it.
 */
public final class Readiness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private final Clock clock;

    Readiness(ConnectionPool pool, ShardWorkers workers, Clock clock) {
        this.clock = clock;
        register(new DatabaseCheck(pool, DatabaseCheck.DEFAULT_TIMEOUT));
        register(new PoolCheck(pool));
        register(new WorkersCheck(workers));
    }

    /** Adds a check; it runs with every later {@link #check()}. */
    public void register(ReadinessCheck check) {
        checks.add(check);
    }

    /** Runs every check, one after the other. */
    public EngineHealth check() {
        List<HealthCheck> results = new ArrayList<>(checks.size());
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            HealthCheck result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = new HealthCheck(check.name(), false, "check failed: " + e);
            }
            results.add(result);
            ready &= result.ok();
        }
        return new EngineHealth(ready, results, clock.instant());
    }

    /** Stops the checks' own threads (the database probe's). */
    @Override
    public void close() {
        for (ReadinessCheck check : checks) {
            if (check instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // A check's close only stops its own thread; nothing to recover.
                    LOG.debug("closing check {} failed: {}", check.name(), e.toString());
                }
            }
        }
    }
}
