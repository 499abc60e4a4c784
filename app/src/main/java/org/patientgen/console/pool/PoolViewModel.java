package org.patientgen.console.pool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolChangePlan;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.PoolStatus;

/**
 * The pool screen: the active connection's pool settings in an editable {@link PoolForm}, checked by
 * the engine as the user types ({@link PoolDraftCheck}), compared with what the pool runs, applied
 * with a reason (asking first when a change needs a pool restart), restarted, and rolled back to an
 * earlier revision; a recommended size ({@link PoolSizing}); live usage for the charts
 * ({@link PoolUsageFeed}). UI thread only; every service call runs through {@link BackgroundTasks}.
 *
 * <p>One {@link #TICK} drives the debounce of the checks, applies events, and every
 * {@link #CHART_TICKS} ticks publishes the charts' samples. A change by someone else (a CONFIG event
 * about the pool) re-reads the status; the form follows it only while the user has not edited it.
 */
public final class PoolViewModel {
    /** The screen's tick: the debounce's unit. */
    static final Duration TICK = Duration.ofMillis(100);
    /** Ticks between chart updates (the engine samples once a second). */
    static final int CHART_TICKS = 10;
    /** How much usage history the charts start with. */
    static final Duration CHART_WINDOW = Duration.ofMinutes(3);

    private final ObservableValue<Connection> connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Dialogs dialogs;
    private final Freshness freshness;
    private final Clock clock;

    private final PoolForm form = new PoolForm(this::edited);
    private final PoolDraftCheck check;
    private final DeployViewModel deploy;
    private final ReadOnlyObjectWrapper<PoolStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<RevisionRow<PoolSettingsRevision>> history = FXCollections.observableArrayList();
    private final ObservableList<RevisionRow<PoolSettingsRevision>> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending", "");
    private final ReadOnlyStringWrapper restartNote = new ReadOnlyStringWrapper(this, "restartNote", "");
    private final ReadOnlyStringWrapper applyHint = new ReadOnlyStringWrapper(this, "applyHint", "");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final IntegerProperty spindles = new SimpleIntegerProperty(this, "spindles", PoolSizing.DEFAULT_SPINDLES);
    private final IntegerProperty nodes = new SimpleIntegerProperty(this, "nodes", 1);
    private final ReadOnlyObjectWrapper<PoolSizing> sizing = new ReadOnlyObjectWrapper<>(this, "sizing");
    private final ReadOnlyObjectWrapper<List<PoolUsageSample>> usage =
            new ReadOnlyObjectWrapper<>(this, "usage", List.of());
    private final ReadOnlyStringWrapper usageSummary = new ReadOnlyStringWrapper(this, "usageSummary", "");
    private final ChangeListener<Connection> reconnect = (obs, old, now) -> connect();

    private Session session;
    /** The connection whose settings the form holds (edits survive hiding the screen, not a switch). */
    private Connection formConnection;
    private Cancellable tick = Cancellable.NONE;
    private long ticks;

    public PoolViewModel(ObservableValue<Connection> connection, BackgroundTasks tasks, Ticker ticker, Dialogs dialogs,
                         Freshness freshness, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.check = new PoolDraftCheck(form, tasks);
        this.deploy = new DeployViewModel(tasks, dialogs, clock, () -> form.read().settings(), this::editsDeployed);
        check.stateProperty().addListener(o -> refreshApply());
        reason.addListener(o -> refreshApply());
        busy.addListener(o -> refreshApply());
        spindles.addListener(o -> refreshSizing());
        nodes.addListener(o -> refreshSizing());
    }

    // ---- lifecycle ----

    /** The screen is shown: read the pool, subscribe to metrics and changes, start ticking. */
    public void attach() {
        connection.addListener(reconnect);
        connect();
        tick = ticker.every(TICK, this::onTick);
    }

    /** The screen is hidden: release the subscription and the tick (the edits are kept). */
    public void detach() {
        connection.removeListener(reconnect);
        tick.cancel();
        tick = Cancellable.NONE;
        endSession();
    }

