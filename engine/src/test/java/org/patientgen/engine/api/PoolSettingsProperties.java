package org.patientgen.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the pool settings validator over arbitrary drafts. */
class PoolSettingsProperties {

    @Provide
    Arbitrary<PoolSettings.Builder> drafts() {
        Arbitrary<Long> millis = Arbitraries.oneOf(
                Arbitraries.of(0L, -1L, -2L, 1L, 249L, 250L, 251L, 1_000L, 2_000L, 9_999L, 10_000L, 29_999L, 30_000L,
                        30_001L, 120_000L, 600_000L, 1_800_000L, 86_400_000L, 86_400_001L),
                Arbitraries.longs().between(-5, 3_600_000));
        Arbitrary<Integer> sizes = Arbitraries.integers().between(-2, 1_100);
        return Combinators.combine(sizes, sizes, millis, millis, millis, millis, millis, millis)
                .as((max, min, conn, val, idle, life, keep, leak) -> PoolSettings.builder()
                        .maximumPoolSize(max).minimumIdle(min).connectionTimeout(conn).validationTimeout(val)
                        .idleTimeout(idle).maxLifetime(life).keepaliveTime(keep).leakDetectionThreshold(leak));
    }

    @Property
    void buildSucceedsExactlyWhenThereAreNoProblems(@ForAll("drafts") PoolSettings.Builder draft) {
        List<SettingsProblem> problems = draft.problems(DatabaseLimits.UNKNOWN);
        if (problems.isEmpty()) {
            assertThat(draft.build().problemsOn(DatabaseLimits.UNKNOWN)).isEmpty();
        } else {
            assertThatThrownBy(draft::build).isInstanceOfSatisfying(InvalidSettingsException.class,
                    e -> assertThat(e.problems()).isEqualTo(problems));
        }
    }

    @Property
    void everyProblemNamesItsFieldValueAndAFix(@ForAll("drafts") PoolSettings.Builder draft) {
        for (SettingsProblem p : draft.problems(DatabaseLimits.UNKNOWN)) {
            assertThat(p.message()).startsWith(p.field() + " = " + p.value() + ": ");
            assertThat(p.fix()).isNotBlank();
        }
    }

    /** What we accept, HikariCP keeps as given: no value is silently replaced or disabled. */
    @Property
    void acceptedSettingsSurviveHikariCpsOwnValidationUnchanged(@ForAll("drafts") PoolSettings.Builder draft) {
        if (!draft.problems(DatabaseLimits.UNKNOWN).isEmpty()) {
            return;
        }
        PoolSettings s = draft.build();
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:h2:mem:unused");
        c.setMaximumPoolSize(s.maximumPoolSize());
        c.setMinimumIdle(s.minimumIdle());
        c.setConnectionTimeout(s.connectionTimeout());
        c.setValidationTimeout(s.validationTimeout());
        c.setIdleTimeout(s.idleTimeout());
        c.setMaxLifetime(s.maxLifetime());
        c.setKeepaliveTime(s.keepaliveTime());
        c.setLeakDetectionThreshold(s.leakDetectionThreshold());
        c.validate();
        assertThat(List.of(c.getMaximumPoolSize(), c.getMinimumIdle(), c.getConnectionTimeout(),
                c.getValidationTimeout(), c.getMaxLifetime(), c.getKeepaliveTime(), c.getLeakDetectionThreshold()))
                .containsExactly(s.maximumPoolSize(), s.minimumIdle(), s.connectionTimeout(), s.validationTimeout(),
                        s.maxLifetime(), s.keepaliveTime(), s.leakDetectionThreshold());
        if (s.minimumIdle() < s.maximumPoolSize()) {
            assertThat(c.getIdleTimeout()).isEqualTo(s.idleTimeout());
        }
    }
}
