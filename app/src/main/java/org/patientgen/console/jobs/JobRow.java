package org.patientgen.console.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobState;

/**
 * One job as a table row. Updated in place from jobs and progress snapshots (so selection and
 * scroll position survive live updates); UI thread only.
 */
public final class JobRow {
    private final long id;
    private Job job;
    private JobProgress progress;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper priority = new ReadOnlyIntegerWrapper(this, "priority");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner");
    private final ReadOnlyStringWrapper labels = new ReadOnlyStringWrapper(this, "labels");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText");
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(this, "rate");
    private final ReadOnlyObjectWrapper<Duration> eta = new ReadOnlyObjectWrapper<>(this, "eta");
    private final ReadOnlyObjectWrapper<Instant> submitted = new ReadOnlyObjectWrapper<>(this, "submitted");
    private final ReadOnlyObjectWrapper<Instant> started = new ReadOnlyObjectWrapper<>(this, "started");
    private final ReadOnlyObjectWrapper<Instant> finished = new ReadOnlyObjectWrapper<>(this, "finished");

    JobRow(Job job, JobProgress progress) {
        this.id = job.id();
        update(job, progress);
    }

    /** Takes a newer job record and, when known, its progress. */
    void update(Job newJob, JobProgress newProgress) {
        if (newJob.id() != id) {
            throw new IllegalArgumentException("job " + newJob.id() + " is not row " + id);
        }
        this.job = newJob;
        if (newProgress != null) {
            this.progress = newProgress;
        }
        refresh();
    }

    /** Takes a newer progress snapshot (from the event stream). */
    void update(JobProgress newProgress) {
        this.progress = Objects.requireNonNull(newProgress, "newProgress");
        refresh();
    }

    private void refresh() {
        // Progress may be newer than the job record (events) or older (a job re-read after its state
        // changed): the state comes from whichever was taken last.
        JobState current = progress != null && progress.at().isAfter(job.updatedAt()) ? progress.state() : job.state();
        state.set(current);
        priority.set(job.submission().priority());
        owner.set(job.submission().owner());
        labels.set(JobFormat.labels(job.submission().labels()));
        submitted.set(job.submittedAt());
        long total = job.submission().spec().population();
        long seen = progress == null ? job.patientsDone() : Math.max(job.patientsDone(), progress.patientsSeen());
        fraction.set(current == JobState.SUCCEEDED ? 1 : total == 0 ? 0 : Math.min(1, (double) seen / total));
        progressText.set(JobFormat.count(seen) + " / " + JobFormat.count(total));
        started.set(progress == null ? null : progress.startedAt());
        finished.set(current.isTerminal() ? job.updatedAt() : null);
        rate.set(rateOf(current, seen));
        eta.set(current == JobState.RUNNING && progress != null ? progress.eta().orElse(null) : null);
    }

    private double rateOf(JobState current, long seen) {
        if (progress == null) {
            return 0;
        }
        if (current == JobState.RUNNING) {
            return progress.patientsPerSecond();
        }
        Instant start = progress.startedAt();
        Instant end = job.updatedAt();
        if (current.isTerminal() && start != null && end.isAfter(start)) {
            return seen * 1000.0 / Duration.between(start, end).toMillis();
        }
        return 0;
    }

    public long id() {
        return id;
    }

    /** The latest job record. */
    public Job job() {
        return job;
    }

    public JobState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty priorityProperty() {
        return priority.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** {@code key=value, …}. */
    public ReadOnlyStringProperty labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    /** Share of patients done (or in flight), 0 to 1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** {@code 1,200 / 10,000}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Patients per second: current while running, the average once ended, 0 when unknown. */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** Time left while running, else {@code null}. */
    public ReadOnlyObjectProperty<Duration> etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    /** When its first shard was claimed, or {@code null}. */
    public ReadOnlyObjectProperty<Instant> startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** When it ended, or {@code null}. */
    public ReadOnlyObjectProperty<Instant> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Whether the search text appears in its id, state, owner or labels (case-insensitive). */
    boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.strip().toLowerCase();
        return Long.toString(id).equals(s.startsWith("#") ? s.substring(1) : s)
                || state().name().toLowerCase().contains(s)
                || owner.get().toLowerCase().contains(s)
                || labels.get().toLowerCase().contains(s);
    }
}
