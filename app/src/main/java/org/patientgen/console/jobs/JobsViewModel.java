package org.patientgen.console.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.desktop.FolderOpener;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;

/**
 * The jobs table: the active connection's newest jobs, kept live from its event stream, with
 * filter, search, bulk cancel / retry / reprioritise, and the way into a job's detail and the
 * submit dialog. UI thread only; every service call runs through {@link BackgroundTasks}.
 *
 * <p><b>Live updates.</b> Events are coalesced in a {@link JobEventBuffer} and applied on a UI tick
 * every {@link #TICK} (at most four table updates a second): progress in place, and jobs whose
 * state changed re-read in one background call. Every {@link #FULL_REFRESH} the page is re-read
 * as well, which also repairs anything a dropped event missed; and at once when a lost link to a
 * server is back, since the server kept working while the console heard nothing.
 */
public final class JobsViewModel {
    /** How often coalesced events are applied. */
    static final Duration TICK = Duration.ofMillis(250);
    /** How often the loaded jobs are re-read in full. */
    static final Duration FULL_REFRESH = Duration.ofSeconds(30);

    private final ObservableValue<Connection> connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Dialogs dialogs;
    private final FolderOpener folders;
    private final Freshness freshness;
    private final Clock clock;
    private final JobLoader loader = new JobLoader();

    private final JobTable table = new JobTable();
    private final ObservableList<JobRow> selection = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyObjectWrapper<BulkOutcome> lastBulk = new ReadOnlyObjectWrapper<>(this, "lastBulk");
    private final ReadOnlyObjectWrapper<JobDetailViewModel> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final JobBulkActions bulk;
    private final ChangeListener<Connection> reconnect = (obs, old, now) -> connect();

    /** The connection's state while this screen is attached; replaced on every (re)connect. */
    private Session session;
    private Cancellable tick = Cancellable.NONE;
    private String nextCursor;
    /** Highest rate seen on this connection, patients/s: the submit dialog's estimate. */
    private double measuredRate;

    public JobsViewModel(ObservableValue<Connection> connection, BackgroundTasks tasks, Ticker ticker,
                         Dialogs dialogs, FolderOpener folders, Freshness freshness, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bulk = new JobBulkActions(selection, dialogs, tasks);
        selection.addListener((ListChangeListener<JobRow>) c -> refreshActions());
    }

    // ---- lifecycle ----

    /** The screen is shown: connect, subscribe and start applying live updates. */
    public void attach() {
        connection.addListener(reconnect);
        connect();
        long ticksPerRefresh = FULL_REFRESH.toMillis() / TICK.toMillis();
        long[] count = {0};
        tick = ticker.every(TICK, () -> {
            applyEvents();
            if (++count[0] % ticksPerRefresh == 0) {
                refresh();
            }
        });
        if (detail.get() != null) {
            detail.get().attach();
        }
    }

    /** The screen is hidden: release the subscription and the tick. */
    public void detach() {
        connection.removeListener(reconnect);
        tick.cancel();
        tick = Cancellable.NONE;
        if (detail.get() != null) {
            detail.get().detach();
        }
        endSession();
    }

    private void endSession() {
        Session old = session;
        session = null;
        if (old != null) {
            old.close(tasks);
        }
    }

    private void connect() {
        endSession();
        closeDetail();
        Connection c = connection.getValue();
        Session s = new Session(c);
        session = s;
        s.link = c.watchLink(status -> tasks.ui().execute(() -> linkChanged(s, status)));
        table.clear();
        nextCursor = null;
        more.set(false);
        error.set("");
        connected.set(false);
        loading.set(true);
        measuredRate = 0;
        placeholder.set(c.kind() == ConnectionKind.LOCAL ? "Starting the local engine…" : "Connecting to " + c.name() + "…");
        s.loading = tasks.task("Loading jobs from " + c.name(), p -> {
            PatientGenService service = c.service();
            Subscription sub = service.subscribe(Set.of(EventTopic.JOBS, EventTopic.PROGRESS), s.events);
            try {
                return new Connected(service, sub, loader.page(service, null));
            } catch (RuntimeException e) {
                sub.close();
                throw e;
            }
        }).onSuccess(r -> {
            if (session != s) {
                Session stale = new Session(c);
                stale.subscription = r.subscription();
                stale.close(tasks);
                return;
            }
            s.service = r.service();
            s.subscription = r.subscription();
            connected.set(true);
            showPage(r.page(), true);
        }).onFailure(e -> {
            if (session == s) {
                loading.set(false);
                error.set("Cannot load jobs from " + c.name() + ": " + Failures.message(e));
                placeholder.set("No jobs to show: " + c.name() + " is not reachable. Press Reload to try again.");
            }
        }).start();
    }

