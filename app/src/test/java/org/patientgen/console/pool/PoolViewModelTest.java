package org.patientgen.console.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.testing.Eventually.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientgen.console.pool.PoolDiffRow.Effect;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.PoolStatus;

/** The pool screen's ViewModel on a real local engine, with same-thread tasks and a manual ticker. */
class PoolViewModelTest extends PoolScreenTest {
    @BeforeEach
    void ready() {
        quiet();
    }

    PatientGenService service() {
        return engine.service();
    }

    PoolFieldState field(PoolField f) {
        return pool.form().field(f);
    }

    void type(PoolField f, String text) {
        field(f).textProperty().set(text);
    }

    /** Ticks until the debounced check ran. */
    void quiet() {
        for (int i = 0; i < PoolDraftCheck.QUIET_TICKS; i++) {
            ticker.tick();
        }
    }

    @Test
    void showsTheRunningSettingsHumanelyWithTheDatabaseAndRevision() {
        PoolStatus status = pool.statusProperty().get();
        assertThat(status).isNotNull();
        assertThat(pool.connectedProperty().get()).isTrue();
        assertThat(pool.headlineProperty().get()).isEqualTo("H2 · " + status.serverCores()
                + (status.serverCores() == 1 ? " core" : " cores") + " · max_connections unknown · revision 1");
        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo("10");
        assertThat(field(PoolField.CONNECTION_TIMEOUT).textProperty().get()).isEqualTo("30 s");
        assertThat(field(PoolField.MAX_LIFETIME).textProperty().get()).isEqualTo("30 min");
        assertThat(field(PoolField.INITIALIZATION_FAIL_TIMEOUT).textProperty().get()).isEqualTo("1 ms");
        assertThat(field(PoolField.IDLE_TIMEOUT).runningProperty().get()).isEqualTo("10 min");
        assertThat(pool.problems()).isEmpty();
        assertThat(pool.form().diff()).isEmpty();
        assertThat(pool.canApplyProperty().get()).isFalse();
        assertThat(pool.applyHintProperty().get()).isEqualTo("Change a setting to apply it.");
        assertThat(pool.history()).hasSize(1);
        assertThat(pool.history().get(0).changes()).isEqualTo("first settings");
    }

    @Test
    void validationIsDebouncedAndShowsTheEnginesMessageOnTheField() {
        type(PoolField.VALIDATION_TIMEOUT, "30 s");
        ticker.tick();
        ticker.tick();
        assertThat(pool.checkingProperty().get()).as("still within the quiet spell").isTrue();
        assertThat(field(PoolField.VALIDATION_TIMEOUT).errorProperty().get()).isEmpty();

        ticker.tick();
        String message = "validationTimeout = 30 s (30000 ms): must be shorter than connectionTimeout (30 s (30000 ms)),"
                + " or a borrower times out while its connection is still being checked. Lower it below 30 s (30000 ms)"
                + " or raise connectionTimeout.";
        assertThat(field(PoolField.VALIDATION_TIMEOUT).errorProperty().get()).isEqualTo(message);
        assertThat(pool.problems()).containsExactly(message);
        assertThat(pool.canApplyProperty().get()).isFalse();
        assertThat(pool.applyHintProperty().get()).isEqualTo("Fix the problem first.");

        type(PoolField.VALIDATION_TIMEOUT, "5 s");
        assertThat(field(PoolField.VALIDATION_TIMEOUT).errorProperty().get()).as("cleared while typing").isEmpty();
        quiet();
        assertThat(pool.problems()).isEmpty();
        assertThat(pool.checkingProperty().get()).isFalse();
    }

