package org.patientgen.console.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.testing.Eventually.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.testing.FakeDialogs;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;

/** The schedules list's ViewModel on a real local engine, with same-thread tasks and a manual ticker. */
class SchedulesViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;
    final ManualTicker ticker = new ManualTicker();
    final FakeDialogs dialogs = new FakeDialogs();
    final Freshness freshness = new Freshness();
    LocalEngineConnection engine;
    SchedulesViewModel schedules;

    SchedulesViewModel open() {
        engine = LocalEngines.in(temp.resolve("engine"), 0);
        schedules = new SchedulesViewModel(new SimpleObjectProperty<Connection>(engine), SameThread.tasks(), ticker,
                dialogs, freshness, Clock.system(ZoneId.of("UTC")));
        schedules.attach();
        return schedules;
    }

    @AfterEach
    void stop() {
        if (schedules != null) {
            schedules.detach();
        }
        if (engine != null) {
            engine.close();
        }
    }

    JobSubmission template() {
        return new JobSubmission(new GenerationSpec(10, 1, "MA", LocalDate.of(2025, 1, 1), 5, List.of("csv"), "",
                temp.resolve("out").toString(), 10), 0, "console", Map.of());
    }

    Schedule create(String name, String cron, CronSyntax syntax) {
        return engine.service().createSchedule(ScheduleDefinition.of(name, cron, syntax, ZoneId.of("UTC"), template()));
    }

    ScheduleRow row(String name) {
        return schedules.rows().stream().filter(r -> r.nameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyListSaysWhatToDo() {
        open();
        assertThat(schedules.connectedProperty().get()).isTrue();
        assertThat(schedules.rows()).isEmpty();
        assertThat(schedules.placeholderProperty().get()).isEqualTo(
                "No schedules yet. Press \u201cNew schedule\u201d to run a job on a cron timetable on Local engine.");
        assertThat(schedules.canActProperty().get()).isFalse();
        assertThat(freshness.lastUpdateProperty().get()).isNotNull();
    }

    @Test
    void aScheduleSavedInTheEditorAppearsSelectedWithItsNextFire() {
        open();
        schedules.newSchedule();
        ScheduleEditorViewModel editor = schedules.editorProperty().get();
        editor.nameProperty().set("nightly");
        editor.zoneProperty().set("UTC");
        editor.expressionProperty().set("0 2 * * *");
        for (int i = 0; i < ScheduleEditorViewModel.DEBOUNCE_TICKS; i++) {
            ticker.tick();
        }
        schedules.saveEditor();
        assertThat(schedules.editorProperty().get()).isNull();
        assertThat(schedules.banners().messageProperty().get()).startsWith("Created schedule \u201cnightly\u201d: it next fires ")
                .endsWith(" 02:00 UTC.");
        ScheduleRow row = schedules.selectedProperty().get();
        assertThat(row.nameProperty().get()).isEqualTo("nightly");
        assertThat(row.descriptionProperty().get()).isEqualTo("at 02:00");
        assertThat(row.nextFireProperty().get()).matches("\\d{1,2} \\w{3} 02:00 \\(in .+\\)");
        assertThat(row.lastFiresProperty().get()).isEqualTo("none yet");
        assertThat(row.misfireProperty().get()).isEqualTo("Run once");
        assertThat(schedules.summaryProperty().get()).isEqualTo("1 schedule · 1 enabled");
        assertThat(schedules.historyPlaceholderProperty().get()).startsWith("It has not fired yet. Next: ");
    }

    @Test
    void disableEnableAndRunNow() {
        open();
        create("hourly", "0 * * * *", CronSyntax.UNIX);
        schedules.reload();
        schedules.selectedProperty().set(row("hourly"));
        assertThat(schedules.toggleTextProperty().get()).isEqualTo("Disable");

        schedules.toggleSelected();
        assertThat(row("hourly").nextFireProperty().get()).isEqualTo("disabled");
        assertThat(schedules.toggleTextProperty().get()).isEqualTo("Enable");
        assertThat(schedules.banners().messageProperty().get()).isEqualTo("Disabled \u201chourly\u201d; it keeps its definition and history.");
        assertThat(schedules.summaryProperty().get()).isEqualTo("1 schedule · 0 enabled · 1 disabled");

        schedules.toggleSelected();
        assertThat(row("hourly").enabledProperty().get()).isTrue();
        assertThat(schedules.banners().messageProperty().get()).startsWith("Enabled \u201chourly\u201d; it next fires ");

        schedules.runSelectedNow();
        assertThat(schedules.banners().messageProperty().get()).matches("Submitted job #\\d+ from \u201chourly\u201d\\. .*");
        PatientGenService service = engine.service();
        assertThat(service.jobs(org.patientgen.engine.api.JobQuery.all()).jobs()).singleElement()
                .satisfies(j -> assertThat(j.submission().labels()).containsEntry("schedule", "hourly"));
    }

    @Test
    void deleteAsksFirstAndKeepsTheScheduleWhenTheUserSaysNo() {
        open();
        create("weekly", "0 6 * * 1", CronSyntax.UNIX);
        schedules.reload();
        schedules.selectedProperty().set(row("weekly"));
        dialogs.confirmAnswer = false;
        schedules.deleteSelected();
        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.header()).isEqualTo("Delete schedule \u201cweekly\u201d?");
            assertThat(c.detail()).contains("Jobs it already submitted stay");
            assertThat(c.destructive()).isTrue();
        });
        assertThat(schedules.rows()).hasSize(1);

        dialogs.confirmAnswer = true;
        schedules.deleteSelected();
        assertThat(schedules.rows()).isEmpty();
        assertThat(schedules.selectedProperty().get()).isNull();
        assertThat(schedules.banners().messageProperty().get()).isEqualTo("Deleted schedule \u201cweekly\u201d.");
    }

    @Test
    void firesShowInTheListAndTheHistoryAsTheEngineFiresThem() throws Exception {
        open();
        create("every-second", "* * * * * ?", CronSyntax.QUARTZ);
        await(ticker, WAIT, "the schedule in the list", () -> schedules.rows().size() == 1);
        schedules.selectedProperty().set(row("every-second"));
        // The engine's firer runs every 5 s; its job's submission event makes the list read again.
        await(ticker, WAIT, "a fire in the history", () -> !schedules.history().isEmpty());
        FireRow fire = schedules.history().get(0);
        assertThat(fire.slot()).endsWith(" UTC");
        assertThat(fire.job()).matches("#\\d+");
        assertThat(fire.state()).isEqualTo(JobState.QUEUED);
        assertThat(row("every-second").lastFiresProperty().get()).matches("\\d{1,2} \\w{3} \\d{2}:\\d{2} #\\d+.*");
    }

    @Test
    void anEditedScheduleMayKeepItsNameButNotTakeAnothers() {
        open();
        create("a", "0 1 * * *", CronSyntax.UNIX);
        create("b", "0 2 * * *", CronSyntax.UNIX);
        schedules.reload();
        schedules.selectedProperty().set(row("a"));
        schedules.editSelected();
        ScheduleEditorViewModel editor = schedules.editorProperty().get();
        assertThat(editor.nameErrorProperty().get()).isEmpty();
        editor.nameProperty().set("b");
        assertThat(editor.nameErrorProperty().get()).contains("exists already");
        schedules.closeEditor();
        assertThat(schedules.editorProperty().get()).isNull();
    }

    @Test
    void hidingTheScreenReleasesItsTicksAndKeepsAnOpenEditor() {
        open();
        schedules.newSchedule();
        schedules.editorProperty().get().nameProperty().set("half-typed");
        assertThat(ticker.active()).isEqualTo(2);
        schedules.detach();
        assertThat(ticker.active()).isZero();
        schedules.attach();
        assertThat(ticker.active()).isEqualTo(2);
        assertThat(schedules.editorProperty().get().nameProperty().get()).isEqualTo("half-typed");
    }
}
