package org.patientgen.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.testing.Await;
import org.patientgen.engine.testing.ExhaustedPool;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Runtime configuration revisions and the health gate, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ConfigDeploymentTest {
    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    Engine engine;
    PatientGenService admin;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.start(EngineConfig.defaults(temp.resolve("data")).withDatabase(TestDatabases.fresh(backend))
                .withNode("cfg", "").withWorkers(0, ShardWorkers.Settings.defaults())
                .withInitialPool(StoreFixture.testSettings().build())
                .withTiming(Duration.ofSeconds(5), Duration.ofMillis(100)));
        admin = engine.as("admin");
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void applyingRecordsARevisionAndChangesWorkersLimitsAndPoolAtOnce() {
        assertThat(admin.health().ready()).as("%s", admin.health()).isTrue();
        List<RuntimeConfig> seen = new ArrayList<>();
        engine.onConfigChange(seen::add);
        RuntimeConfig before = admin.config();
        RuntimeConfig next = before.withWorkers(2).withLimits(120, 64)
                .withPool(before.pool().toBuilder().maximumPoolSize(6).build());

        ConfigDeployment d = admin.applyConfig(next, "more workers", null, false);

        assertThat(d.state()).isEqualTo(ConfigDeployment.State.APPLIED);
        assertThat(admin.config()).isEqualTo(next);
        assertThat(engine.workers().concurrency()).isEqualTo(2);
        assertThat(engine.pool().usage().max()).isEqualTo(6);
        assertThat(seen).containsExactly(next);
        List<ConfigRevision> history = admin.configHistory();
        assertThat(history).extracting(ConfigRevision::reason)
                .containsExactly("more workers", "configuration before the first deployment");
        assertThat(history.get(0).appliedBy()).isEqualTo("admin");
        assertThat(d.previousRevision()).isEqualTo(history.get(1).revision());

        ConfigDeployment back = admin.rollbackConfig(history.get(1).revision(), "", null, false);
        assertThat(admin.config()).isEqualTo(before);
        assertThat(admin.configHistory().get(0).reason()).isEqualTo("roll back to revision " + history.get(1).revision());
        assertThat(admin.configHistory().get(0).rollbackOf()).isEqualTo(history.get(1).revision());
        assertThat(back.revision()).isEqualTo(admin.configHistory().get(0).revision());
    }

    @Test
    void aHealthyDeploymentIsConfirmedAfterItsBakeTime() throws Exception {
        ConfigDeployment d = admin.applyConfig(admin.config().withWorkers(1), "one worker", Duration.ofMillis(600), false);
        assertThat(d.state()).isEqualTo(ConfigDeployment.State.BAKING);

        Await.until(() -> admin.deployment(d.revision()).settled());

        ConfigDeployment done = admin.deployment(d.revision());
        assertThat(done.state()).isEqualTo(ConfigDeployment.State.CONFIRMED);
        assertThat(done.lastHealth().ready()).isTrue();
        assertThat(engine.workers().concurrency()).isEqualTo(1);
    }

    @Test
    void anExhaustedPoolDuringTheBakeTimeRollsTheDeploymentBack() throws Exception {
        RuntimeConfig before = admin.config();
        RuntimeConfig tiny = before.withPool(before.pool().toBuilder().maximumPoolSize(2).minimumIdle(1)
                .connectionTimeout(20_000).build());
        ConfigDeployment d = admin.applyConfig(tiny, "smaller pool", Duration.ofSeconds(30), false);
        assertThat(engine.pool().usage().max()).isEqualTo(2);

        try (ExhaustedPool exhausted = ExhaustedPool.of(engine.pool())) {
            Await.until(() -> admin.deployment(d.revision()).settled());

            ConfigDeployment done = admin.deployment(d.revision());
            assertThat(done.state()).isEqualTo(ConfigDeployment.State.ROLLED_BACK);
            assertThat(done.failures()).extracting(HealthCheck::name).containsExactly("pool");
            assertThat(done.message()).contains("automatic rollback of revision " + d.revision())
                    .containsPattern("pool exhausted: \\d+ of 2 connections in use");
            assertThat(admin.config().pool()).isEqualTo(before.pool());
            ConfigRevision restored = admin.configHistory().get(0);
            assertThat(restored.appliedBy()).isEqualTo("health-gate");
            assertThat(restored.rollbackOf()).isEqualTo(d.previousRevision());
            assertThat(exhausted.waiterServedWithin(Duration.ofSeconds(20)))
                    .as("the waiting borrower is served once the bigger pool is back").isTrue();
        }
    }

    @Test
    void invalidConfigurationsAreRefusedAndNothingIsRecorded() {
        RuntimeConfig before = admin.config();
        assertThatThrownBy(() -> before.withWorkers(999)).hasMessageContaining("workers must be between 0 and 256");
        assertThatThrownBy(() -> admin.applyConfig(before.withWorkers(1), "", Duration.ofMillis(10), false))
                .isInstanceOfSatisfying(PatientGenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.getMessage()).contains("bake time must be between");
                });
        assertThatThrownBy(() -> admin.deployment(424242)).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThat(admin.configHistory()).isEmpty();
        EngineHealth health = admin.health();
        assertThat(health.checks()).extracting(HealthCheck::name).containsExactly("database", "pool", "workers");
    }

}
