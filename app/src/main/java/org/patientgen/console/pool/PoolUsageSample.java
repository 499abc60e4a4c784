package org.patientgen.console.pool;

import java.time.Instant;
import java.util.Objects;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * The pool's figures in one metrics snapshot, as the live charts plot them.
 *
 * @param at                 when the snapshot was taken
 * @param active             connections in use
 * @param idle               connections open and unused
 * @param pending            threads waiting for a connection
 * @param max                the pool's maximum size
 * @param acquireP95Millis   95th percentile of the time to borrow a connection over about the last minute, ms
 * @param timeoutsTotal      borrows that timed out since the engine started
 */
public record PoolUsageSample(Instant at, int active, int idle, int pending, int max, double acquireP95Millis,
                              long timeoutsTotal) {
    public PoolUsageSample {
        Objects.requireNonNull(at, "at");
    }

    static PoolUsageSample of(MetricsSnapshot m) {
        return new PoolUsageSample(m.at(), m.poolActive(), m.poolIdle(), m.poolPending(), m.poolMax(),
                m.poolAcquireP95Millis(), m.poolConnectionTimeoutsTotal());
    }
}
