package org.patientgen.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * The connection pool as it stands: what was applied, what runs, what waits for a restart, and what
 * the pool-settings editor needs to recommend values.
 *
 * @param desired        the latest applied settings
 * @param running        what the running pool uses (desired minus changes awaiting a restart)
 * @param pendingRestart properties whose new value applies only after a pool restart
 * @param revision       the latest revision number, 0 when settings were never applied
 * @param limits         what the database imposes (PostgreSQL's max_connections, idle_session_timeout)
 * @param database       the database product, e.g. {@code H2} or {@code PostgreSQL}
 * @param serverCores    processors of the engine's machine (HikariCP's sizing guidance starts from it)
 */
public record PoolStatus(PoolSettings desired, PoolSettings running, List<String> pendingRestart, long revision,
                         DatabaseLimits limits, String database, int serverCores) {
    public PoolStatus {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(database, "database");
        pendingRestart = List.copyOf(pendingRestart);
    }

    /** Whether a restart is needed for the desired settings to take full effect. */
    public boolean restartRequired() {
        return !pendingRestart.isEmpty();
    }
}
