package org.patientgen.console.jobs;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.dialog.Dialogs.Confirmation;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Failures;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;

/**
 * Bulk cancel, retry and reprioritise of the jobs table's selection: which of them apply to the
 * selected jobs, what the user is asked first, and one batch call per action, whose per-job results
 * come back as a {@link BulkOutcome}. Each action applies to the selected jobs it fits (cancel: not
 * ended; retry: failed; priority: queued or waiting). UI thread only.
 */
final class JobBulkActions {
    private static final Predicate<JobState> CANCELLABLE = s -> !s.isTerminal();
    private static final Predicate<JobState> RETRYABLE = s -> s == JobState.FAILED;
    private static final Predicate<JobState> REPRIORITISABLE = s -> s == JobState.QUEUED || s == JobState.WAITING;

    /** Where an action's result goes (on the UI thread). */
    interface Listener {
        /** The batch call answered for {@code ids}. */
        void done(BulkOutcome outcome, List<Long> ids);

        /** The batch call failed as a whole. */
        void failed(String message);
    }

    private final ObservableList<JobRow> selection;
    private final Dialogs dialogs;
    private final BackgroundTasks tasks;
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper canReprioritise = new ReadOnlyBooleanWrapper(this, "canReprioritise");

    JobBulkActions(ObservableList<JobRow> selection, Dialogs dialogs, BackgroundTasks tasks) {
        this.selection = selection;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    /** Re-reads which actions apply (after the selection or a selected job's state changed). */
    void refresh() {
        canCancel.set(!eligible(CANCELLABLE).isEmpty());
        canRetry.set(!eligible(RETRYABLE).isEmpty());
        canReprioritise.set(!eligible(REPRIORITISABLE).isEmpty());
    }

    private List<Long> eligible(Predicate<JobState> state) {
        return selection.stream().filter(r -> state.test(r.state())).map(JobRow::id).toList();
    }

    private static String jobs(List<Long> ids) {
        return ids.size() == 1 ? "job " + ids.get(0) : ids.size() + " jobs";
    }

    /** Cancels the selected jobs that have not ended, once the user confirms. */
    void cancel(PatientGenService service, Listener listener) {
        List<Long> ids = eligible(CANCELLABLE);
        if (ids.isEmpty()) {
            return;
        }
        boolean running = selection.stream().anyMatch(r -> r.state() == JobState.RUNNING);
        if (!dialogs.confirm(new Confirmation("Cancel jobs", "Cancel " + jobs(ids) + "?",
                "Cancelled jobs cannot be resumed; their completed shards' output stays."
                        + (running ? " Running shards stop and their partial output is discarded." : "")
                        + (ids.size() > 1 ? "\n\nJobs " + ids.stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(", ")) + "." : ""),
                "Cancel " + jobs(ids), ids.size() == 1 ? "Keep it" : "Keep them", true))) {
            return;
        }
        run("Cancel", "Cancelling " + jobs(ids), ids, () -> service.cancelAll(ids, "cancelled in the console"),
                listener);
    }

    /** Queues the selected failed jobs' failed shards again (nothing is lost, so nothing is asked). */
    void retry(PatientGenService service, Listener listener) {
        List<Long> ids = eligible(RETRYABLE);
        if (!ids.isEmpty()) {
            run("Retry", "Retrying " + jobs(ids), ids, () -> service.retryAll(ids, "retried in the console"), listener);
        }
    }

    /** Asks for a priority (offering the highest selected) and gives it to the selected queued or waiting jobs. */
    void reprioritise(PatientGenService service, Listener listener) {
        List<Long> ids = eligible(REPRIORITISABLE);
        if (ids.isEmpty()) {
            return;
        }
        int current = selection.stream().filter(r -> ids.contains(r.id())).mapToInt(r -> r.priorityProperty().get())
                .max().orElse(0);
        OptionalInt priority = dialogs.askInteger("Change priority", "New priority for " + jobs(ids)
                + " (higher runs first)", "Priority", current, JobSubmission.MIN_PRIORITY, JobSubmission.MAX_PRIORITY);
        if (priority.isPresent()) {
            int value = priority.getAsInt();
            run("Priority " + value, "Changing priority of " + jobs(ids), ids, () -> service.reprioritiseAll(ids, value),
                    listener);
        }
    }

    private void run(String action, String title, List<Long> ids, Supplier<List<BatchItemResult>> call,
                     Listener listener) {
        tasks.task(title, p -> call.get())
                .onSuccess(results -> listener.done(new BulkOutcome(action, results), ids))
                .onFailure(e -> listener.failed(action + " failed: " + Failures.message(e)))
                .start();
    }

    ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canReprioritiseProperty() {
        return canReprioritise.getReadOnlyProperty();
    }
}
