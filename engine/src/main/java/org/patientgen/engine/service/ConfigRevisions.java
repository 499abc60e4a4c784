package org.patientgen.engine.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/** The stored revisions of the runtime configuration, one row per applied version, audited. */
final class ConfigRevisions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "revision, applied_at, applied_by, reason, config_json, rollback_of";

    private final Transactions tx;

    ConfigRevisions(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    ConfigRevision record(Instant at, String who, String why, RuntimeConfig config, long rollbackOf)
            throws SQLException {
        return tx.run(c -> {
            ConfigRevision revision = insert(c, at, who, why, config, rollbackOf);
            AuditLog.append(c, at, who, rollbackOf > 0 ? "config.rollback" : "config.apply", "config",
                    Long.toString(revision.revision()), why);
            return revision;
        });
    }

    private static ConfigRevision insert(Connection c, Instant at, String who, String why, RuntimeConfig config,
                                         long rollbackOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_revisions"
                + " (applied_at, applied_by, reason, config_json, rollback_of) VALUES (?, ?, ?, ?, ?)",
                new String[] {"revision"})) {
            ps.setObject(1, Transactions.timestamp(at));
            ps.setString(2, who);
            ps.setString(3, why);
            ps.setString(4, toJson(config));
            if (rollbackOf > 0) {
                ps.setLong(5, rollbackOf);
            } else {
                ps.setNull(5, java.sql.Types.BIGINT);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new ConfigRevision(keys.getLong(1), at, who, why, config, rollbackOf);
            }
        }
    }

    List<ConfigRevision> list() throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM config_revisions ORDER BY revision DESC",
                ConfigRevisions::read));
    }

    Optional<ConfigRevision> get(long revision) throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM config_revisions WHERE revision = ?",
                ConfigRevisions::read, revision).stream().findFirst());
    }

    private static ConfigRevision read(ResultSet rs) throws SQLException {
        RuntimeConfig config;
        try {
            config = JSON.readValue(rs.getString("config_json"), RuntimeConfig.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("configuration revision " + rs.getLong("revision") + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
        return new ConfigRevision(rs.getLong("revision"), Transactions.instant(rs, "applied_at"),
                rs.getString("applied_by"), rs.getString("reason"), config, rs.getLong("rollback_of"));
    }

    private static String toJson(RuntimeConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("runtime configuration cannot be written as JSON", e);
        }
    }
}
