package org.patientgen.console.workflows;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.dialog.Dialogs.Confirmation;
import org.patientgen.console.screen.Banners;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.console.workflows.WorkflowDiagram.EdgeInfo;
import org.patientgen.console.workflows.WorkflowDiagram.NodeInfo;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowJob;

/**
 * The workflows screen: recent workflows, the one being watched with live job states, and the
 * editor of a new one. UI thread only; service calls run through {@link BackgroundTasks}.
 *
 * <p><b>Live states.</b> Job state events are collected on the service's thread (job ids only) and
 * looked at on a UI tick every {@link #TICK}: if any arrived, the watched workflow and the recent
 * list are read again, in one background call at a time. So a burst of events costs one read, and
 * a quiet engine costs none (plus a full read every {@link #FULL_REFRESH}, which also repairs what a
 * dropped event missed).
 */
public final class WorkflowsViewModel {
    /** How often collected events are looked at. */
    static final Duration TICK = Duration.ofMillis(250);
    /** How often everything is read again regardless of events. */
    static final Duration FULL_REFRESH = Duration.ofSeconds(30);
    /** Workflows in the recent list. */
    static final int RECENT = 50;

    private final ObservableValue<Connection> connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Dialogs dialogs;
    private final Freshness freshness;
    private final Clock clock;

