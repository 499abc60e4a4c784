package org.patientgen.engine.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in READ COMMITTED transactions, retrying the ones the database aborted to
 * break a deadlock or a serialization conflict.
 *
 * <p>READ COMMITTED is set explicitly rather than inherited from the pool settings: the queue's
 * correctness arguments (each statement sees what committed before it; a row lock wait ends with
 * the condition re-checked) are made for that level on both databases. It is not set where the
 * connections already start at that level ({@link IsolationAwareDataSource}, the engine's pool),
 * which saves a round trip per transaction on PostgreSQL.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    /** Serialization failure (both), deadlock (PostgreSQL), lock timeout (H2). */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00");
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;

    /** @param dataSource where connections come from */
    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A unit of work on one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; the caller commits on return and rolls back on an exception. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction and commits it.
     *
     * @throws SQLException what the last attempt threw, when the database keeps refusing
     */
    public <T> T run(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            boolean startsReadCommitted = dataSource instanceof IsolationAwareDataSource aware
                    && aware.connectionsStartReadCommitted();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                if (!startsReadCommitted) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // No SQLSTATE (e.g. HikariCP's "connection is not available" timeout) is not retried here;
                // Set.of(..).contains(null) would throw instead of passing the SQLException on.
                if (attempt >= ATTEMPTS || e.getSQLState() == null || !RETRYABLE.contains(e.getSQLState())) {
                    throw e;
                }
                LOG.debug("transaction aborted by the database ({}), retrying (attempt {})", e.getSQLState(), attempt);
            }
        }
    }

    /** A database timestamp for an instant (UTC). */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant from a {@code TIMESTAMP WITH TIME ZONE} column, or {@code null}. */
    public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
