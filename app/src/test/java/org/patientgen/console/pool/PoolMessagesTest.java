package org.patientgen.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;

/** The sentences the pool screen shows after a change. */
class PoolMessagesTest {
    private static PoolChange change(long rollbackOf, List<String> live, List<String> restart) {
        return new PoolChange(new PoolSettingsRevision(7, Instant.EPOCH, "ann", "why", PoolSettings.defaults(),
                rollbackOf), live, restart);
    }

    @Test
    void saysWhenLiveTimeoutsAndLifetimesTakeEffect() {
        assertThat(PoolMessages.applied(change(0, List.of("connectionTimeout", "maxLifetime"), List.of())))
                .isEqualTo("Revision 7 applied. Live now: connectionTimeout and maxLifetime (timeouts at HikariCP's next"
                        + " housekeeping run, within 30 s; maxLifetime for new connections).");
        assertThat(PoolMessages.applied(change(3, List.of(), List.of("poolName", "keepaliveTime", "autoCommit"))))
                .isEqualTo("Revision 7 restores revision 3. Awaiting a pool restart: poolName, keepaliveTime and autoCommit.");
        assertThat(PoolMessages.applied(change(0, List.of(), List.of())))
                .isEqualTo("Revision 7 applied. Nothing changed on the running pool: it already uses these settings.");
    }

    @Test
    void writesUsageWithUnitsThatStayWithTheirFigures() {
        String text = PoolFormat.usage(new PoolUsageSample(Instant.EPOCH, 3, 7, 1, 10, 0.42, 2));
        assertThat(text.replace('\u00a0', ' '))
                .isEqualTo("3 active · 7 idle · 1 waiting · max 10 · acquire p95 0.42 ms · 2 timeouts");
        assertThat(PoolFormat.millis(12.4)).isEqualTo("12 ms");
        assertThat(PoolFormat.millis(1_500)).isEqualTo("1.5 s");
    }
}