    /** Reconnects to the active connection and reloads its jobs. */
    public void reload() {
        connect();
    }

    /** Loads the next page of older jobs. */
    public void loadMore() {
        Session s = session;
        if (s == null || s.service == null || nextCursor == null) {
            return;
        }
        String cursor = nextCursor;
        loading.set(true);
        tasks.task("Loading older jobs", p -> loader.page(s.service, cursor))
                .onSuccess(page -> {
                    if (session == s) {
                        showPage(page, false);
                    }
                })
                .onFailure(this::failed)
                .start();
    }

    /** Re-reads the loaded jobs (quietly). */
    private void linkChanged(Session s, LinkStatus status) {
        if (session != s) {
            return;
        }
        boolean wasLost = s.lost;
        s.lost = status.lost();
        if (wasLost && !s.lost) {
            refresh();
        }
    }

    private void refresh() {
        Session s = session;
        if (s == null || s.service == null || s.fetching) {
            return;
        }
        s.fetching = true;
        int count = Math.max(table.rows().size(), JobLoader.PAGE);
        tasks.task("Refreshing jobs", p -> loader.newest(s.service, count)).quiet()
                .onSuccess(page -> {
                    s.fetching = false;
                    if (session == s) {
                        page.jobs().forEach(l -> table.upsert(l.job(), l.progress()));
                        afterChange();
                    }
                })
                .onFailure(e -> s.fetching = false)
                .start();
    }

    private void showPage(JobLoader.Page page, boolean first) {
        loading.set(false);
        if (first) {
            table.clear();
        }
        for (JobLoader.Loaded l : page.jobs()) {
            table.upsert(l.job(), l.progress());
        }
        nextCursor = page.nextCursor();
        more.set(nextCursor != null);
        afterChange();
    }

    /** Applies the events coalesced since the last tick (called by the tick; tests call it directly). */
    void applyEvents() {
        Session s = session;
        if (s == null || s.service == null) {
            return;
        }
        JobEventBuffer.Batch batch = s.events.drain();
        boolean applied = false;
        for (var p : batch.progress().values()) {
            JobRow row = table.row(p.jobId());
            if (row == null) {
                s.pending.add(p.jobId());
            } else {
                row.update(p);
                measuredRate = Math.max(measuredRate, p.patientsPerSecond());
                applied = true;
            }
        }
        s.pending.addAll(batch.changed());
        if (!s.pending.isEmpty() && !s.fetching) {
            List<Long> ids = List.copyOf(s.pending);
            s.pending.clear();
            s.fetching = true;
            tasks.task("Refreshing jobs", p -> loader.jobs(s.service, ids)).quiet()
                    .onSuccess(loaded -> {
                        s.fetching = false;
                        if (session == s) {
                            loaded.forEach(l -> table.upsert(l.job(), l.progress()));
                            afterChange();
                        }
                    })
                    .onFailure(e -> {
                        s.fetching = false;
                        s.pending.addAll(ids);
                    })
                    .start();
        }
        if (applied) {
            afterChange();
        }
    }

    private void afterChange() {
        freshness.updated(clock.instant());
        refreshPlaceholder();
        refreshActions();
        table.refreshSummary();
    }

    private void refreshPlaceholder() {
        if (!loading.get() && error.get().isEmpty()) {
            placeholder.set(table.rows().isEmpty()
                    ? "No jobs yet. Press \u201cSubmit job\u201d (Ctrl+N) to generate a population on "
                            + connection.getValue().name() + "."
                    : "No job matches the filter. Choose \u201cAll states\u201d or clear the search.");
        }
    }

    private void refreshActions() {
        bulk.refresh();
    }

    private void failed(Throwable e) {
        loading.set(false);
        error.set(Failures.message(e));
    }

    // ---- bulk actions ----

    /** Cancels the selected jobs that have not ended, after the user confirms. */
    public void cancelSelected() {
        withService(service -> bulk.cancel(service, bulkListener()));
    }

    /** Queues the selected failed jobs' failed shards again. */
    public void retrySelected() {
        withService(service -> bulk.retry(service, bulkListener()));
    }

    /** Asks for a priority and gives it to the selected queued or waiting jobs. */
    public void reprioritiseSelected() {
        withService(service -> bulk.reprioritise(service, bulkListener()));
    }

