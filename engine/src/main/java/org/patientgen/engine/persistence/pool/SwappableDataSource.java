package org.patientgen.engine.persistence.pool;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.patientgen.engine.persistence.IsolationAwareDataSource;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataSource} whose underlying HikariCP pool can be replaced while in use.
 *
 * <p>{@link #swap} makes every later borrow use the new pool at once; the old pool is
 * <em>retired</em>: its idle connections close immediately, and it is closed only when no
 * borrower holds or awaits one of its connections (or after the drain timeout). Closing it
 * straight away would abort connections in use, failing their transactions, because
 * {@code HikariDataSource.close()} does not wait for borrowers.
 *
 * <p>It also tells {@link org.patientgen.engine.persistence.Transactions} whether connections start
 * at READ COMMITTED: true when the current pool and every retiring one do (their configured
 * isolation, or else the driver's default as one connection reports it when the pool starts).
 *
 * <p>Thread-safety: {@code current} and {@code currentReadCommitted} are volatile and written
 * under {@code this}; {@code retiring} is a concurrent list.
 */
final class SwappableDataSource implements IsolationAwareDataSource, AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SwappableDataSource.class);
    private static final long POLL_MS = 50;

    private final Duration drainTimeout;
    private final ScheduledExecutorService retirer;
    private final List<Retiring> retiring = new CopyOnWriteArrayList<>();
    private volatile HikariDataSource current;
    private volatile boolean currentReadCommitted;

    private static final class Retiring {
        final HikariDataSource pool;
        final boolean readCommitted;
        final long deadlineNanos;
        volatile ScheduledFuture<?> poll;

        Retiring(HikariDataSource pool, boolean readCommitted, long deadlineNanos) {
            this.pool = pool;
            this.readCommitted = readCommitted;
            this.deadlineNanos = deadlineNanos;
        }
    }

    SwappableDataSource(HikariDataSource initial, Duration drainTimeout) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.currentReadCommitted = startsReadCommitted(initial);
        this.drainTimeout = drainTimeout;
        this.retirer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patientgen-pool-retirer");
            t.setDaemon(true);
            return t;
        });
    }

    /** The pool serving new borrows. */
    HikariDataSource current() {
        return current;
    }

    /** Makes {@code next} serve all later borrows and retires the previous pool. */
    synchronized void swap(HikariDataSource next) {
        HikariDataSource old = current;
        Retiring r = new Retiring(old, currentReadCommitted, System.nanoTime() + drainTimeout.toNanos());
        boolean nextReadCommitted = startsReadCommitted(next);
        // retiring first: a borrower that still reaches the old pool must find it counted
        retiring.add(r);
        current = next;
        currentReadCommitted = nextReadCommitted;
        HikariPoolMXBean bean = old.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
        r.poll = retirer.scheduleWithFixedDelay(() -> closeWhenDrained(r), POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void closeWhenDrained(Retiring r) {
        HikariPoolMXBean bean = r.pool.getHikariPoolMXBean();
        boolean drained = bean == null
                || bean.getActiveConnections() == 0 && bean.getThreadsAwaitingConnection() == 0;
        boolean overdue = System.nanoTime() - r.deadlineNanos > 0;
        if (!drained && !overdue) {
            return;
        }
        if (!drained) {
            LOG.warn("closing retired pool {} with {} connections still in use after {}", r.pool.getPoolName(),
                    bean.getActiveConnections(), drainTimeout);
        }
        r.pool.close();
        retiring.remove(r);
        r.poll.cancel(false);
    }

    @Override
    public boolean connectionsStartReadCommitted() {
        if (!currentReadCommitted) {
            return false;
        }
        for (Retiring r : retiring) {
            if (!r.readCommitted) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code pool}'s connections start at READ COMMITTED: its configured isolation, else
     * what a connection reports (the driver's or the server's default). When that cannot be read,
     * false: transactions then set the level themselves, which is always correct.
     */
    private static boolean startsReadCommitted(HikariDataSource pool) {
        String configured = pool.getTransactionIsolation();
        if (configured != null) {
            return "TRANSACTION_READ_COMMITTED".equals(configured);
        }
        try (Connection c = pool.getConnection()) {
            return c.getTransactionIsolation() == Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException e) {
            LOG.debug("could not read the pool's default isolation ({}); transactions will set it", e.toString());
            return false;
        }
    }

    /** Retired pools not yet closed (still serving borrowers that started before a swap). */
    int retiringPools() {
        return retiring.size();
    }

    /**
     * Waits until every retired pool is closed.
     *
     * @return whether they all closed in time
     */
    boolean awaitRetired(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!retiring.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariDataSource pool = current;
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            // A borrower that read `current` just before a swap may reach the old pool after it
            // drained and closed; the new pool serves it instead.
            HikariDataSource now = current;
            if (pool.isClosed() && now != pool) {
                return now.getConnection();
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool logs in with its configured credentials");
    }

    /** Closes the current pool, then waits (up to the drain timeout) for retired ones. */
    @Override
    public void close() {
        List<Retiring> left = new ArrayList<>(retiring);
        try {
            awaitRetired(drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Retiring r : left) {
            r.pool.close();
        }
        retirer.shutdownNow();
        try {
            if (!retirer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("pool retirer thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.close();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return current.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || current.isWrapperFor(iface);
    }
}
