package org.patientgen.console.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.dialog.Dialogs.Confirmation;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleFire;

/**
 * The schedules screen: every schedule of the active connection with its next and last fires, the
 * selected one's fire history, enable/disable, run now, delete, and the editor. UI thread only;
 * service calls run through {@link BackgroundTasks}.
 *
 * <p><b>Staying current.</b> The list is read again (quietly, at most once a {@link #TICK}) when a
 * schedule changes anywhere (a {@code schedule} audit event), when a job is submitted (a schedule
 * may have fired), when a shown next fire time has passed, and every {@link #FULL_REFRESH}.
 * "In 3 min" texts are rewritten every tick without asking the engine.
 */
public final class SchedulesViewModel {
    /** How often events are looked at and times rewritten. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** How often the list is read again regardless of events. */
    static final Duration FULL_REFRESH = Duration.ofSeconds(30);
    /** Fires shown per schedule in the list. */
    static final int LAST_FIRES = 3;
    /** Fires shown in the history. */
    static final int HISTORY = 20;
    private static final String SELECT_FOR_HISTORY =
            "Select a schedule to see the times it fired and the jobs it submitted.";

    private final ObservableValue<Connection> connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Dialogs dialogs;
    private final Freshness freshness;
    private final Clock clock;

    private final ObservableList<ScheduleRow> rows = FXCollections.observableArrayList();
    private final Map<Long, ScheduleRow> byId = new HashMap<>();
    private final ObjectProperty<ScheduleRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FireRow> history = FXCollections.observableArrayList();
    /** Read-only views, made once: a view made per call would drop its listeners when collected. */
    private final ObservableList<ScheduleRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FireRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper historyTitle = new ReadOnlyStringWrapper(this, "historyTitle", "");
    private final ReadOnlyStringWrapper historyPlaceholder = new ReadOnlyStringWrapper(this, "historyPlaceholder",
            SELECT_FOR_HISTORY);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper toggleText = new ReadOnlyStringWrapper(this, "toggleText", "Disable");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper canAct = new ReadOnlyBooleanWrapper(this, "canAct");
    private final ReadOnlyObjectWrapper<ScheduleEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ChangeListener<Connection> reconnect = (obs, old, now) -> connect();

    private Session session;
    private Cancellable tick = Cancellable.NONE;
    private Cancellable historyLoad = Cancellable.NONE;
    private long ticks;
    private Connection editorConnection;

    public SchedulesViewModel(ObservableValue<Connection> connection, BackgroundTasks tasks, Ticker ticker,
                              Dialogs dialogs, Freshness freshness, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
        selected.addListener((obs, old, now) -> {
            refreshActions();
            loadHistory();
        });
        connected.addListener(o -> refreshActions());
    }

    /** A connection's state while the screen is attached; replaced on every (re)connect. */
    private static final class Session {
        final Connection connection;
        /** Set by the service's event thread when something may have changed. */
        final AtomicBoolean dirty = new AtomicBoolean();
        PatientGenService service;
        Subscription subscription;
        boolean fetching;

        Session(Connection connection) {
            this.connection = connection;
        }

        void onEvent(EngineEvent event) {
            if (event instanceof ConfigChanged c && "schedule".equals(c.targetType())
                    || event instanceof JobStateChanged j && j.transition().from() == null) {
                dirty.set(true);
            }
        }

        void close(BackgroundTasks tasks) {
            Subscription sub = subscription;
            subscription = null;
            if (sub != null) {
                tasks.task("Closing the schedules subscription", p -> {
                    sub.close();
                    return null;
                }).quiet().start();
            }
        }
    }

    private record Loaded(List<Schedule> schedules, Map<Long, List<ScheduleFire>> fires) {
    }

    private record Connected(PatientGenService service, Subscription subscription, Loaded loaded) {
    }

    // ---- lifecycle ----

    /** The screen is shown: connect, subscribe and keep the list current. */
    public void attach() {
        connection.addListener(reconnect);
        connect();
        long perRefresh = FULL_REFRESH.toMillis() / TICK.toMillis();
        tick = ticker.every(TICK, () -> {
            ticks++;
            onTick(ticks % perRefresh == 0);
        });
        if (editor.get() != null) {
            editor.get().attach();
        }
    }

