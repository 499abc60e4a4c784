package org.patientgen.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * What applying new pool settings did.
 *
 * @param revision      the stored revision
 * @param appliedLive   properties changed on the running pool (HikariCP picks up timeouts at its
 *                      next housekeeping run, within 30 s; maxLifetime affects new connections)
 * @param needsRestart  changed properties the running pool cannot take; they apply on the next
 *                      pool restart
 */
public record PoolChange(PoolSettingsRevision revision, List<String> appliedLive, List<String> needsRestart) {
    public PoolChange {
        Objects.requireNonNull(revision, "revision");
        appliedLive = List.copyOf(appliedLive);
        needsRestart = List.copyOf(needsRestart);
    }

    /** Whether a pool restart is needed for the settings to take full effect. */
    public boolean restartRequired() {
        return !needsRestart.isEmpty();
    }
}
