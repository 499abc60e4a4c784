package org.patientgen.engine.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.PoolUsage;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.pool.ConnectionPool;

/**
 * The engine's readiness: registered {@link ReadinessCheck}s, run together. Built in: the
 * database answers, the pool is not exhausted, and this node's workers are alive. Servers and
 * tests register more.
 */
public final class Readiness {
    /** How long the database may take to hand out a connection and answer. */
    static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private final Clock clock;

    Readiness(ConnectionPool pool, ShardWorkers workers, Clock clock) {
        this.clock = clock;
        register(() -> database(pool));
        register(() -> pool(pool.usage()));
        register(() -> workers(workers));
    }

    /** Adds a check; it runs with every later {@link #check()}. */
    public void register(ReadinessCheck check) {
        checks.add(check);
    }

    /** Runs every check. */
    public EngineHealth check() {
        List<HealthCheck> results = new ArrayList<>(checks.size());
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            HealthCheck result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = new HealthCheck(check.getClass().getSimpleName(), false, "check failed: " + e);
            }
            results.add(result);
            ready &= result.ok();
        }
        return new EngineHealth(ready, results, clock.instant());
    }

    private static HealthCheck database(ConnectionPool pool) {
        PoolUsage u = pool.usage();
        if (u.idle() == 0 && u.total() >= u.max()) {
            // Borrowing now would queue behind the workload for up to connectionTimeout; the pool
            // check reports the shortage, and a check must answer quickly.
            return new HealthCheck("database", true, "not checked now: all " + u.max()
                    + " connections are in use (see pool)");
        }
        long start = System.nanoTime();
        try (Connection c = pool.dataSource().getConnection()) {
            boolean valid = c.isValid(DATABASE_TIMEOUT_SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return valid ? new HealthCheck("database", true, pool.dialect().productName() + " answered in " + ms + " ms")
                    : new HealthCheck("database", false, pool.dialect().productName()
                            + " did not answer within " + DATABASE_TIMEOUT_SECONDS + " s; check the database server and network");
        } catch (SQLException e) {
            return new HealthCheck("database", false, "cannot reach the database: " + e.getMessage());
        }
    }

    static HealthCheck pool(PoolUsage u) {
        String seen = u.active() + " of " + u.max() + " connections in use, " + u.idle() + " idle, " + u.pending()
                + " waiting";
        return u.exhausted()
                ? new HealthCheck("pool", false, "pool exhausted: " + seen
                        + "; raise maximumPoolSize (within the database's max_connections) or find slow or leaked borrows")
                : new HealthCheck("pool", true, seen);
    }

    private static HealthCheck workers(ShardWorkers workers) {
        int wanted = workers.concurrency();
        int alive = workers.activeWorkers();
        String seen = alive + " of " + wanted + " workers alive, " + workers.runningShards() + " shards running";
        return alive >= wanted ? new HealthCheck("workers", true, seen)
                : new HealthCheck("workers", false, seen + "; worker threads died — see the log for the cause");
    }
}