    /** The screen is hidden: release the subscription and the tick. */
    public void detach() {
        connection.removeListener(reconnect);
        tick.cancel();
        tick = Cancellable.NONE;
        if (editor.get() != null) {
            editor.get().detach();
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
        Connection c = connection.getValue();
        if (editor.get() != null && editorConnection != c) {
            // An editor describes a schedule of the connection it was opened on.
            closeEditor();
        }
        Session s = new Session(c);
        session = s;
        rows.clear();
        byId.clear();
        history.clear();
        connected.set(false);
        error.set("");
        placeholder.set("Loading schedules from " + c.name() + "…");
        tasks.task("Loading schedules from " + c.name(), p -> {
            PatientGenService service = c.service();
            Subscription sub = service.subscribe(Set.of(EventTopic.CONFIG, EventTopic.JOBS), s::onEvent);
            try {
                return new Connected(service, sub, load(service));
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
            show(r.loaded());
        }).onFailure(e -> {
            if (session == s) {
                error.set("Cannot load schedules from " + c.name() + ": " + Failures.message(e));
                placeholder.set("No schedules to show: " + c.name() + " is not reachable. Press Reload to try again.");
            }
        }).start();
    }

    private static Loaded load(PatientGenService service) {
        List<Schedule> schedules = service.schedules();
        Map<Long, List<ScheduleFire>> fires = new HashMap<>();
        for (Schedule s : schedules) {
            try {
                fires.put(s.id(), service.scheduleFires(s.id(), LAST_FIRES));
            } catch (PatientGenException e) {
                // Deleted meanwhile: it will be gone from the next list.
                fires.put(s.id(), List.of());
            }
        }
        return new Loaded(schedules, fires);
    }

    /** Reconnects and reads everything again. */
    public void reload() {
        connect();
    }

    private void onTick(boolean fullRefresh) {
        Session s = session;
        if (s == null || s.service == null) {
            return;
        }
        Instant now = clock.instant();
        boolean passed = rows.stream().anyMatch(r -> r.nextFireAt() != null && !r.nextFireAt().isAfter(now));
        if (s.dirty.getAndSet(false) || passed || fullRefresh) {
            refresh();
        }
        rows.forEach(r -> r.retime(now));
    }

    /** Reads the list again, quietly. */
    void refresh() {
        Session s = session;
        if (s == null || s.service == null || s.fetching) {
            return;
        }
        s.fetching = true;
        tasks.task("Refreshing schedules", p -> load(s.service)).quiet()
                .onSuccess(loaded -> {
                    s.fetching = false;
                    if (session == s) {
                        show(loaded);
                    }
                })
                .onFailure(e -> s.fetching = false)
                .start();
    }

    private void show(Loaded loaded) {
        Instant now = clock.instant();
        List<ScheduleRow> next = new ArrayList<>();
        Map<Long, ScheduleRow> kept = new HashMap<>();
        boolean selectedFired = false;
        for (Schedule schedule : loaded.schedules()) {
            List<ScheduleFire> fires = loaded.fires().getOrDefault(schedule.id(), List.of());
            ScheduleRow row = byId.get(schedule.id());
            if (row == null) {
                row = new ScheduleRow(schedule, fires, now);
            } else {
                String before = row.lastFiresProperty().get();
                row.update(schedule, fires, now);
                selectedFired |= row == selected.get() && !before.equals(row.lastFiresProperty().get());
            }
            kept.put(schedule.id(), row);
            next.add(row);
        }
        byId.clear();
        byId.putAll(kept);
        if (!next.equals(rows)) {
            ScheduleRow keep = selected.get();
            rows.setAll(next);
            selected.set(keep != null && byId.containsKey(keep.id()) ? keep : null);
        }
        if (selectedFired) {
            loadHistory();
        }
        freshness.updated(now);
        refreshPlaceholder();
        refreshSummary();
        refreshActions();
    }

    private void refreshPlaceholder() {
        Connection c = connection.getValue();
        if (error.get().isEmpty()) {
            placeholder.set("No schedules yet. Press \u201cNew schedule\u201d to run a job on a cron timetable on "
                    + c.name() + ".");
        }
    }

    private void refreshSummary() {
        long on = rows.stream().filter(r -> r.enabledProperty().get()).count();
        summary.set(rows.isEmpty() ? "" : rows.size() + (rows.size() == 1 ? " schedule" : " schedules") + " · "
                + on + " enabled" + (on == rows.size() ? "" : " · " + (rows.size() - on) + " disabled"));
    }

    private void refreshActions() {
        ScheduleRow row = selected.get();
        canAct.set(row != null && connected.get());
        toggleText.set(row != null && !row.enabledProperty().get() ? "Enable" : "Disable");
        if (row == null) {
            historyTitle.set("Fire history");
        } else {
            historyTitle.set("Fire history of \u201c" + row.nameProperty().get() + "\u201d");
        }
    }

    // ---- history ----

    private void loadHistory() {
        historyLoad.cancel();
        ScheduleRow row = selected.get();
        Session s = session;
        if (row == null || s == null || s.service == null) {
            history.clear();
            historyPlaceholder.set(SELECT_FOR_HISTORY);
            return;
        }
        ZoneId zone = row.schedule().definition().timeZone();
        long id = row.id();
        historyPlaceholder.set("Loading…");
        historyLoad = tasks.task("Reading the fire history of " + row.nameProperty().get(), p -> {
            List<FireRow> result = new ArrayList<>();
            for (ScheduleFire f : s.service.scheduleFires(id, HISTORY)) {
                result.add(fireRow(s.service, f, zone));
            }
            return result;
        }).quiet().onSuccess(list -> {
            history.setAll(list);
            historyPlaceholder.set("It has not fired yet. Next: " + row.nextFireProperty().get()
                    + ". \u201cRun now\u201d submits its job at once.");
        }).onFailure(e -> {
            history.clear();
            historyPlaceholder.set("Cannot read the history: " + Failures.message(e));
        }).start();
    }

    private FireRow fireRow(PatientGenService service, ScheduleFire f, ZoneId zone) {
        JobState state = null;
        if (f.jobId() != null) {
            try {
                state = service.job(f.jobId()).state();
            } catch (PatientGenException e) {
                state = null;
            }
        }
        Duration late = Duration.between(f.slot(), f.firedAt());
        String firedAt = ScheduleFormat.shortTime(f.firedAt(), zone)
                + (late.compareTo(Duration.ofSeconds(1)) < 0 ? "" : " (" + JobFormat.duration(late) + " late)");
        return new FireRow(ScheduleFormat.shortTime(f.slot(), zone) + " " + zone.getId(), firedAt, f.firedBy(),
                f.jobId() == null ? JobFormat.NONE : "#" + f.jobId(), state);
    }

    // ---- commands ----

    /** Opens the editor for a new schedule. */
    public void newSchedule() {
        openEditor(null);
    }

    /** Opens the editor on the selected schedule. */
    public void editSelected() {
        ScheduleRow row = selected.get();
        if (row != null) {
            openEditor(row.schedule());
        }
    }

    private void openEditor(Schedule schedule) {
        Session s = session;
        if (s == null || s.service == null) {
            return;
        }
        closeEditor();
        Set<String> taken = rows.stream().filter(r -> schedule == null || r.id() != schedule.id())
                .map(r -> r.nameProperty().get()).collect(Collectors.toSet());
        ScheduleEditorViewModel vm = new ScheduleEditorViewModel(s.connection, tasks, ticker, clock, schedule, taken);
        editorConnection = s.connection;
        editor.set(vm);
        vm.attach();
    }

    /** Back from the editor to the list, discarding what was not saved. */
    public void closeEditor() {
        ScheduleEditorViewModel vm = editor.get();
        if (vm != null) {
            vm.detach();
            editor.set(null);
        }
    }

    /** Saves the editor's schedule, then shows it selected in the list. */
    public void saveEditor() {
        ScheduleEditorViewModel vm = editor.get();
        if (vm == null) {
            return;
        }
        boolean created = !vm.editing();
        vm.save(saved -> {
            closeEditor();
            message.set((created ? "Created" : "Saved") + " schedule \u201c" + saved.definition().name() + "\u201d: "
                    + (saved.nextFireAt() == null ? "it is disabled." : "it next fires "
                    + ScheduleFormat.shortTime(saved.nextFireAt(), saved.definition().timeZone()) + " "
                    + saved.definition().timeZone().getId() + "."));
            afterCommand(saved);
        });
    }

    /** Enables the selected schedule if disabled, else disables it. */
    public void toggleSelected() {
        ScheduleRow row = selected.get();
        Session s = session;
        if (row == null || s == null || s.service == null) {
            return;
        }
        boolean enable = !row.enabledProperty().get();
        tasks.task((enable ? "Enabling " : "Disabling ") + row.nameProperty().get(),
                        p -> s.service.setScheduleEnabled(row.id(), enable))
                .onSuccess(saved -> {
                    message.set((enable ? "Enabled" : "Disabled") + " \u201c" + saved.definition().name() + "\u201d"
                            + (enable ? "; it next fires " + ScheduleFormat.shortTime(saved.nextFireAt(),
                            saved.definition().timeZone()) + ". Times that passed while it was disabled do not fire."
                            : "; it keeps its definition and history."));
                    afterCommand(saved);
                })
                .onFailure(this::failed)
                .start();
    }

    /** Submits the selected schedule's job now, outside its timetable. */
    public void runSelectedNow() {
        ScheduleRow row = selected.get();
        Session s = session;
        if (row == null || s == null || s.service == null) {
            return;
        }
        tasks.task("Running " + row.nameProperty().get() + " now", p -> s.service.runScheduleNow(row.id()))
                .onSuccess((Job job) -> {
                    message.set("Submitted job #" + job.id() + " from \u201c" + row.nameProperty().get()
                            + "\u201d. Run now does not move its next fire time; the Jobs screen shows the job.");
                    afterCommand(null);
                })
                .onFailure(this::failed)
                .start();
    }

    /** Deletes the selected schedule after the user confirms; the jobs it submitted stay. */
    public void deleteSelected() {
        ScheduleRow row = selected.get();
        Session s = session;
        if (row == null || s == null || s.service == null) {
            return;
        }
        String name = row.nameProperty().get();
        boolean go = dialogs.confirm(new Confirmation("Delete schedule", "Delete schedule \u201c" + name + "\u201d?",
                "It stops firing and its fire history is removed. Jobs it already submitted stay.",
                "Delete schedule", "Keep it", true));
        if (!go) {
            return;
        }
        tasks.task("Deleting schedule " + name, p -> {
            s.service.deleteSchedule(row.id());
            return null;
        }).onSuccess(x -> {
            message.set("Deleted schedule \u201c" + name + "\u201d.");
            selected.set(null);
            afterCommand(null);
        }).onFailure(this::failed).start();
    }

    private void afterCommand(Schedule select) {
        error.set("");
        Session s = session;
        if (s == null || s.service == null) {
            return;
        }
        tasks.task("Refreshing schedules", p -> load(s.service)).quiet()
                .onSuccess(loaded -> {
                    if (session == s) {
                        show(loaded);
                        if (select != null && byId.containsKey(select.id())) {
                            selected.set(byId.get(select.id()));
                        }
                        loadHistory();
                    }
                })
                .onFailure(this::failed)
                .start();
    }

    private void failed(Throwable e) {
        message.set("");
        error.set(Failures.message(e));
    }

    /** Hides the error banner. */
    public void dismissError() {
        error.set("");
    }

    /** Hides the message banner. */
    public void dismissMessage() {
        message.set("");
    }

    // ---- properties ----

    /** Schedules by name (the engine's order). */
    public ObservableList<ScheduleRow> rows() {
        return rowsView;
    }

    /** The selected schedule (the view keeps it in step with the table). */
    public ObjectProperty<ScheduleRow> selectedProperty() {
        return selected;
    }

    /** The selected schedule's fires, newest first. */
    public ObservableList<FireRow> history() {
        return historyView;
    }

    public ReadOnlyStringProperty historyTitleProperty() {
        return historyTitle.getReadOnlyProperty();
    }

    /** What the empty history says. */
    public ReadOnlyStringProperty historyPlaceholderProperty() {
        return historyPlaceholder.getReadOnlyProperty();
    }

    /** What the empty list says, including what to do. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** An error to show in a banner, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The result of the last command, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** {@code 3 schedules · 2 enabled · 1 disabled}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Enable" or "Disable", for the selected schedule. */
    public ReadOnlyStringProperty toggleTextProperty() {
        return toggleText.getReadOnlyProperty();
    }

    /** Whether the service answered (creating needs it). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Whether a schedule is selected and the service answered. */
    public ReadOnlyBooleanProperty canActProperty() {
        return canAct.getReadOnlyProperty();
    }

    /** The open editor, or null while the list is shown. */
    public ReadOnlyObjectProperty<ScheduleEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }
}
