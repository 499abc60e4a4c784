package org.patientgen.engine.server.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.patientgen.engine.wire.Responses.Check;

/**
 * The database answers: a connection is borrowed and checked with JDBC {@code isValid} within a
 * time limit. Runs on its own thread so a pool that waits for a free connection (up to its
 * connectionTimeout) cannot stall the health endpoint.
 */
public final class DatabaseCheck implements ReadinessCheck {
    private final DataSource dataSource;
    private final ExecutorService executor;
    private final long timeoutMillis;

    public DatabaseCheck(DataSource dataSource, ExecutorService executor, long timeoutMillis) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Check check() {
        long start = System.nanoTime();
        Future<Boolean> probe = executor.submit(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid((int) Math.max(1, timeoutMillis / 1000));
            }
        });
        try {
            boolean valid = probe.get(timeoutMillis, TimeUnit.MILLISECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return valid ? new Check(name(), true, "reachable (" + ms + " ms)")
                    : new Check(name(), false, "a connection was borrowed but failed its validity check");
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new Check(name(), false, "no answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof SQLException s ? "SQLSTATE " + s.getSQLState() + ": " + s.getMessage()
                    : String.valueOf(cause);
            return new Check(name(), false, "unreachable: " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name(), false, "check interrupted");
        }
    }
}
