package org.patientgen.engine.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Appends to the audit log: who changed what, when, and from where. Written inside the transaction
 * that makes the change, so the log and the change commit together or not at all.
 *
 * <p>"From where" is the client address of the HTTP call being served on this thread, if any: the
 * server sets it with {@link #attribute(String)} around each call, so the stores record it
 * without every store method taking it as a parameter.
 */
public final class AuditLog {
    /** The client address of the HTTP call this thread serves; {@code null} for in-process callers. */
    private static final ThreadLocal<String> ORIGIN = new ThreadLocal<>();

    private AuditLog() {
    }

    /**
     * Attributes audit entries written on this thread to {@code remoteAddress} until the returned
     * handle is closed (which restores the previous attribution).
     *
     * @param remoteAddress the client's address, e.g. {@code 127.0.0.1}
     */
    public static Origin attribute(String remoteAddress) {
        String previous = ORIGIN.get();
        ORIGIN.set(remoteAddress);
        return () -> {
            if (previous == null) {
                ORIGIN.remove();
            } else {
                ORIGIN.set(previous);
            }
        };
    }

    /** An attribution of audit entries to a client address; closing it ends the attribution. */
    @FunctionalInterface
    public interface Origin extends AutoCloseable {
        @Override
        void close();
    }

    /** The address entries written on this thread are attributed to, or {@code null}. */
    public static String origin() {
        return ORIGIN.get();
    }

    /**
     * Appends one entry.
     *
     * @param at         when (engine clock)
     * @param actor      who: a user, or a node for automatic actions
     * @param action     what, e.g. {@code pool.apply}
     * @param targetType what kind of thing, e.g. {@code pool}
     * @param targetId   which one
     * @param details    free text or JSON; never secrets
     */
    public static void append(Connection c, Instant at, String actor, String action, String targetType,
                              String targetId, String details) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log"
                + " (occurred_at, actor, action, target_type, target_id, details, remote_address)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, Transactions.timestamp(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, targetType);
            ps.setString(5, targetId);
            ps.setString(6, details);
            ps.setString(7, ORIGIN.get());
            ps.executeUpdate();
        }
    }
}