    private final ObservableList<WorkflowItem> recent = FXCollections.observableArrayList();
    private final ObservableList<WorkflowItem> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyObjectWrapper<WorkflowEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyObjectWrapper<Workflow> watched = new ReadOnlyObjectWrapper<>(this, "watched");
    private final ReadOnlyObjectWrapper<Selection> watchSelection = new ReadOnlyObjectWrapper<>(this,
            "watchSelection", Selection.NONE);
    private final ReadOnlyObjectWrapper<WorkflowDiagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram",
            WorkflowDiagram.EMPTY);
    private final ReadOnlyStringWrapper watchTitle = new ReadOnlyStringWrapper(this, "watchTitle", "");
    private final ReadOnlyObjectWrapper<JobState> watchState = new ReadOnlyObjectWrapper<>(
            this, "watchState");
    private final ReadOnlyStringWrapper watchDetail = new ReadOnlyStringWrapper(this, "watchDetail", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final Banners banners = new Banners();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ChangeListener<Connection> reconnect = (obs, old, now) -> connect();
    private final ChangeListener<WorkflowDiagram> editorDiagram = (obs, old, now) -> diagram.set(now);

    /** The active connection's session while the screen is shown, else null. */
    private ServiceSession session;
    private Cancellable tick = Cancellable.NONE;
    private long ticks;
    /** The connection whose draft or workflow is shown. */
    private Connection shownConnection;

    public WorkflowsViewModel(ObservableValue<Connection> connection, BackgroundTasks tasks, Ticker ticker,
                              Dialogs dialogs, Freshness freshness, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Job ids whose state changed since the last tick; written by the service's event thread. Guarded by itself. */
    private final Set<Long> changed = new HashSet<>();

    private void onEvent(EngineEvent event) {
        if (event instanceof JobStateChanged c) {
            synchronized (changed) {
                changed.add(c.transition().jobId());
            }
        }
    }

    private boolean anyChanged() {
        synchronized (changed) {
            boolean any = !changed.isEmpty();
            changed.clear();
            return any;
        }
    }

    private record Loaded(List<Workflow> recent, Workflow watched) {
    }

    // ---- lifecycle ----

    /** The screen is shown: connect, subscribe, and follow the watched workflow. */
    public void attach() {
        connection.addListener(reconnect);
        connect();
        long perRefresh = FULL_REFRESH.toMillis() / TICK.toMillis();
        tick = ticker.every(TICK, () -> onTick(++ticks % perRefresh == 0));
    }

    /** The screen is hidden: release the subscription and the tick. */
    public void detach() {
        connection.removeListener(reconnect);
        tick.cancel();
        tick = Cancellable.NONE;
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
        if (c != shownConnection) {
            // A draft's job templates and a watched workflow belong to the connection they came from.
            closeEditor();
            watch(null);
            shownConnection = c;
        }
        connected.set(false);
        banners.dismissError();
        recent.clear();
        placeholder.set("Loading workflows from " + c.name() + "…");
        session = new ServiceSession(c, tasks);
        session.open("Loading workflows from " + c.name(), Set.of(EventTopic.JOBS), this::onEvent,
                service -> service.workflows(RECENT), list -> {
                    connected.set(true);
                    showRecent(list);
                    if (watched.get() != null) {
                        refresh();
                    }
                }, e -> {
                    banners.error("Cannot load workflows from " + c.name() + ": " + Failures.message(e));
                    placeholder.set(c.name() + " is not reachable. Press Reload to try again.");
                });
    }

    /** Reconnects and reads everything again. */
    public void reload() {
        connect();
    }

    private void onTick(boolean full) {
        if (anyChanged() || full) {
            refresh();
        }
    }

    /** Reads the recent list and the watched workflow again, quietly, one read at a time. */
    private void refresh() {
        if (session == null) {
            return;
        }
        Workflow w = watched.get();
        Long watchedId = w == null ? null : w.id();
        session.read("Refreshing workflows", service -> new Loaded(service.workflows(RECENT),
                watchedId == null ? null : service.workflow(watchedId)), loaded -> {
                    showRecent(loaded.recent());
                    Workflow current = watched.get();
                    if (loaded.watched() != null && current != null && current.id() == loaded.watched().id()) {
                        watch(loaded.watched());
                    }
                });
    }

    private void showRecent(List<Workflow> workflows) {
        List<WorkflowItem> items = workflows.stream().map(WorkflowItem::of).toList();
        if (!items.equals(recent)) {
            recent.setAll(items);
        }
        freshness.updated(clock.instant());
        placeholder.set("No workflows yet.");
    }

    // ---- watching a submitted workflow ----

    /** Shows a submitted workflow (asks first if a draft would be discarded). */
    public void open(WorkflowItem item) {
        if (item == null || session == null || !session.ready()) {
            return;
        }
        Workflow current = watched.get();
        if (current != null && current.id() == item.id() && editor.get() == null) {
            return;
        }
        if (!discardDraft()) {
            return;
        }
        closeEditor();
        session.call("Reading workflow " + item.name(), service -> service.workflow(item.id()), w -> {
            banners.dismissMessage();
            watch(w);
        }, this::failed);
    }

    private void watch(Workflow w) {
        Workflow before = watched.get();
        watched.set(w);
        if (w == null) {
            watchSelection.set(Selection.NONE);
            watchTitle.set("");
            watchState.set(null);
            canCancel.set(false);
            if (editor.get() == null) {
                diagram.set(WorkflowDiagram.EMPTY);
            }
            watchDetail.set("");
            return;
        }
        if (before == null || before.id() != w.id()) {
            watchSelection.set(Selection.NONE);
        }
        watchTitle.set(w.name() + "  #" + w.id());
        watchState.set(WorkflowFormat.overall(w));
        canCancel.set(!w.finished());
        redrawWatched();
        freshness.updated(clock.instant());
    }

    private void redrawWatched() {
        Workflow w = watched.get();
        if (w == null || editor.get() != null) {
            return;
        }
        List<NodeInfo> nodes = new ArrayList<>();
        for (WorkflowJob j : w.jobs()) {
            nodes.add(new NodeInfo(j.node(), "job #" + j.jobId() + " \u00b7 " + WorkflowFormat.state(j.state()),
                    j.state(), false));
        }
        List<EdgeInfo> edges = new ArrayList<>();
        for (WorkflowEdge e : w.edges()) {
            edges.add(new EdgeInfo(new Dependency(e.upstream(), e.downstream()), e.onUpstreamFailure()));
        }
        diagram.set(WorkflowDiagram.of(nodes, edges, WorkflowCycles.NONE, watchSelection.get()));
        watchDetail.set(detail(w, watchSelection.get()));
    }

    private static String detail(Workflow w, Selection s) {
        if (s.node() != null) {
            for (WorkflowJob j : w.jobs()) {
                if (j.node().equals(s.node())) {
                    List<String> waitsFor = w.edges().stream().filter(e -> e.downstream().equals(j.node()))
                            .map(e -> e.upstream() + (e.onUpstreamFailure() == OnUpstreamFailure.RUN
                                    ? " (runs anyway)" : "")).toList();
                    return j.node() + ": job #" + j.jobId() + ", " + WorkflowFormat.state(j.state())
                            + (waitsFor.isEmpty() ? "; it starts at once." : "; it waits for " + String.join(", ", waitsFor) + ".")
                            + " The Jobs screen shows its shards and output.";
                }
            }
        }
        if (s.edge() != null) {
            for (WorkflowEdge e : w.edges()) {
                if (e.upstream().equals(s.edge().upstream()) && e.downstream().equals(s.edge().downstream())) {
                    return e.upstream() + " \u2192 " + e.downstream() + ": " + WorkflowFormat.policyExplanation(
                            e.onUpstreamFailure(), e.upstream(), e.downstream());
                }
            }
        }
        return "Colours show each job's state as it runs. Select a node for its job, or an edge for its policy.";
    }

    /** Selects a node or an edge of the watched workflow. */
    public void selectWatched(Selection s) {
        watchSelection.set(s == null ? Selection.NONE : s);
        redrawWatched();
    }

    /** Cancels the watched workflow's unfinished jobs, after the user confirms. */
    public void cancelWatched() {
        Workflow w = watched.get();
        if (w == null || session == null || !session.ready()) {
            return;
        }
        boolean go = dialogs.confirm(new Confirmation("Cancel workflow", "Cancel workflow \u201c" + w.name() + "\u201d?",
                "Its waiting, queued and running jobs are cancelled. Jobs that already ended keep their output.",
                "Cancel workflow", "Keep it running", true));
        if (!go) {
            return;
        }
        session.call("Cancelling workflow " + w.name(), service -> service.cancelWorkflow(w.id(),
                "cancelled in the console"), cancelled -> {
                    banners.message("Cancelled workflow \u201c" + w.name() + "\u201d: " + WorkflowFormat.progress(cancelled)
                            + ".");
                    watch(cancelled);
                    refresh();
                }, this::failed);
    }

    // ---- drafting ----

    /** Starts a new workflow draft (asks first if one with nodes would be discarded). */
    public void newDraft() {
        if (session == null || !session.ready() || !discardDraft()) {
            return;
        }
        closeEditor();
        WorkflowEditorViewModel vm = new WorkflowEditorViewModel(session.connection(), tasks, clock);
        banners.dismissMessage();
        editor.set(vm);
        vm.diagramProperty().addListener(editorDiagram);
        diagram.set(vm.diagramProperty().get());
    }

    private boolean discardDraft() {
        WorkflowEditorViewModel vm = editor.get();
        if (vm == null || vm.nodes().isEmpty()) {
            return true;
        }
        return dialogs.confirm(new Confirmation("Discard draft", "Discard the workflow draft?",
                "Its " + vm.nodes().size() + (vm.nodes().size() == 1 ? " node and its" : " nodes and their")
                        + " edges are lost; nothing was submitted.", "Discard draft", "Keep editing", true));
    }

    /** Leaves the editor without submitting; the watched workflow (if any) shows again. */
    public void closeEditor() {
        WorkflowEditorViewModel vm = editor.get();
        if (vm != null) {
            vm.diagramProperty().removeListener(editorDiagram);
            editor.set(null);
            diagram.set(WorkflowDiagram.EMPTY);
            redrawWatched();
        }
    }

    /** Leaves the draft, asking first if it has nodes. */
    public void discard() {
        if (discardDraft()) {
            closeEditor();
        }
    }

    /** Submits the draft; on success watches the new workflow. */
    public void submitDraft() {
        WorkflowEditorViewModel vm = editor.get();
        if (vm == null) {
            return;
        }
        vm.submit(w -> {
            if (editor.get() != vm) {
                return;
            }
            closeEditor();
            banners.message("Submitted workflow \u201c" + w.name() + "\u201d (#" + w.id() + ") with " + w.jobs().size()
                    + (w.jobs().size() == 1 ? " job" : " jobs") + ". Its jobs are coloured by state as they run.");
            watch(w);
            refresh();
        });
    }

    private void failed(Throwable e) {
        banners.failed(e);
    }

    // ---- properties ----

    /** The most recent workflows, newest first. */
    public ObservableList<WorkflowItem> recent() {
        return recentView;
    }

    /** The draft being edited, or null. */
    public ReadOnlyObjectProperty<WorkflowEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    /** The submitted workflow being watched, or null. */
    public ReadOnlyObjectProperty<Workflow> watchedProperty() {
        return watched.getReadOnlyProperty();
    }

    /** What the canvas draws: the draft while editing, else the watched workflow. */
    public ReadOnlyObjectProperty<WorkflowDiagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    /** What is selected in the watched workflow. */
    public ReadOnlyObjectProperty<Selection> watchSelectionProperty() {
        return watchSelection.getReadOnlyProperty();
    }

    /** The watched workflow's name and id. */
    public ReadOnlyStringProperty watchTitleProperty() {
        return watchTitle.getReadOnlyProperty();
    }

    /** The watched workflow's overall state. */
    public ReadOnlyObjectProperty<JobState> watchStateProperty() {
        return watchState.getReadOnlyProperty();
    }

    /** About the selection in the watched workflow. */
    public ReadOnlyStringProperty watchDetailProperty() {
        return watchDetail.getReadOnlyProperty();
    }

    /** What the empty recent list says. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** The error and message banners. */
    public Banners banners() {
        return banners;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Whether the watched workflow has jobs left to cancel. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }
}
