package org.patientgen.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which changes go live and which wait for a restart: the table the engine applies by and editors show. */
class PoolChangePlanTest {
    private final PoolSettings running = PoolSettings.defaults();

    @Test
    void liveAndRestartChangesAreSplitInDisplayOrder() {
        PoolSettings next = running.toBuilder().keepaliveTime(60_000).maximumPoolSize(6).minimumIdle(6)
                .autoCommit(false).build();

        PoolChangePlan plan = PoolChangePlan.of(running, next);

        assertThat(plan.live()).containsExactly("maximumPoolSize", "minimumIdle");
        assertThat(plan.restart()).containsExactly("keepaliveTime", "autoCommit");
        assertThat(plan.restartRequired()).isTrue();
        assertThat(plan.runningAfter()).isEqualTo(running.toBuilder().maximumPoolSize(6).minimumIdle(6).build());
    }

    @Test
    void onlyLiveChangesNeedNoRestart() {
        PoolSettings next = running.toBuilder().connectionTimeout(10_000).leakDetectionThreshold(60_000).build();

        PoolChangePlan plan = PoolChangePlan.of(running, next);

        assertThat(plan.live()).containsExactly("connectionTimeout", "leakDetectionThreshold");
        assertThat(plan.restart()).isEmpty();
        assertThat(plan.runningAfter()).isEqualTo(next);
    }

    @Test
    void aLiveHalfThatBreaksARuleBesideTheOldRestartHalfWaitsWhole() {
        // A 60 s maxLifetime next to the running 2 min keepaliveTime would break a rule.
        PoolSettings next = running.toBuilder().maxLifetime(60_000).idleTimeout(30_000).keepaliveTime(0).build();

        PoolChangePlan plan = PoolChangePlan.of(running, next);

        assertThat(plan.live()).isEmpty();
        assertThat(plan.restart()).containsExactly("idleTimeout", "maxLifetime", "keepaliveTime");
        assertThat(plan.runningAfter()).isEqualTo(running);
    }

    @Test
    void sameSettingsPlanNothing() {
        assertThat(PoolChangePlan.of(running, running).isEmpty()).isTrue();
    }

    @Test
    void everyPropertyIsNamedOnceAndFoundByItsName() {
        assertThat(Arrays.stream(PoolProperty.values()).map(PoolProperty::hikariName).distinct()).hasSize(14);
        for (PoolProperty p : PoolProperty.values()) {
            assertThat(PoolProperty.named(p.hikariName())).isSameAs(p);
        }
        assertThat(PoolProperty.MAXIMUM_POOL_SIZE.valueIn(running)).isEqualTo(10);
        assertThatThrownBy(() -> PoolProperty.named("jdbcUrl")).isInstanceOf(IllegalArgumentException.class);
    }
}