    private void connect() {
        endSession();
        Connection c = connection.getValue();
        Session s = new Session(c);
        session = s;
        connected.set(false);
        error.set("");
        result.set("");
        headline.set("Reading the pool of " + c.name() + "…");
        usage.set(List.of());
        usageSummary.set("Waiting for " + c.name() + "'s metrics (a snapshot a second)…");
        s.loading = tasks.task("Reading the pool of " + c.name(), p -> {
            PatientGenService service = c.service();
            Subscription sub = service.subscribe(Set.of(EventTopic.METRICS, EventTopic.CONFIG), s.feed);
            try {
                return new Loaded(service, sub, service.pool(), service.poolHistory(),
                        service.metricsHistory(CHART_WINDOW));
            } catch (RuntimeException e) {
                sub.close();
                throw e;
            }
        }).onSuccess(l -> {
            if (session != s) {
                ServiceSession.closeInBackground(tasks, c, l.subscription());
                return;
            }
            s.service = l.service();
            s.subscription = l.subscription();
            s.feed.seed(l.usage());
            connected.set(true);
            boolean keepEdits = c == formConnection && edited.get();
            formConnection = c;
            show(l.status(), l.history(), !keepEdits);
            deploy.connected(l.service());
            publishUsage(s);
        }).onFailure(e -> {
            if (session == s) {
                headline.set(c.name() + " is not reachable");
                error.set("Cannot read the pool of " + c.name() + ": " + Failures.message(e));
            }
        }).start();
    }

    /** Reconnects and reads everything again; edits are kept (see {@link #discardEdits()}). */
    public void reload() {
        connect();
    }

    private void endSession() {
        Session old = session;
        session = null;
        deploy.disconnected();
        if (old != null) {
            old.loading.cancel();
            ServiceSession.closeInBackground(tasks, old.connection, old.subscription);
        }
    }



    private void onTick() {
        Session s = session;
        if (s == null || s.service == null) {
            return;
        }
        check.tick(s.service);
        deploy.tick();
        if (s.feed.takeConfigChanged()) {
            refreshStatus(s);
            deploy.changed();
        }
        if (++ticks % CHART_TICKS == 0) {
            publishUsage(s);
        }
    }

    /** Publishes what the feed received (called by the tick; tests call it directly). */
    void publishUsage() {
        if (session != null) {
            publishUsage(session);
        }
    }

    private void publishUsage(Session s) {
        if (!s.feed.drain() && !usage.get().isEmpty()) {
            return;
        }
        List<PoolUsageSample> samples = s.feed.samples();
        usage.set(samples);
        if (!samples.isEmpty()) {
            PoolUsageSample last = samples.get(samples.size() - 1);
            usageSummary.set(PoolFormat.usage(last));
            freshness.updated(clock.instant());
        }
    }

    private void refreshStatus(Session s) {
        tasks.task("Reading the pool of " + s.connection.name(),
                p -> new Loaded(s.service, null, s.service.pool(), s.service.poolHistory(), List.of())).quiet()
                .onSuccess(l -> {
                    if (session == s) {
                        show(l.status(), l.history(), !edited.get());
                    }
                })
                .start();
    }

    /** Shows a new status and history; {@code loadForm} replaces the form's values with the latest settings. */
    private void show(PoolStatus now, List<PoolSettingsRevision> revisions, boolean loadForm) {
        status.set(now);
        history.setAll(PoolHistory.rows(revisions));
        headline.set(PoolMessages.headline(now));
        pending.set(PoolMessages.pending(now));
        if (loadForm) {
            form.load(now.desired());
            edited.set(false);
            check.replaced();
        }
        form.baseline(now.running(), now.desired());
        refreshSizing();
        refreshApply();
        deploy.poolEdited();
        freshness.updated(clock.instant());
    }

    // ---- editing ----

    private void edited() {
        edited.set(true);
        result.set("");
        check.edited();
        refreshApply();
        deploy.poolEdited();
    }

    /** The Deploy tab applied the form's pool settings: they are the latest settings now. */
    private void editsDeployed() {
        edited.set(false);
        Session s = session;
        if (s != null && s.service != null) {
            refreshStatus(s);
        }
    }

    /** Puts the latest applied settings back into the form. */
    public void discardEdits() {
        PoolStatus s = status.get();
        if (s != null) {
            form.load(s.desired());
            form.baseline(s.running(), s.desired());
            edited.set(false);
            check.replaced();
            refreshApply();
            deploy.poolEdited();
        }
    }

