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
import org.patientgen.console.screen.Banners;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
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
    private final Banners banners = new Banners();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper toggleText = new ReadOnlyStringWrapper(this, "toggleText", "Disable");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper canAct = new ReadOnlyBooleanWrapper(this, "canAct");
    private final ReadOnlyObjectWrapper<ScheduleEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ChangeListener<Connection> reconnect = (obs, old, now) -> connect();

    /** The active connection's session while the screen is shown, else null. */
    private ServiceSession session;
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

    /** Whether something may have changed: set by the service's event thread, read by the tick. */
    private final AtomicBoolean dirty = new AtomicBoolean();

    private void onEvent(EngineEvent event) {
        if (event instanceof ConfigChanged c && "schedule".equals(c.targetType())
                || event instanceof JobStateChanged j && j.transition().from() == null) {
            dirty.set(true);
        }
    }

    private record Loaded(List<Schedule> schedules, Map<Long, List<ScheduleFire>> fires) {
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
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void connect() {
        endSession();
        Connection c = connection.getValue();
        if (editor.get() != null && editorConnection != c) {
            // An editor describes a schedule of the connection it was opened on.
            closeEditor();
        }
        rows.clear();
        byId.clear();
        history.clear();
        connected.set(false);
        banners.dismissError();
        placeholder.set("Loading schedules from " + c.name() + "…");
        session = new ServiceSession(c, tasks);
        session.open("Loading schedules from " + c.name(), Set.of(EventTopic.CONFIG, EventTopic.JOBS), this::onEvent,
                SchedulesViewModel::load, loaded -> {
                    connected.set(true);
                    show(loaded);
                }, e -> {
                    banners.error("Cannot load schedules from " + c.name() + ": " + Failures.message(e));
                    placeholder.set("No schedules to show: " + c.name() + " is not reachable. Press Reload to try"
                            + " again.");
                });
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
        if (session == null || !session.ready()) {
            return;
        }
        Instant now = clock.instant();
        boolean passed = rows.stream().anyMatch(r -> r.nextFireAt() != null && !r.nextFireAt().isAfter(now));
        if (dirty.getAndSet(false) || passed || fullRefresh) {
            refresh();
        }
        rows.forEach(r -> r.retime(now));
    }

    /** Reads the list again, quietly. */
    void refresh() {
        if (session != null) {
            session.read("Refreshing schedules", SchedulesViewModel::load, this::show);
        }
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
        if (banners.errorProperty().get().isEmpty()) {
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
        ServiceSession s = session;
        if (row == null || s == null || !s.ready()) {
            history.clear();
            historyPlaceholder.set(SELECT_FOR_HISTORY);
            return;
        }
        ZoneId zone = row.schedule().definition().timeZone();
        long id = row.id();
        historyPlaceholder.set("Loading…");
        historyLoad = tasks.task("Reading the fire history of " + row.nameProperty().get(), p -> {
            PatientGenService service = s.connection().service();
            List<FireRow> result = new ArrayList<>();
            for (ScheduleFire f : service.scheduleFires(id, HISTORY)) {
                result.add(fireRow(service, f, zone));
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
        ServiceSession s = session;
        if (s == null || !s.ready()) {
            return;
        }
        closeEditor();
        Set<String> taken = rows.stream().filter(r -> schedule == null || r.id() != schedule.id())
                .map(r -> r.nameProperty().get()).collect(Collectors.toSet());
        ScheduleEditorViewModel vm = new ScheduleEditorViewModel(s.connection(), tasks, ticker, clock, schedule, taken);
        editorConnection = s.connection();
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
            banners.message((created ? "Created" : "Saved") + " schedule \u201c" + saved.definition().name() + "\u201d: "
                    + (saved.nextFireAt() == null ? "it is disabled." : "it next fires "
                    + ScheduleFormat.shortTime(saved.nextFireAt(), saved.definition().timeZone()) + " "
                    + saved.definition().timeZone().getId() + "."));
            afterCommand(saved);
        });
    }

    /** Enables the selected schedule if disabled, else disables it. */
    public void toggleSelected() {
        ScheduleRow row = selected.get();
        if (row == null || session == null) {
            return;
        }
        boolean enable = !row.enabledProperty().get();
        session.call((enable ? "Enabling " : "Disabling ") + row.nameProperty().get(),
                service -> service.setScheduleEnabled(row.id(), enable), saved -> {
                    banners.message((enable ? "Enabled" : "Disabled") + " \u201c" + saved.definition().name() + "\u201d"
                            + (enable ? "; it next fires " + ScheduleFormat.shortTime(saved.nextFireAt(),
                            saved.definition().timeZone()) + ". Times that passed while it was disabled do not fire."
                            : "; it keeps its definition and history."));
                    afterCommand(saved);
                }, this::failed);
    }

    /** Submits the selected schedule's job now, outside its timetable. */
    public void runSelectedNow() {
        ScheduleRow row = selected.get();
        if (row == null || session == null) {
            return;
        }
        session.call("Running " + row.nameProperty().get() + " now", service -> service.runScheduleNow(row.id()),
                (Job job) -> {
                    banners.message("Submitted job #" + job.id() + " from \u201c" + row.nameProperty().get()
                            + "\u201d. Run now does not move its next fire time; the Jobs screen shows the job.");
                    afterCommand(null);
                }, this::failed);
    }

    /** Deletes the selected schedule after the user confirms; the jobs it submitted stay. */
    public void deleteSelected() {
        ScheduleRow row = selected.get();
        if (row == null || session == null || !session.ready()) {
            return;
        }
        String name = row.nameProperty().get();
        boolean go = dialogs.confirm(new Confirmation("Delete schedule", "Delete schedule \u201c" + name + "\u201d?",
                "It stops firing and its fire history is removed. Jobs it already submitted stay.",
                "Delete schedule", "Keep it", true));
        if (!go) {
            return;
        }
        session.call("Deleting schedule " + name, service -> {
            service.deleteSchedule(row.id());
            return row;
        }, deleted -> {
            banners.message("Deleted schedule \u201c" + name + "\u201d.");
            selected.set(null);
            afterCommand(null);
        }, this::failed);
    }

    /** After a command: reads the list again at once (selecting {@code select}, if given). */
    private void afterCommand(Schedule select) {
        banners.dismissError();
        if (session == null) {
            return;
        }
        session.call("Refreshing schedules", SchedulesViewModel::load, loaded -> {
            show(loaded);
            if (select != null && byId.containsKey(select.id())) {
                selected.set(byId.get(select.id()));
            }
            loadHistory();
        }, this::failed);
    }

    private void failed(Throwable e) {
        banners.failed(e);
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

    /** The error and message banners. */
    public Banners banners() {
        return banners;
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
