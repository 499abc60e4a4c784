package org.patientgen.console.task;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs service calls and other blocking work off the UI thread, and hands results back on it.
 *
 * <p>Every screen goes through this class: work runs on the injected worker {@link Executor}, and
 * success, failure and progress are delivered through the injected {@link UiExecutor}, so this is
 * the single place where background results re-enter JavaFX. Visible tasks are listed in
 * {@link #running()} (the status bar shows them with their progress); quiet ones (polling,
 * refreshes) are not. With same-thread executors (ViewModel tests) everything runs synchronously.
 *
 * <pre>{@code
 * tasks.task("Cancelling 3 jobs", p -> service.cancelAll(ids, reason))
 *      .onSuccess(this::showResults)
 *      .onFailure(this::showError)
 *      .start();
 * }</pre>
 */
public final class BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor worker;
    private final UiExecutor ui;
    /** Changed on the UI thread only. */
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);
    /** Changed on the UI thread only. */
    private final ReadOnlyObjectWrapper<TaskFailure> lastFailure = new ReadOnlyObjectWrapper<>(this, "lastFailure");

    public BackgroundTasks(Executor worker, UiExecutor ui) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The executor that posts to the UI thread (for code that receives events on other threads). */
    public UiExecutor ui() {
        return ui;
    }

    /** Visible tasks now running, oldest first; read on the UI thread. */
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    /** The latest failure of a task that had no failure handler of its own. */
    public ReadOnlyObjectProperty<TaskFailure> lastFailureProperty() {
        return lastFailure.getReadOnlyProperty();
    }

    /** Describes a task; nothing runs until {@link Builder#start()}. */
    public <T> Builder<T> task(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** Blocking work; reports progress through the given handle from any thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress of a running task, callable from the worker thread. */
    @FunctionalInterface
    public interface Progress {
        /** @param fraction 0 to 1, or negative while unknown */
        void update(double fraction, String message);
    }

    /** A failure that reached no handler: what was being done, and the user-facing message. */
    public record TaskFailure(String title, String message) {
    }

    /** A task to be started. */
    public final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<? super T> onSuccess = r -> { };
        private Consumer<Throwable> onFailure;
        private boolean visible = true;

        private Builder(String title, Work<T> work) {
            this.title = Objects.requireNonNull(title, "title");
            this.work = Objects.requireNonNull(work, "work");
        }

        /** Runs on the UI thread with the result. */
        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Runs on the UI thread with the failure; without one, the failure is logged and shown in
         * the status bar ({@link #lastFailureProperty()}).
         */
        public Builder<T> onFailure(Consumer<Throwable> handler) {
            this.onFailure = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Keeps the task out of {@link #running()}: for polling and routine refreshes. */
        public Builder<T> quiet() {
            this.visible = false;
            return this;
        }

        /**
         * Starts the work. Cancelling the handle drops the result (the work itself, a blocking call,
         * runs to its end): screens cancel what they started when they are hidden.
         */
        public Cancellable start() {
            RunningTask entry = new RunningTask(title);
            AtomicBoolean cancelled = new AtomicBoolean();
            if (visible) {
                ui.execute(() -> running.add(entry));
            }
            Runnable job = () -> {
                T result;
                try {
                    result = work.run((fraction, message) -> ui.execute(() -> entry.update(fraction, message)));
                } catch (Exception | LinkageError | AssertionError e) {
                    ui.execute(() -> finish(entry, cancelled, () -> fail(e)));
                    return;
                }
                ui.execute(() -> finish(entry, cancelled, () -> onSuccess.accept(result)));
            };
            try {
                worker.execute(job);
            } catch (RejectedExecutionException e) {
                ui.execute(() -> finish(entry, cancelled, () -> fail(e)));
            }
            return () -> cancelled.set(true);
        }

        private void fail(Throwable e) {
            if (onFailure != null) {
                onFailure.accept(e);
                return;
            }
            LOG.warn("{} failed", title, e);
            lastFailure.set(new TaskFailure(title, Failures.message(e)));
        }

        private void finish(RunningTask entry, AtomicBoolean cancelled, Runnable deliver) {
            running.remove(entry);
            if (!cancelled.get()) {
                deliver.run();
            }
        }
    }
}
