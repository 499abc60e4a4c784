package org.patientgen.console.jobs;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobState;

/**
 * The jobs table's rows: one {@link JobRow} per loaded job, newest first, updated in place; the
 * filter and search that select the visible ones; and the summary line. It knows nothing of
 * connections or loading ({@link JobsViewModel} feeds it). UI thread only.
 */
final class JobTable {
    /** Rows report changes of what the filter and sort read, so updates in place re-filter and re-sort. */
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList(r -> new Observable[] {
        r.stateProperty(), r.priorityProperty(), r.fractionProperty(), r.rateProperty(), r.startedProperty(),
        r.finishedProperty(), r.labelsProperty()});
    private final Map<Long, JobRow> byId = new HashMap<>();
    private final FilteredList<JobRow> visible = new FilteredList<>(rows);
    private final ObjectProperty<JobFilter> filter = new SimpleObjectProperty<>(this, "filter", JobFilter.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    JobTable() {
        filter.addListener(o -> refilter());
        search.addListener(o -> refilter());
    }

    /** Forgets every row (a new connection). */
    void clear() {
        rows.clear();
        byId.clear();
        refreshSummary();
    }

    /** The row of job {@code id}, or {@code null} when it is not loaded. */
    JobRow row(long id) {
        return byId.get(id);
    }

    /** Updates the job's row, or adds one in its place (newest first). */
    void upsert(Job job, JobProgress progress) {
        JobRow row = byId.get(job.id());
        if (row != null) {
            row.update(job, progress);
            return;
        }
        row = new JobRow(job, progress);
        byId.put(job.id(), row);
        int at = 0;
        while (at < rows.size() && rows.get(at).id() > job.id()) {
            at++;
        }
        rows.add(at, row);
    }

    /** Applies a new filter or search text (row changes re-filter by themselves). */
    private void refilter() {
        JobFilter f = filter.get();
        String text = search.get();
        visible.setPredicate(r -> f.matches(r.state()) && r.matches(text));
        refreshSummary();
    }

    /** Recounts the summary line, e.g. {@code 12 jobs · 2 running · 3 queued · 5 shown}. */
    void refreshSummary() {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        rows.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(JobFormat.count(rows.size())).append(rows.size() == 1 ? " job" : " jobs");
        for (JobState st : EnumSet.of(JobState.RUNNING, JobState.QUEUED, JobState.FAILED)) {
            if (counts.containsKey(st)) {
                text.append(" · ").append(counts.get(st)).append(' ').append(st.name().toLowerCase());
            }
        }
        if (visible.size() != rows.size()) {
            text.append(" · ").append(visible.size()).append(" shown");
        }
        summary.set(text.toString());
    }

    ObservableList<JobRow> rows() {
        return rows;
    }

    ObservableList<JobRow> visibleRows() {
        return visible;
    }

    ObjectProperty<JobFilter> filterProperty() {
        return filter;
    }

    StringProperty searchProperty() {
        return search;
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