    private void withService(Consumer<PatientGenService> action) {
        if (session != null && session.service != null) {
            action.accept(session.service);
        }
    }

    /** Shows a bulk action's results and re-reads the jobs it touched (if still on the same connection). */
    private JobBulkActions.Listener bulkListener() {
        Session s = session;
        return new JobBulkActions.Listener() {
            @Override
            public void done(BulkOutcome outcome, List<Long> ids) {
                lastBulk.set(outcome);
                if (session == s) {
                    s.pending.addAll(ids);
                    applyEvents();
                }
            }

            @Override
            public void failed(String message) {
                error.set(message);
            }
        };
    }

    /** Hides the bulk results panel. */
    public void dismissBulkOutcome() {
        lastBulk.set(null);
    }

    /** Hides the error banner. */
    public void dismissError() {
        error.set("");
    }

    // ---- detail and submit ----

    /** Shows the detail of {@code row}'s job. */
    public void openDetail(JobRow row) {
        if (row == null) {
            return;
        }
        closeDetail();
        JobDetailViewModel vm = new JobDetailViewModel(row.id(), connection.getValue(), tasks, ticker, folders,
                freshness, clock);
        detail.set(vm);
        vm.attach();
    }

    /** Back from the detail to the table. */
    public void closeDetail() {
        JobDetailViewModel vm = detail.get();
        if (vm != null) {
            vm.detach();
            detail.set(null);
        }
    }

    /** A fresh submit form for the active connection. */
    public SubmitJobViewModel newSubmission() {
        return new SubmitJobViewModel(connection.getValue(), tasks, clock,
                measuredRate > 0 ? OptionalDouble.of(measuredRate) : OptionalDouble.empty());
    }

    /** Shows a job the submit dialog just queued, without waiting for its event. */
    public void submitted(Job job) {
        Session s = session;
        if (s != null && s.service != null) {
            s.pending.add(job.id());
            table.upsert(job, null);
            afterChange();
        }
    }

    // ---- properties ----

    /** The rows that pass the filter and search, newest first (sort in the view). */
    public ObservableList<JobRow> visibleRows() {
        return table.visibleRows();
    }

    /** Every loaded row. */
    public ObservableList<JobRow> rows() {
        return FXCollections.unmodifiableObservableList(table.rows());
    }

    /** The table's selection (the view keeps it in step). */
    public ObservableList<JobRow> selection() {
        return selection;
    }

    public ObjectProperty<JobFilter> filterProperty() {
        return table.filterProperty();
    }

    public StringProperty searchProperty() {
        return table.searchProperty();
    }

    /** What the empty table says, including what to do. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** An error to show in a banner, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** E.g. {@code 12 jobs · 2 running · 1 failed}. */
    public ReadOnlyStringProperty summaryProperty() {
        return table.summaryProperty();
    }

    /** Whether older jobs can be loaded. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the service answered (submitting needs it). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Whether some selected job can be cancelled. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return bulk.canCancelProperty();
    }

    /** Whether some selected job can be retried. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return bulk.canRetryProperty();
    }

    /** Whether some selected job's priority can change. */
    public ReadOnlyBooleanProperty canReprioritiseProperty() {
        return bulk.canReprioritiseProperty();
    }

    /** The last bulk action's per-item results, or {@code null}. */
    public ReadOnlyObjectProperty<BulkOutcome> lastBulkProperty() {
        return lastBulk.getReadOnlyProperty();
    }

    /** The job detail shown instead of the table, or {@code null}. */
    public ReadOnlyObjectProperty<JobDetailViewModel> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The states a filter can choose. */
    public List<JobFilter> filters() {
        return List.of(JobFilter.values());
    }

    private record Connected(PatientGenService service, Subscription subscription, JobLoader.Page page) {
    }

    /** One connection's live state while attached. UI thread, except {@link #events}. */
    private static final class Session {
        final Connection connection;
        final JobEventBuffer events = new JobEventBuffer();
        final Set<Long> pending = new LinkedHashSet<>();
        PatientGenService service;
        Subscription subscription;
        Cancellable loading = Cancellable.NONE;
        Cancellable link = Cancellable.NONE;
        boolean lost;
        boolean fetching;

        Session(Connection connection) {
            this.connection = connection;
        }

        void close(BackgroundTasks tasks) {
            loading.cancel();
            link.cancel();
            Subscription sub = subscription;
            subscription = null;
            ServiceSession.closeInBackground(tasks, connection, sub);
        }
    }
}
