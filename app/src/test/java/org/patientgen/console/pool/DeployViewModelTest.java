package org.patientgen.console.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.testing.Eventually.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;

/** The Deploy tab on a real local engine: checks, a gated deployment followed to its end, the pool edits, rollback. */
class DeployViewModelTest extends PoolScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    DeployViewModel deploy;

    @BeforeEach
    void deployTab() {
        deploy = pool.deploy();
    }

    @Test
    void showsTheRunningConfigurationAndChecksWhatIsTyped() {
        assertThat(deploy.currentProperty().get().workers()).isZero();
        assertThat(deploy.workersProperty().get()).isEqualTo("0");
        assertThat(deploy.bakeTimeProperty().get()).isEqualTo("30 s");
        assertThat(deploy.canDeployProperty().get()).isFalse();
        assertThat(deploy.hintProperty().get()).startsWith("Change a value");

        deploy.workersProperty().set("300");
        assertThat(deploy.workersErrorProperty().get()).isEqualTo("Workers must be between 0 and 256, was 300.");
        deploy.workersProperty().set("two");
        assertThat(deploy.workersErrorProperty().get()).isEqualTo("Workers must be a whole number.");
        deploy.bakeTimeProperty().set("a while");
        assertThat(deploy.bakeErrorProperty().get()).startsWith("\"a while\" is not a time");
        assertThat(deploy.hintProperty().get()).isEqualTo("Fix the marked values first.");

        deploy.workersProperty().set("1");
        deploy.bakeTimeProperty().set("1 s");
        assertThat(deploy.hintProperty().get()).startsWith("Say why");
        deploy.reasonProperty().set("one worker");
        assertThat(deploy.canDeployProperty().get()).isTrue();
        assertThat(deploy.poolSummaryProperty().get()).isEqualTo("No pool changes on the Settings tab.");
    }

    @Test
    void aGatedDeploymentBakesThenIsConfirmed() throws InterruptedException {
        deploy.workersProperty().set("1");
        deploy.bakeTimeProperty().set("1 s");
        deploy.reasonProperty().set("one worker");

        deploy.deploy();

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0).detail()).startsWith("Changes: workers 0 → 1. A health gate watches the"
                + " engine's readiness for 1 s and restores the previous configuration if it fails twice in a row.");
        ConfigDeployment started = deploy.deploymentProperty().get();
        assertThat(started.state()).isEqualTo(ConfigDeployment.State.BAKING);
        assertThat(deploy.deploymentTextProperty().get()).startsWith("Revision " + started.revision() + ", replacing ")
                .contains("\nApplied; health gate watching until ")
                .doesNotContain(started.bakeUntil().toString());
        assertThat(engine.service().workerConcurrency()).isEqualTo(1);

        await(ticker, WAIT, "the gate's verdict", () -> deploy.deploymentProperty().get().settled());

        assertThat(deploy.deploymentProperty().get().state()).isEqualTo(ConfigDeployment.State.CONFIRMED);
        assertThat(deploy.deploymentTextProperty().get()).endsWith("\nHealthy for the whole bake time; confirmed.");
        assertThat(deploy.history()).hasSize(2);
        assertThat(deploy.history().get(0).reason()).isEqualTo("one worker");
        assertThat(deploy.history().get(0).changes()).isEqualTo("workers 0 → 1");
        assertThat(deploy.workersProperty().get()).isEqualTo("1");
    }

    @Test
    void deploysThePoolEditsOfTheSettingsTabAndRollsBack() throws InterruptedException {
        pool.form().field(PoolField.MAXIMUM_POOL_SIZE).textProperty().set("14");
        assertThat(deploy.poolSummaryProperty().get()).isEqualTo("From the Settings tab: maximumPoolSize 10 → 14.");
        deploy.bakeTimeProperty().set("");
        deploy.reasonProperty().set("bigger pool");
        assertThat(deploy.hintProperty().get()).isEqualTo("Without a bake time there is no health gate.");

        deploy.deploy();

        assertThat(deploy.deploymentProperty().get().state()).isEqualTo(ConfigDeployment.State.APPLIED);
        assertThat(engine.service().pool().running().maximumPoolSize()).isEqualTo(14);
        assertThat(pool.editedProperty().get()).as("the edits are what runs now").isFalse();
        await(ticker, WAIT, "the pool screen to follow", () -> pool.statusProperty().get().desired().maximumPoolSize() == 14);

        ConfigRevision first = deploy.history().get(1).revision();
        deploy.bakeTimeProperty().set("1 s");
        deploy.rollback(first);

        assertThat(dialogs.confirmations.get(1).header()).isEqualTo("Roll back to configuration revision "
                + first.revision() + "?");
        assertThat(engine.service().pool().running().maximumPoolSize()).isEqualTo(10);
        await(ticker, WAIT, "the rollback's verdict", () -> deploy.deploymentProperty().get().settled());
        assertThat(deploy.history().get(0).rollbackOf()).isEqualTo(first.revision());
        assertThat(deploy.history().get(0).why()).isEqualTo("restores " + first.revision() + " · roll back to revision "
                + first.revision());
    }
}