    @Test
    void unreadableTextIsReportedAtOnceAndTimesAreReadHumanely() {
        type(PoolField.CONNECTION_TIMEOUT, "soon");
        assertThat(field(PoolField.CONNECTION_TIMEOUT).errorProperty().get()).startsWith("\"soon\" is not a time");
        quiet();
        assertThat(pool.problems()).containsExactly("connectionTimeout: \"soon\" is not a time: write e.g. 30 s, 10 min,"
                + " 1 min 30 s, 250 ms, or a number of milliseconds.");

        type(PoolField.CONNECTION_TIMEOUT, "20000");
        assertThat(field(PoolField.CONNECTION_TIMEOUT).readingProperty().get()).isEqualTo("= 20 s");
        type(PoolField.CONNECTION_TIMEOUT, "1.5 min");
        assertThat(field(PoolField.CONNECTION_TIMEOUT).readingProperty().get()).isEqualTo("= 90 s");
        quiet();
        assertThat(pool.problems()).isEmpty();
    }

    @Test
    void recommendedSizeFollowsTheCoresAndFillsTheForm() {
        int cores = pool.statusProperty().get().serverCores();
        PoolSizing sizing = pool.sizingProperty().get();
        assertThat(sizing.maximumPoolSize()).isEqualTo(cores * 2 + 1);
        pool.spindlesProperty().set(0);
        assertThat(pool.sizingProperty().get().maximumPoolSize()).isEqualTo(cores * 2);

        pool.useRecommended();

        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo(Integer.toString(cores * 2));
        assertThat(field(PoolField.MINIMUM_IDLE).textProperty().get()).isEqualTo(Integer.toString(cores * 2));
        assertThat(pool.editedProperty().get()).isTrue();
    }

