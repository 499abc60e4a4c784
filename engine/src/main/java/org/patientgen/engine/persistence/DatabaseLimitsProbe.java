package org.patientgen.engine.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.patientgen.engine.api.DatabaseLimits;

/** Reads the limits a database imposes on connections, which pool settings must respect. */
public final class DatabaseLimitsProbe {
    private DatabaseLimitsProbe() {
    }

    /**
     * The database's limits; {@link DatabaseLimits#UNKNOWN} for H2, which imposes none.
     *
     * @throws SQLException if the database cannot be asked
     */
    public static DatabaseLimits probe(DataSource dataSource, SqlDialect dialect) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            return DatabaseLimits.UNKNOWN;
        }
        long idleSessionTimeout = 0;
        int maxConnections = 0;
        // pg_settings reports idle_session_timeout in ms (0 = off; the setting exists from PostgreSQL 14).
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, setting FROM pg_settings"
                     + " WHERE name IN ('idle_session_timeout', 'max_connections')")) {
            while (rs.next()) {
                if ("idle_session_timeout".equals(rs.getString(1))) {
                    idleSessionTimeout = Long.parseLong(rs.getString(2));
                } else {
                    maxConnections = Integer.parseInt(rs.getString(2));
                }
            }
        }
        return new DatabaseLimits(idleSessionTimeout, "PostgreSQL idle_session_timeout", maxConnections);
    }
}
