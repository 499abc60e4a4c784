package org.patientgen.engine.api;

import java.util.Objects;

/**
 * What the database itself imposes on connections, when known; pool settings must stay inside it.
 *
 * @param connectionTimeLimitMillis the time after which the database closes a connection on its own
 *                                  (PostgreSQL's {@code idle_session_timeout}), or 0 when there is none
 *                                  or it is unknown
 * @param timeLimitSetting          the setting it came from, named in messages
 * @param maxConnections            the database's connection limit (PostgreSQL's
 *                                  {@code max_connections}), or 0 when unknown
 */
public record DatabaseLimits(long connectionTimeLimitMillis, String timeLimitSetting, int maxConnections) {
    /** Nothing known: only HikariCP's own rules apply. */
    public static final DatabaseLimits UNKNOWN = new DatabaseLimits(0, "", 0);

    public DatabaseLimits {
        Objects.requireNonNull(timeLimitSetting, "timeLimitSetting");
        if (connectionTimeLimitMillis < 0 || maxConnections < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }
}