    private void refreshSizing() {
        PoolStatus s = status.get();
        sizing.set(s == null ? null : PoolSizing.of(s, Math.max(0, spindles.get()), Math.max(1, nodes.get())));
    }

    /** Sets the recommended maximum pool size and minimum idle in the form. */
    public void useRecommended() {
        PoolSizing r = sizing.get();
        if (r != null) {
            form.field(PoolField.MAXIMUM_POOL_SIZE).textProperty().set(Integer.toString(r.maximumPoolSize()));
            form.field(PoolField.MINIMUM_IDLE).textProperty().set(Integer.toString(r.minimumIdle()));
        }
    }

    /** Whether Apply can go ahead, why not, and which new changes would need a restart. */
    private void refreshApply() {
        PoolStatus s = status.get();
        PoolSettings next = s == null ? null : form.read().settings();
        List<String> newRestart = next == null ? List.of() : newRestartChanges(s, next);
        restartNote.set(newRestart.isEmpty() ? "" : "Needs a pool restart: " + PoolMessages.names(newRestart)
                + ". Applying asks you to confirm; the running pool keeps the old value until it restarts.");
        String hint;
        if (s == null) {
            hint = "Waiting for the engine.";
        } else if (busy.get()) {
            hint = "Working…";
        } else if (check.stateProperty().get() == PoolDraftCheck.State.CHECKING) {
            hint = "Checking the settings…";
        } else if (!check.problems().isEmpty()) {
            int n = check.problems().size();
            hint = "Fix " + (n == 1 ? "the problem" : "the " + n + " problems") + " first.";
        } else if (next == null || next.equals(s.desired())) {
            hint = "Change a setting to apply it.";
        } else if (reason.get().isBlank()) {
            hint = "Say why you change it (kept in the history).";
        } else {
            hint = "";
        }
        applyHint.set(hint);
        canApply.set(hint.isEmpty() && check.stateProperty().get() == PoolDraftCheck.State.VALID);
    }

    /** Properties that the draft changes (from the latest revision) and that would wait for a restart. */
    private static List<String> newRestartChanges(PoolStatus s, PoolSettings next) {
        List<String> restart = PoolChangePlan.of(s.running(), next).restart();
        return restart.stream().filter(name -> {
            var p = org.patientgen.engine.api.PoolProperty.named(name);
            return !Objects.equals(p.valueIn(next), p.valueIn(s.desired()));
        }).toList();
    }

    // ---- commands ----

    /**
     * Applies the form's settings with the reason; when a change needs a pool restart, asks first.
     * Afterwards {@link #resultProperty()} says what went live and what awaits the restart.
     */
    public void apply() {
        Session s = session;
        PoolStatus now = status.get();
        PoolSettings next = form.read().settings();
        if (!canApply.get() || s == null || now == null || next == null) {
            return;
        }
        List<String> newRestart = newRestartChanges(now, next);
        if (!newRestart.isEmpty()
                && !dialogs.confirm(PoolMessages.applyNeedsRestart(PoolChangePlan.of(now.running(), next), newRestart))) {
            return;
        }
        String why = reason.get().strip();
        change(s, "Applying pool settings", svc -> svc.applyPool(next, why), false);
    }

    /** Restarts the pool (after asking) so that settings waiting for it take effect. */
    public void restartPool() {
        Session s = session;
        PoolStatus now = status.get();
        if (s == null || s.service == null || now == null || busy.get() || !dialogs.confirm(PoolMessages.restart(now))) {
            return;
        }
        String why = reason.get().isBlank() ? "restart so that pending settings take effect" : reason.get().strip();
        List<String> waiting = now.pendingRestart();
        busy.set(true);
        error.set("");
        tasks.task("Restarting the pool", p -> {
            PoolStatus after = s.service.restartPool(why);
            return new Loaded(s.service, null, after, s.service.poolHistory(), List.of());
        }).onSuccess(l -> {
            busy.set(false);
            if (session == s) {
                reason.set("");
                result.set(PoolMessages.restarted(waiting));
                show(l.status(), l.history(), !edited.get());
            }
        }).onFailure(this::failed).start();
    }

