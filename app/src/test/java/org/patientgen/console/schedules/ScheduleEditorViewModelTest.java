package org.patientgen.console.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.schedules.ScheduleEditorViewModel.PreviewState;
import org.patientgen.console.testing.CountingConnection;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;

/** The schedule editor on a real local engine: the cron preview as you type, and saving. */
class ScheduleEditorViewModelTest {
    static final Clock BERLIN = Clock.system(ZoneId.of("Europe/Berlin"));

    @TempDir
    Path temp;
    LocalEngineConnection engine;
    CountingConnection connection;
    final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void start() {
        engine = LocalEngines.in(temp, 0);
        connection = new CountingConnection(engine);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    ScheduleEditorViewModel editor(Schedule existing, Set<String> taken) {
        ScheduleEditorViewModel vm = new ScheduleEditorViewModel(connection, SameThread.tasks(), ticker, BERLIN,
                existing, taken);
        vm.attach();
        return vm;
    }

    void pause() {
        for (int i = 0; i < ScheduleEditorViewModel.DEBOUNCE_TICKS; i++) {
            ticker.tick();
        }
    }

    @Test
    void aNewScheduleStartsInTheConsolesZoneAndAsksForANameAndAnExpression() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        assertThat(vm.title()).isEqualTo("New schedule");
        assertThat(vm.zoneProperty().get()).isEqualTo("Europe/Berlin");
        assertThat(vm.zoneNoteProperty().get()).startsWith("Now UTC+0").contains("(Central European");
        assertThat(vm.syntaxProperty().get()).isEqualTo(CronSyntax.UNIX);
        assertThat(vm.syntaxHintProperty().get()).startsWith("Fields: minute hour");
        assertThat(vm.misfireExplanationProperty().get()).startsWith("Fire times missed while no engine ran get one job");
        assertThat(vm.previewStateProperty().get()).isEqualTo(PreviewState.EMPTY);
        assertThat(vm.nameErrorProperty().get()).startsWith("Give the schedule a name");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(connection.calls("previewCron")).isZero();
        assertThat(ScheduleEditorViewModel.zones()).contains("UTC", "America/New_York").doesNotContain("Etc/GMT+5");
    }

