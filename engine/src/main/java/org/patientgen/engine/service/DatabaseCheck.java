package org.patientgen.engine.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.PoolUsage;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database answers: a connection is borrowed from the pool and checked with JDBC
 * {@code isValid}, within a time limit.
 *
 * <p><b>Never stalls readiness.</b> The probe runs on this check's own thread
 * ({@code patientgen-health-database-N}, daemon) and is waited for at most {@code timeout}, so a
 * pool that makes borrowers wait (up to its connectionTimeout) or a database that hangs cannot hold
 * up {@code /health/ready} or the health gate. One probe at a time: a check that finds the previous
 * probe still running waits on that one instead of starting another, so a hung database ties up
 * one thread, not one per health request. A late probe is not interrupted — interrupting a JDBC
 * call can close an embedded H2 database under the engine —; it ends when the pool's
 * connectionTimeout or the driver gives up.
 *
 * <p><b>Busy pool.</b> When every connection is in use it does not probe at all and passes with
 * "not checked now": borrowing would queue behind the workload, and the pool check already reports
 * a shortage (so a gate's failure list names {@code pool} alone).
 *
 * <p>Thread-safety: {@code this} guards {@link #probe}; the wait happens outside the lock.
 */
final class DatabaseCheck implements ReadinessCheck, AutoCloseable {
    static final String NAME = "database";
    /** How long the database may take to hand out a connection and answer. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheck.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DataSource dataSource;
    private final Supplier<PoolUsage> usage;
    private final String product;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;
    /** The probe running or last run; guarded by {@code this}. */
    private Future<HealthCheck> probe;

    /** Checks the database behind {@code pool}. */
    DatabaseCheck(ConnectionPool pool, Duration timeout) {
        this(pool.dataSource(), pool::usage, pool.dialect().productName(), timeout);
    }

    /**
     * @param dataSource where connections come from (the pool's)
     * @param usage      the pool's usage now, for the busy-pool shortcut
     * @param product    the database's name for messages, e.g. {@code PostgreSQL}
     * @param timeout    how long a check waits for the probe
     */
    DatabaseCheck(DataSource dataSource, Supplier<PoolUsage> usage, String product, Duration timeout) {
        this.dataSource = dataSource;
        this.usage = usage;
        this.product = product;
        this.timeout = timeout;
        String threadName = "patientgen-health-database-" + INSTANCES.incrementAndGet();
        // One thread, at most one probe waiting for it (the next one, while the thread returns from
        // the last); single-flight in check() means nothing else is ever submitted, so the abort
        // policy only fires after close().
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthCheck check() {
        PoolUsage u = usage.get();
        if (u.idle() == 0 && u.total() >= u.max()) {
            return new HealthCheck(NAME, true, "not checked now: all " + u.max()
                    + " connections are in use (see pool)");
        }
        Future<HealthCheck> running;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                try {
                    probe = executor.submit(this::probe);
                } catch (RejectedExecutionException e) {
                    return new HealthCheck(NAME, false, "not checked: the engine is stopping");
                }
            }
            running = probe;
        }
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new HealthCheck(NAME, false, product + " did not answer within "
                    + timeout.toMillis() + " ms; check the database server and network");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof SQLException s ? s.getMessage() : String.valueOf(cause);
            return new HealthCheck(NAME, false, "cannot reach the database: " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthCheck(NAME, false, "not checked: interrupted");
        }
    }

    private HealthCheck probe() throws SQLException {
        long start = System.nanoTime();
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(seconds);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return valid ? new HealthCheck(NAME, true, product + " answered in " + ms + " ms")
                    : new HealthCheck(NAME, false, product + " did not answer within "
                            + seconds + " s; check the database server and network");
        }
    }

    /** Stops the probe thread, waiting for a running probe at most the timeout. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("database probe still running at close; it ends when the pool closes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