    /** Rolls back to {@code revision}'s settings (after asking), as a new revision; the form shows them. */
    public void rollback(PoolSettingsRevision revision) {
        Session s = session;
        PoolStatus now = status.get();
        if (revision == null || s == null || s.service == null || now == null || busy.get()) {
            return;
        }
        if (!dialogs.confirm(PoolMessages.rollback(revision.revision(), now.desired(), revision.settings(),
                now.running()))) {
            return;
        }
        String why = reason.get().isBlank() ? "roll back to revision " + revision.revision() : reason.get().strip();
        change(s, "Rolling back the pool to revision " + revision.revision(),
                svc -> svc.rollbackPool(revision.revision(), why), true);
    }

    private void change(Session s, String title, java.util.function.Function<PatientGenService, PoolChange> call,
                        boolean loadForm) {
        busy.set(true);
        error.set("");
        tasks.task(title, p -> {
            PoolChange change = call.apply(s.service);
            return new Changed(change, s.service.pool(), s.service.poolHistory());
        }).onSuccess(c -> {
            busy.set(false);
            if (session == s) {
                reason.set("");
                show(c.status(), c.history(), loadForm);
                if (!loadForm) {
                    edited.set(false);
                }
                result.set(PoolMessages.applied(c.change()));
            }
        }).onFailure(this::failed).start();
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof PatientGenException p && !p.problems().isEmpty()) {
            form.engineProblems(p.problems());
        }
        error.set(Failures.message(e));
    }

    /** Hides the error banner. */
    public void dismissError() {
        error.set("");
    }

    /** Hides the result banner. */
    public void dismissResult() {
        result.set("");
    }

    // ---- properties ----

    public PoolForm form() {
        return form;
    }

    /** The Deploy tab. */
    public DeployViewModel deploy() {
        return deploy;
    }

    /** The pool as last read, or {@code null} before. */
    public ReadOnlyObjectProperty<PoolStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Applied revisions, newest first. */
    public ObservableList<RevisionRow<PoolSettingsRevision>> history() {
        return historyView;
    }

    /** Database, cores, limits and revision in one line. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last apply, rollback or restart did; empty when there is nothing to report. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Applied settings waiting for a pool restart, in a sentence; empty when none. */
    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Which of the draft's changes would need a pool restart, before applying; empty when none. */
    public ReadOnlyStringProperty restartNoteProperty() {
        return restartNote.getReadOnlyProperty();
    }

    /** Why Apply is not possible now; empty when it is. */
    public ReadOnlyStringProperty applyHintProperty() {
        return applyHint.getReadOnlyProperty();
    }

    /** Every problem of the draft, in field order. */
    public ObservableList<String> problems() {
        return check.problems();
    }

    /** Whether the engine is checking the draft (typed since the last check). */
    public BooleanBinding checkingProperty() {
        return Bindings.equal(check.stateProperty(), PoolDraftCheck.State.CHECKING);
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Whether an apply, restart or rollback is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the user changed the form since it was loaded. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Why the change is made; required to apply. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The effective spindle count the recommendation assumes. */
    public IntegerProperty spindlesProperty() {
        return spindles;
    }

    /** Engine nodes sharing the database, for the recommendation. */
    public IntegerProperty nodesProperty() {
        return nodes;
    }

    /** The recommended size, or {@code null} before the pool was read. */
    public ReadOnlyObjectProperty<PoolSizing> sizingProperty() {
        return sizing.getReadOnlyProperty();
    }

    /** Recent pool usage, oldest first (an immutable list, replaced about once a second). */
    public ReadOnlyObjectProperty<List<PoolUsageSample>> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** The latest usage in words. */
    public ReadOnlyStringProperty usageSummaryProperty() {
        return usageSummary.getReadOnlyProperty();
    }

    private record Loaded(PatientGenService service, Subscription subscription, PoolStatus status,
                          List<PoolSettingsRevision> history, List<MetricsSnapshot> usage) {
    }

    private record Changed(PoolChange change, PoolStatus status, List<PoolSettingsRevision> history) {
    }

    /** One connection while attached. UI thread, except {@link #feed}. */
    private static final class Session {
        final Connection connection;
        final PoolUsageFeed feed = new PoolUsageFeed();
        PatientGenService service;
        Subscription subscription;
        Cancellable loading = Cancellable.NONE;

        Session(Connection connection) {
            this.connection = connection;
        }
    }
}
