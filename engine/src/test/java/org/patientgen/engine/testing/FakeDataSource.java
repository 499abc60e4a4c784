package org.patientgen.engine.testing;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for infrastructure tests: hands out connections that are valid and do nothing
 * else, after an optional hang, or fails with a given exception. Counts its borrows. Thread-safe.
 */
public final class FakeDataSource implements DataSource {
    private final AtomicInteger borrows = new AtomicInteger();
    private volatile SQLException failure;
    private volatile CountDownLatch hang;

    /** Borrowers wait until {@link #release()}. */
    public void hang(CountDownLatch latch) {
        this.hang = latch;
    }

    /** Lets waiting and later borrowers through. */
    public void release() {
        CountDownLatch h = hang;
        hang = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** Borrowers get {@code e} (after any hang); {@code null} to succeed again. */
    public void fail(SQLException e) {
        this.failure = e;
    }

    /** How many times a connection was asked for. */
    public int borrows() {
        return borrows.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        borrows.incrementAndGet();
        CountDownLatch h = hang;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
        SQLException f = failure;
        if (f != null) {
            throw f;
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> true;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
