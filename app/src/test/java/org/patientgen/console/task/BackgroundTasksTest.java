package org.patientgen.console.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;

class BackgroundTasksTest {
    final List<Runnable> worker = new ArrayList<>();
    final List<Runnable> ui = new ArrayList<>();
    final BackgroundTasks tasks = new BackgroundTasks(worker::add, ui::add);

    void runAll() {
        while (!worker.isEmpty() || !ui.isEmpty()) {
            if (!worker.isEmpty()) {
                worker.remove(0).run();
            } else {
                ui.remove(0).run();
            }
        }
    }

    @Test
    void workRunsOnTheWorkerAndResultsComeBackThroughTheUiExecutor() {
        List<String> got = new ArrayList<>();
        tasks.task("Counting", p -> {
            p.update(0.5, "half way");
            return "done";
        }).onSuccess(got::add).start();
        assertThat(got).isEmpty();
        assertThat(worker).hasSize(1);
        ui.remove(0).run();
        assertThat(tasks.running()).singleElement().satisfies(t -> assertThat(t.title()).isEqualTo("Counting"));
        worker.remove(0).run();
        assertThat(got).isEmpty();
        ui.remove(0).run();
        assertThat(tasks.running().get(0).progressProperty().get()).isEqualTo(0.5);
        assertThat(tasks.running().get(0).messageProperty().get()).isEqualTo("half way");
        runAll();
        assertThat(got).containsExactly("done");
        assertThat(tasks.running()).isEmpty();
    }

    @Test
    void quietTasksAreNotListedAndCancelledOnesDeliverNothing() {
        List<String> got = new ArrayList<>();
        tasks.task("Polling", p -> "x").quiet().onSuccess(got::add).start();
        assertThat(ui).isEmpty();
        Cancellable handle = tasks.task("Loading", p -> "y").onSuccess(got::add).start();
        handle.cancel();
        runAll();
        assertThat(got).containsExactly("x");
    }

    @Test
    void unhandledFailuresReachTheStatusBarWithTheEnginesMessage() {
        tasks.task("Loading jobs", p -> {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "the database is unreachable");
        }).start();
        runAll();
        assertThat(tasks.lastFailureProperty().get()).isEqualTo(
                new BackgroundTasks.TaskFailure("Loading jobs", "the database is unreachable"));

        List<Throwable> handled = new ArrayList<>();
        new BackgroundTasks(r -> {
            throw new RejectedExecutionException("full");
        }, Runnable::run).task("More", p -> 1).onFailure(handled::add).start();
        assertThat(handled).singleElement().isInstanceOf(RejectedExecutionException.class);
        assertThat(Failures.message(handled.get(0))).contains("too busy");
    }
}
