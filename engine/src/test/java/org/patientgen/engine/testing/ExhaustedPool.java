package org.patientgen.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.patientgen.engine.persistence.pool.ConnectionPool;

/**
 * A pool made exhausted for a test: every connection it has is borrowed (a pool shrunk live keeps
 * its surplus idle connections until housekeeping, so that may be more than its maximum) and one
 * more borrower waits. {@link #close()} returns them all.
 *
 * <p>It holds at least the pool's maximum itself, not just whatever was idle when it looked: the
 * engine's own pollers (event hub, metrics) borrow briefly, and a connection one of them returns
 * would otherwise go to the waiter and end the exhaustion a moment after it began.
 */
public final class ExhaustedPool implements AutoCloseable {
    private final List<Connection> held;
    private final CompletableFuture<Connection> waiting;

    private ExhaustedPool(List<Connection> held, CompletableFuture<Connection> waiting) {
        this.held = held;
        this.waiting = waiting;
    }

    /** Borrows everything from {@code pool} and queues one more borrower; returns once it is exhausted. */
    public static ExhaustedPool of(ConnectionPool pool) throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.usage().max() || pool.usage().idle() > 0) {
                held.add(pool.dataSource().getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            closeAll(held);
            throw e;
        }
        CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.dataSource().getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ExhaustedPool exhausted = new ExhaustedPool(held, waiting);
        Await.until(() -> pool.usage().exhausted() || waiting.isDone());
        return exhausted;
    }

    /** Returns one of the borrowed connections. */
    public void releaseOne() throws SQLException {
        held.remove(held.size() - 1).close();
    }

    /** Whether the waiting borrower got its connection within {@code timeout}. */
    public boolean waiterServedWithin(Duration timeout) throws Exception {
        try {
            waiting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Returns every connection, the waiter's too once it has one (at most its connectionTimeout). */
    @Override
    public void close() throws Exception {
        closeAll(held);
        waiting.get(1, TimeUnit.MINUTES).close();
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
    }
}
