package org.patientgen.engine.persistence.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.persistence.Transactions;

/** The stored revisions of the pool settings, one row per applied version. */
final class PoolSettingsHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "revision, applied_at, applied_by, reason, settings_json, rollback_of";

    private final Transactions tx;

    PoolSettingsHistory(Transactions tx) {
        this.tx = tx;
    }

    /** Stores a revision inside the caller's transaction. */
    PoolSettingsRevision record(Connection c, Instant at, String who, String why, PoolSettings settings,
                                long rollbackOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_settings_revisions"
                + " (pool_name, applied_at, applied_by, reason, settings_json, rollback_of) VALUES (?, ?, ?, ?, ?, ?)",
                new String[] {"revision"})) {
            ps.setString(1, settings.poolName());
            ps.setObject(2, Transactions.timestamp(at));
            ps.setString(3, who);
            ps.setString(4, why);
            ps.setString(5, toJson(settings));
            if (rollbackOf > 0) {
                ps.setLong(6, rollbackOf);
            } else {
                ps.setNull(6, java.sql.Types.BIGINT);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new PoolSettingsRevision(keys.getLong(1), at, who, why, settings, rollbackOf);
            }
        }
    }

    /** Every revision, newest first. */
    List<PoolSettingsRevision> list() throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM pool_settings_revisions ORDER BY revision DESC");
                 ResultSet rs = ps.executeQuery()) {
                List<PoolSettingsRevision> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(read(rs));
                }
                return result;
            }
        });
    }

    /** One revision. */
    Optional<PoolSettingsRevision> get(long revision) throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM pool_settings_revisions WHERE revision = ?")) {
                ps.setLong(1, revision);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The newest revision, if any. */
    Optional<PoolSettingsRevision> latest() throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM pool_settings_revisions ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static PoolSettingsRevision read(ResultSet rs) throws SQLException {
        PoolSettings settings;
        try {
            settings = JSON.readValue(rs.getString("settings_json"), PoolSettings.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("pool settings revision " + rs.getLong("revision") + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
        return new PoolSettingsRevision(rs.getLong("revision"), Transactions.instant(rs, "applied_at"),
                rs.getString("applied_by"), rs.getString("reason"), settings, rs.getLong("rollback_of"));
    }

    static String toJson(PoolSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pool settings cannot be written as JSON", e);
        }
    }
}