    @Test
    void anInvalidExpressionShowsTheEnginesMessageAfterAPauseInTyping() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        vm.expressionProperty().set("0 25 * * *");
        assertThat(vm.previewStateProperty().get()).isEqualTo(PreviewState.CHECKING);
        ticker.tick();
        ticker.tick();
        assertThat(connection.calls("previewCron")).isZero();
        ticker.tick();
        assertThat(connection.calls("previewCron")).isEqualTo(1);
        assertThat(vm.previewStateProperty().get()).isEqualTo(PreviewState.INVALID);
        assertThat(vm.cronErrorProperty().get()).startsWith("hour '25' (field 2 of 5) in Unix cron expression")
                .contains("not in range [0, 23]");
        assertThat(vm.nextFires()).isEmpty();
        vm.nameProperty().set("nightly");
        assertThat(vm.canSaveProperty().get()).isFalse();
    }

    @Test
    void aValidExpressionIsDescribedWithItsNextFiveFireTimesInTheSchedulesZone() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        vm.zoneProperty().set("UTC");
        vm.expressionProperty().set("30 2 * * *");
        pause();
        assertThat(vm.previewStateProperty().get()).isEqualTo(PreviewState.VALID);
        assertThat(vm.descriptionProperty().get()).isEqualTo("At 02:30");
        assertThat(vm.nextFires()).hasSize(ScheduleEditorViewModel.PREVIEW_FIRES)
                .allSatisfy(f -> assertThat(f).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, 02:30 UTC \\(in .+\\)"));
        vm.zoneProperty().set("America/New_York");
        pause();
        assertThat(vm.nextFires()).allSatisfy(f -> assertThat(f).matches(".*, 02:30 E[SD]T \\(in .+\\)"));
        vm.nameProperty().set("nightly");
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void typingQuicklyAsksOnceAndOnlyTheLatestAnswerCounts() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        for (String partial : List.of("0", "0 3", "0 3 *", "0 3 * *", "0 3 * * *")) {
            vm.expressionProperty().set(partial);
            ticker.tick();
        }
        pause();
        assertThat(connection.calls("previewCron")).isEqualTo(1);
        assertThat(vm.descriptionProperty().get()).isEqualTo("At 03:00");
        // A request overtaken by a newer one: its answer is dropped.
        vm.expressionProperty().set("0 4 * * *");
        vm.requestPreview();
        vm.expressionProperty().set("0 5 * * *");
        pause();
        assertThat(vm.descriptionProperty().get()).isEqualTo("At 05:00");
    }

    @Test
    void switchingToQuartzExplainsWhatTheOtherSyntaxNeeds() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        vm.expressionProperty().set("0 2 * * *");
        pause();
        vm.syntaxProperty().set(CronSyntax.QUARTZ);
        assertThat(vm.syntaxHintProperty().get()).startsWith("Fields: second minute");
        pause();
        assertThat(vm.previewStateProperty().get()).isEqualTo(PreviewState.INVALID);
        assertThat(vm.cronErrorProperty().get()).contains("Quartz");
        vm.useExample(CronExample.ALL.get(5));
        pause();
        assertThat(vm.syntaxProperty().get()).isEqualTo(CronSyntax.QUARTZ);
        assertThat(vm.descriptionProperty().get()).containsIgnoringCase("last day of month");
    }

    @Test
    void savesANewScheduleAndEditsItLaterWithEverythingLoaded() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        vm.nameProperty().set("nightly-cohort");
        vm.expressionProperty().set("0 2 * * *");
        vm.misfireProperty().set(MisfirePolicy.SKIP);
        vm.job().populationProperty().set("250");
        pause();
        List<Schedule> saved = new ArrayList<>();
        vm.save(saved::add);
        assertThat(vm.saveErrorProperty().get()).isEmpty();
        Schedule created = saved.get(0);
        assertThat(created.definition().name()).isEqualTo("nightly-cohort");
        assertThat(created.definition().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(created.definition().misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
        assertThat(created.definition().template().spec().population()).isEqualTo(250);
        assertThat(created.definition().population()).isEqualTo(PopulationPolicy.SAME_EACH_FIRE);
        assertThat(created.nextFireAt()).isNotNull();

        ScheduleEditorViewModel edit = editor(created, Set.of("other"));
        assertThat(edit.title()).isEqualTo("Edit schedule \u201cnightly-cohort\u201d");
        assertThat(edit.expressionProperty().get()).isEqualTo("0 2 * * *");
        assertThat(edit.misfireProperty().get()).isEqualTo(MisfirePolicy.SKIP);
        assertThat(edit.job().populationProperty().get()).isEqualTo("250");
        assertThat(edit.descriptionProperty().get()).isEqualTo("At 02:00");
        assertThat(edit.newPopulationEachFireProperty().get()).isFalse();
        edit.expressionProperty().set("0 3 * * *");
        edit.enabledProperty().set(false);
        edit.newPopulationEachFireProperty().set(true);
        pause();
        edit.save(saved::add);
        assertThat(saved.get(1).id()).isEqualTo(created.id());
        assertThat(saved.get(1).definition().cronExpression()).isEqualTo("0 3 * * *");
        assertThat(saved.get(1).nextFireAt()).isNull();
        assertThat(saved.get(1).definition().population()).isEqualTo(PopulationPolicy.NEW_EACH_FIRE);
        assertThat(editor(saved.get(1), Set.of()).newPopulationEachFireProperty().get()).as("loaded").isTrue();
    }

    @Test
    void aNameInUseIsRefusedAsYouTypeAndTheEnginesRefusalIsShown() {
        ScheduleEditorViewModel vm = editor(null, Set.of("nightly"));
        vm.nameProperty().set("nightly");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("A schedule named \u201cnightly\u201d exists already;"
                + " choose another name.");
        vm.nameProperty().set("weekly");
        vm.expressionProperty().set("0 2 * * 0");
        vm.job().stateProperty().set("Atlantis");
        pause();
        assertThat(vm.canSaveProperty().get()).isTrue();
        List<Schedule> saved = new ArrayList<>();
        vm.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(vm.saveErrorProperty().get()).containsIgnoringCase("Atlantis");
        assertThat(vm.savingProperty().get()).isFalse();
    }

    @Test
    void hiddenEditorsStopTicking() {
        ScheduleEditorViewModel vm = editor(null, Set.of());
        assertThat(ticker.active()).isEqualTo(1);
        vm.detach();
        assertThat(ticker.active()).isZero();
    }
}
