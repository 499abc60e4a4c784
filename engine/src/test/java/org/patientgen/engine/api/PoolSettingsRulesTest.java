package org.patientgen.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pool settings rule, with the message a user sees in the console. */
class PoolSettingsRulesTest {

    private static List<SettingsProblem> problems(UnaryOperator<PoolSettings.Builder> edit) {
        return edit.apply(PoolSettings.builder()).problems(DatabaseLimits.UNKNOWN);
    }

    static List<Arguments> violations() {
        return List.of(
                Arguments.of("poolName", (UnaryOperator<PoolSettings.Builder>) b -> b.poolName("a:b"),
                        "poolName = \"a:b\": must be 1 to 64 letters, digits, spaces, '.', '_' or '-' (no ':', which JMX forbids). Use a short name such as \"patientgen\"."),
                Arguments.of("poolName", (UnaryOperator<PoolSettings.Builder>) b -> b.poolName(""),
                        "poolName = \"\": must be 1 to 64"),
                Arguments.of("maximumPoolSize", (UnaryOperator<PoolSettings.Builder>) b -> b.maximumPoolSize(0).minimumIdle(0),
                        "maximumPoolSize = 0: must be between 1 and 1000. Use a small pool, e.g. 10 (HikariCP's default)."),
                Arguments.of("minimumIdle", (UnaryOperator<PoolSettings.Builder>) b -> b.minimumIdle(11),
                        "minimumIdle = 11: must be between 0 and maximumPoolSize (10). Set it to at most 10; equal to maximumPoolSize gives a fixed-size pool."),
                Arguments.of("minimumIdle", (UnaryOperator<PoolSettings.Builder>) b -> b.minimumIdle(-1),
                        "minimumIdle = -1: must be between 0 and maximumPoolSize (10)"),
                Arguments.of("connectionTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.connectionTimeout(100),
                        "connectionTimeout = 100 ms: must be between 250 ms (HikariCP's floor; 0, wait forever, is not allowed) and 24 h. Use e.g. 30 s (30000 ms), the default."),
                Arguments.of("connectionTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.connectionTimeout(0),
                        "connectionTimeout = 0 ms: must be between 250 ms"),
                Arguments.of("validationTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.validationTimeout(249),
                        "validationTimeout = 249 ms: must be at least 250 ms (HikariCP's floor). Use e.g. 5 s (5000 ms), the default."),
                Arguments.of("validationTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.validationTimeout(30_000),
                        "validationTimeout = 30 s (30000 ms): must be shorter than connectionTimeout (30 s (30000 ms)), or a borrower times out while its connection is still being checked. Lower it below 30 s (30000 ms) or raise connectionTimeout."),
                Arguments.of("maxLifetime", (UnaryOperator<PoolSettings.Builder>) b -> b.maxLifetime(1_000),
                        "maxLifetime = 1 s (1000 ms): must be between 30 s (below it HikariCP silently uses 30 min; 0, never retire, is not allowed) and 24 h. Use e.g. 30 min (1800000 ms), the default."),
                Arguments.of("maxLifetime", (UnaryOperator<PoolSettings.Builder>) b -> b.maxLifetime(0),
                        "maxLifetime = 0 ms: must be between 30 s"),
                Arguments.of("idleTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.idleTimeout(5_000),
                        "idleTimeout = 5 s (5000 ms): must be 0 (keep idle connections) or between 10 s (HikariCP's floor) and 24 h. Use e.g. 10 min (600000 ms), the default."),
                Arguments.of("idleTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.idleTimeout(1_799_500),
                        "idleTimeout = 1799500 ms: must be at least 1 s shorter than maxLifetime (30 min (1800000 ms)), or HikariCP silently disables it. Lower it below 29 min (1799000 ms)... "
                                .substring(0, 120)),
                Arguments.of("keepaliveTime", (UnaryOperator<PoolSettings.Builder>) b -> b.keepaliveTime(10_000),
                        "keepaliveTime = 10 s (10000 ms): must be 0 (off) or at least 30 s (below it HikariCP silently turns keepalive off). Use e.g. 2 min (120000 ms), the default, or 0."),
                Arguments.of("keepaliveTime", (UnaryOperator<PoolSettings.Builder>) b -> b.keepaliveTime(1_800_000),
                        "keepaliveTime = 30 min (1800000 ms): must be shorter than maxLifetime (30 min (1800000 ms)), or HikariCP silently turns keepalive off. Lower it below 30 min (1800000 ms) or set 0."),
                Arguments.of("leakDetectionThreshold", (UnaryOperator<PoolSettings.Builder>) b -> b.leakDetectionThreshold(1_000),
                        "leakDetectionThreshold = 1 s (1000 ms): must be 0 (off) or at least 2 s (HikariCP's floor). Use 0, or e.g. 60 s (60000 ms) to log connections held longer than that."),
                Arguments.of("leakDetectionThreshold", (UnaryOperator<PoolSettings.Builder>) b -> b.leakDetectionThreshold(3_600_000),
                        "leakDetectionThreshold = 60 min (3600000 ms): must not exceed maxLifetime (30 min (1800000 ms)), or HikariCP silently turns it off. Lower it to 30 min (1800000 ms) or less."),
                Arguments.of("initializationFailTimeout", (UnaryOperator<PoolSettings.Builder>) b -> b.initializationFailTimeout(-2),
                        "initializationFailTimeout = -2 ms: must be -1 (start without connecting), 0 (try once) or a positive time. Use 1 ms (the default: fail at start-up if the database is unreachable) or -1."),
                Arguments.of("readOnly", (UnaryOperator<PoolSettings.Builder>) b -> b.readOnly(true),
                        "readOnly = true: the engine writes jobs, shards and revisions through this pool. Set readOnly to false."),
                Arguments.of("transactionIsolation", (UnaryOperator<PoolSettings.Builder>) b -> b.transactionIsolation(TransactionIsolation.READ_UNCOMMITTED),
                        "transactionIsolation = READ_UNCOMMITTED: must be set and not READ_UNCOMMITTED: the job queue must never see uncommitted claims. Use DRIVER_DEFAULT or READ_COMMITTED."),
                Arguments.of("connectionTestQuery", (UnaryOperator<PoolSettings.Builder>) b -> b.connectionTestQuery("SELECT 1; DROP TABLE jobs"),
                        "connectionTestQuery = \"SELECT 1; DROP TABLE jobs\": must be a single short statement. Leave it empty (H2 and PostgreSQL drivers check liveness with isValid()) or use SELECT 1."));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("violations")
    void eachRuleNamesFieldValueRuleAndFix(String field, UnaryOperator<PoolSettings.Builder> edit, String message) {
        List<SettingsProblem> problems = problems(edit);
        assertThat(problems).extracting(SettingsProblem::field).containsExactly(field);
        assertThat(problems.get(0).message()).startsWith(message);
        assertThatThrownBy(() -> edit.apply(PoolSettings.builder()).build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(field + " = ");
    }

    @Test
    void defaultsAreHikariCpsAndValid() {
        PoolSettings d = PoolSettings.defaults();
        assertThat(d.maximumPoolSize()).isEqualTo(10);
        assertThat(d.minimumIdle()).isEqualTo(10);
        assertThat(d.connectionTimeout()).isEqualTo(30_000);
        assertThat(d.validationTimeout()).isEqualTo(5_000);
        assertThat(d.idleTimeout()).isEqualTo(600_000);
        assertThat(d.maxLifetime()).isEqualTo(1_800_000);
        assertThat(d.keepaliveTime()).isEqualTo(120_000);
        assertThat(d.leakDetectionThreshold()).isZero();
        assertThat(d.problemsOn(DatabaseLimits.UNKNOWN)).isEmpty();
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertThat(problems(b -> b.connectionTimeout(250).validationTimeout(250))).extracting(SettingsProblem::field)
                .containsExactly("validationTimeout"); // equal is not shorter
        assertThat(problems(b -> b.connectionTimeout(251).validationTimeout(250))).isEmpty();
        assertThat(problems(b -> b.maxLifetime(30_000).idleTimeout(10_000).keepaliveTime(0))).isEmpty();
        assertThat(problems(b -> b.maxLifetime(30_000).idleTimeout(29_000).keepaliveTime(0))).isEmpty();
        assertThat(problems(b -> b.idleTimeout(0).keepaliveTime(0).leakDetectionThreshold(2_000))).isEmpty();
        assertThat(problems(b -> b.minimumIdle(0).initializationFailTimeout(-1))).isEmpty();
        assertThat(problems(b -> b.connectionTestQuery("SELECT 1;"))).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> PoolSettings.builder().maximumPoolSize(0).minimumIdle(-1).connectionTimeout(100)
                        .maxLifetime(1000).leakDetectionThreshold(1).readOnly(true).build());
        assertThat(e.problems()).extracting(SettingsProblem::field).containsExactly("maximumPoolSize", "minimumIdle",
                "connectionTimeout", "maxLifetime", "leakDetectionThreshold", "readOnly");
    }

    @Test
    void databaseLimitsBoundMaxLifetimeAndPoolSize() {
        DatabaseLimits pg = new DatabaseLimits(60_000, "PostgreSQL idle_session_timeout", 100);
        List<SettingsProblem> problems = PoolSettings.builder().maximumPoolSize(100).problems(pg);
        assertThat(problems).extracting(SettingsProblem::message).containsExactly(
                "maximumPoolSize = 100: must be below the database's max_connections (100). Lower it below 100, leaving room for other clients and administrators.",
                "maxLifetime = 30 min (1800000 ms): must be at least 5 s shorter than the database's own limit (PostgreSQL idle_session_timeout = 1 min (60000 ms)), or the database closes connections the pool still hands out. Set it to 55 s (55000 ms) or less, or raise the database's limit.");
        assertThat(PoolSettings.builder().maximumPoolSize(20).minimumIdle(5).maxLifetime(55_000).idleTimeout(30_000)
                .keepaliveTime(30_000).problems(pg)).isEmpty();
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(PoolSettingsRules.millis(250)).isEqualTo("250 ms");
        assertThat(PoolSettingsRules.millis(30_000)).isEqualTo("30 s (30000 ms)");
        assertThat(PoolSettingsRules.millis(600_000)).isEqualTo("10 min (600000 ms)");
        assertThat(PoolSettingsRules.millis(0)).isEqualTo("0 ms");
    }
}
