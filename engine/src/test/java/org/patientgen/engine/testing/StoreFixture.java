package org.patientgen.engine.testing;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** A pool on a fresh database of one backend, with a hand-driven clock. Close it after the test. */
public final class StoreFixture implements AutoCloseable {
    public final Backend backend;
    public final DatabaseTarget target;
    public final MutableClock clock;
    public final ConnectionPool pool;

    private StoreFixture(Backend backend, PoolSettings settings, MutableClock clock, MeterRegistry registry)
            throws SQLException {
        this.backend = backend;
        this.clock = clock;
        this.target = TestDatabases.fresh(backend);
        this.pool = registry == null ? ConnectionPool.open(target, settings, clock, Duration.ofSeconds(30))
                : ConnectionPool.open(target, settings, clock, Duration.ofSeconds(30), registry);
    }

    /** Small pool (8 connections) on a fresh database. */
    public static StoreFixture open(Backend backend) throws SQLException {
        return new StoreFixture(backend, testSettings().build(), MutableClock.fixed(), null);
    }

    public static StoreFixture open(Backend backend, PoolSettings settings) throws SQLException {
        return new StoreFixture(backend, settings, MutableClock.fixed(), null);
    }

    /** Small pool publishing HikariCP's meters in {@code registry}, on {@code clock} (shared with the metrics). */
    public static StoreFixture open(Backend backend, MutableClock clock, MeterRegistry registry) throws SQLException {
        return new StoreFixture(backend, testSettings().build(), clock, registry);
    }

    /** HikariCP defaults with a pool small enough for many test databases at once. */
    public static PoolSettings.Builder testSettings() {
        return PoolSettings.builder().poolName("test").maximumPoolSize(8).minimumIdle(1);
    }

    @Override
    public void close() {
        pool.close();
    }
}