    @Test
    void diffAgainstTheRunningPoolMarksLiveAndRestartChanges() {
        type(PoolField.MAXIMUM_POOL_SIZE, "12");
        type(PoolField.KEEPALIVE_TIME, "1 min");
        quiet();

        assertThat(pool.form().diff()).containsExactly(
                new PoolDiffRow(PoolField.MAXIMUM_POOL_SIZE, "10", "12", Effect.LIVE),
                new PoolDiffRow(PoolField.KEEPALIVE_TIME, "2 min", "1 min", Effect.RESTART));
        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).changedProperty().get()).isTrue();
        assertThat(field(PoolField.MINIMUM_IDLE).changedProperty().get()).isFalse();
        assertThat(pool.restartNoteProperty().get()).startsWith("Needs a pool restart: keepaliveTime.");
    }

    @Test
    void aLiveChangeNeedsAReasonThenAppliesWithoutAskingAndShowsWhatWentLive() {
        type(PoolField.MAXIMUM_POOL_SIZE, "12");
        type(PoolField.MINIMUM_IDLE, "12");
        quiet();
        assertThat(pool.canApplyProperty().get()).isFalse();
        assertThat(pool.applyHintProperty().get()).startsWith("Say why");
        pool.reasonProperty().set("more shards at once");
        assertThat(pool.canApplyProperty().get()).isTrue();

        pool.apply();

        assertThat(dialogs.confirmations).isEmpty();
        assertThat(pool.errorProperty().get()).isEmpty();
        assertThat(pool.resultProperty().get()).isEqualTo("Revision 2 applied. Live now: maximumPoolSize and minimumIdle.");
        PoolStatus status = pool.statusProperty().get();
        assertThat(status.running().maximumPoolSize()).isEqualTo(12);
        assertThat(service().pool().running().minimumIdle()).isEqualTo(12);
        assertThat(pool.form().diff()).isEmpty();
        assertThat(pool.reasonProperty().get()).isEmpty();
        assertThat(pool.history()).hasSize(2);
        assertThat(pool.history().get(0).revision().reason()).isEqualTo("more shards at once");
        assertThat(pool.history().get(0).revision().appliedBy()).isEqualTo(engine.user());
        assertThat(pool.history().get(0).changes()).isEqualTo("maximumPoolSize 10 → 12, minimumIdle 10 → 12");
    }

    @Test
    void aRestartChangeIsConfirmedFirstThenAwaitsTheRestartUntilRestartPoolNow() {
        type(PoolField.KEEPALIVE_TIME, "1 min");
        pool.reasonProperty().set("firewall drops idle sessions after 90 s");
        quiet();

        dialogs.confirmAnswer = false;
        pool.apply();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0).header()).isEqualTo("A pool restart will be needed");
        assertThat(dialogs.confirmations.get(0).detail()).startsWith("keepaliveTime is applied by restarting the pool");
        assertThat(service().pool().revision()).as("nothing applied when not confirmed").isEqualTo(1);

        dialogs.confirmAnswer = true;
        pool.apply();
        assertThat(pool.resultProperty().get()).isEqualTo("Revision 2 applied. Awaiting a pool restart: keepaliveTime.");
        assertThat(pool.pendingProperty().get())
                .isEqualTo("keepaliveTime waits for a pool restart (applied in revision 2, not running yet).");
        assertThat(pool.form().diff()).containsExactly(
                new PoolDiffRow(PoolField.KEEPALIVE_TIME, "2 min", "1 min", Effect.PENDING));

        pool.restartPool();

        assertThat(dialogs.confirmations).hasSize(3);
        assertThat(dialogs.confirmations.get(2).header()).isEqualTo("Restart the connection pool now?");
        assertThat(pool.resultProperty().get()).startsWith("Pool restarted: keepaliveTime now in effect");
        assertThat(pool.pendingProperty().get()).isEmpty();
        assertThat(pool.statusProperty().get().running().keepaliveTime()).isEqualTo(60_000);
        assertThat(pool.form().diff()).isEmpty();
    }

    @Test
    void rollingBackAsksThenRestoresTheRevisionAsANewOne() {
        type(PoolField.MAXIMUM_POOL_SIZE, "4");
        type(PoolField.MINIMUM_IDLE, "2");
        pool.reasonProperty().set("try a small pool");
        quiet();
        pool.apply();
        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo("4");
        RevisionRow<PoolSettingsRevision> first = pool.history().get(1);
        assertThat(first.revision().revision()).isEqualTo(1);

        pool.rollback(first.revision());

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0).header()).isEqualTo("Roll back to revision 1?");
        assertThat(dialogs.confirmations.get(0).detail()).contains("maximumPoolSize 4 → 10, minimumIdle 2 → 10");
        assertThat(pool.resultProperty().get()).startsWith("Revision 3 restores revision 1. Live now: maximumPoolSize"
                + " and minimumIdle");
        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo("10");
        assertThat(pool.history().get(0).revision().rollbackOf()).isEqualTo(1);
        assertThat(pool.history().get(0).revision().reason()).isEqualTo("roll back to revision 1");
        assertThat(service().pool().running().maximumPoolSize()).isEqualTo(10);
    }

    @Test
    void editsSurviveHidingTheScreenAndDiscardPutsTheLatestSettingsBack() {
        type(PoolField.MAXIMUM_POOL_SIZE, "7");
        pool.detach();
        assertThat(ticker.active()).as("tick released when hidden").isZero();
        pool.attach();
        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo("7");

        pool.discardEdits();

        assertThat(field(PoolField.MAXIMUM_POOL_SIZE).textProperty().get()).isEqualTo("10");
        assertThat(pool.editedProperty().get()).isFalse();
    }

    @Test
    void liveUsageAndChangesBySomeoneElseArriveFromTheEventStream() throws InterruptedException {
        await(ticker, Duration.ofSeconds(20), "pool usage samples", () -> !pool.usageProperty().get().isEmpty());
        List<PoolUsageSample> samples = pool.usageProperty().get();
        assertThat(samples.get(samples.size() - 1).max()).isEqualTo(10);
        assertThat(pool.usageSummaryProperty().get()).contains("active").contains("max\u00a010");

        service().applyPool(service().pool().desired().toBuilder().connectionTimeout(20_000).build(), "from the CLI");

        await(ticker, Duration.ofSeconds(20), "the other change", () -> pool.statusProperty().get().revision() == 2);
        assertThat(field(PoolField.CONNECTION_TIMEOUT).textProperty().get()).isEqualTo("20 s");
        assertThat(pool.history().get(0).revision().reason()).isEqualTo("from the CLI");
    }
}
