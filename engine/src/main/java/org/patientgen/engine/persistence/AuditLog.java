package org.patientgen.engine.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Appends to the audit log: who changed what, when. Written inside the transaction that makes the
 * change, so the log and the change commit together or not at all.
 */
public final class AuditLog {
    private AuditLog() {
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
                + " (occurred_at, actor, action, target_type, target_id, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, Transactions.timestamp(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, targetType);
            ps.setString(5, targetId);
            ps.setString(6, details);
            ps.executeUpdate();
        }
    }
}
