package org.patientgen.engine.server;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;
import org.patientgen.engine.wire.Responses.AuditEntry;
import org.patientgen.engine.wire.Responses.AuditPage;

/**
 * Reads the audit log, newest first, one page at a time, and writes the entries for calls the
 * stores do not audit themselves.
 */
public final class AuditTrail {
    /** Largest page. */
    public static final int MAX_LIMIT = 500;
    private static final String CURSOR = "before-";

    private final Transactions tx;
    private final Clock clock;

    public AuditTrail(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * Which entries to list; {@code null} filters match everything.
     *
     * @param actor      entries by this actor
     * @param action     entries whose action starts with this, e.g. {@code job.} or {@code pool.apply}
     * @param targetType entries about this kind of thing
     * @param targetId   entries about this thing
     * @param from       at or after
     * @param to         before
     * @param cursor     the previous page's {@code nextCursor}
     * @param limit      entries per page, 1 to {@link #MAX_LIMIT}
     */
    public record Query(String actor, String action, String targetType, String targetId, Instant from, Instant to,
                        String cursor, int limit) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
            }
            if (cursor != null) {
                before(cursor);
            }
        }
    }

    /** One page of matching entries. */
    public AuditPage page(Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, target_type, target_id, details,"
                + " remote_address FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.cursor() != null) {
            sql.append(" AND id < ?");
            params.add(before(q.cursor()));
        }
        condition(sql, params, " AND actor = ?", q.actor());
        if (q.action() != null) {
            sql.append(" AND action LIKE ? ESCAPE '\\'");
            params.add(q.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        condition(sql, params, " AND target_type = ?", q.targetType());
        condition(sql, params, " AND target_id = ?", q.targetId());
        condition(sql, params, " AND occurred_at >= ?", Transactions.timestamp(q.from()));
        condition(sql, params, " AND occurred_at < ?", Transactions.timestamp(q.to()));
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
        List<AuditEntry> rows = tx.run(c -> Rows.list(c, sql.toString(), rs -> new AuditEntry(rs.getLong(1),
                Transactions.instant(rs, "occurred_at"), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8)), params.toArray()));
        boolean more = rows.size() > q.limit();
        List<AuditEntry> page = more ? rows.subList(0, q.limit()) : rows;
        return new AuditPage(List.copyOf(page), more ? CURSOR + page.get(page.size() - 1).id() : null);
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static long before(String cursor) {
        if (cursor.startsWith(CURSOR)) {
            try {
                return Long.parseLong(cursor.substring(CURSOR.length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server issued; pass the"
                + " nextCursor of the previous page unchanged");
    }

    /** Records a change the stores do not audit themselves (attributed to the current HTTP client). */
    public void record(String actor, String action, String targetType, String targetId, String details)
            throws SQLException {
        Instant now = clock.instant();
        tx.run(c -> {
            AuditLog.append(c, now, actor, action, targetType, targetId, details);
            return null;
        });
    }
}
