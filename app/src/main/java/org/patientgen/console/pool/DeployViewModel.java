package org.patientgen.console.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.dialog.Dialogs.Confirmation;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Failures;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.RuntimeConfig;

/**
 * The Deploy tab: the whole runtime configuration (workers, API limits and, optionally, the pool
 * settings being edited) applied as one revision behind a <b>health gate</b> — the engine watches its
 * readiness for the bake time and restores the previous configuration if it degrades — with the
 * deployment's state followed ({@code BAKING → CONFIRMED} or {@code ROLLED_BACK}) by polling
 * {@link PatientGenService#deployment(long)} while it bakes, and the configuration history with
 * rollback. Part of the pool screen: {@link PoolViewModel} hands it the service and its ticks.
 * UI thread only.
 */
public final class DeployViewModel {
    /** Ticks between polls of a baking deployment (one second at the screen's tick). */
    static final int POLL_TICKS = 10;
    /** The bake time offered. */
    static final String DEFAULT_BAKE = "30 s";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BackgroundTasks tasks;
    private final Dialogs dialogs;
    private final Clock clock;
    /** The pool settings being edited on the Settings tab, when valid; {@code null} otherwise. */
    private final Supplier<PoolSettings> editedPool;
    private final Runnable onDeployed;

    private final ReadOnlyObjectWrapper<RuntimeConfig> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<RevisionRow<ConfigRevision>> history = FXCollections.observableArrayList();
    private final ObservableList<RevisionRow<ConfigRevision>> historyView = FXCollections.unmodifiableObservableList(history);
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "");
    private final StringProperty requestsPerMinute = new SimpleStringProperty(this, "requestsPerMinute", "");
    private final StringProperty maxBodyKiB = new SimpleStringProperty(this, "maxBodyKiB", "");
    private final StringProperty bakeTime = new SimpleStringProperty(this, "bakeTime", DEFAULT_BAKE);
    private final BooleanProperty includePool = new SimpleBooleanProperty(this, "includePool", true);
    private final BooleanProperty restartPool = new SimpleBooleanProperty(this, "restartPool", true);
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper workersError = new ReadOnlyStringWrapper(this, "workersError", "");
    private final ReadOnlyStringWrapper requestsError = new ReadOnlyStringWrapper(this, "requestsError", "");
    private final ReadOnlyStringWrapper bodyError = new ReadOnlyStringWrapper(this, "bodyError", "");
    private final ReadOnlyStringWrapper bakeError = new ReadOnlyStringWrapper(this, "bakeError", "");
    private final ReadOnlyStringWrapper poolSummary = new ReadOnlyStringWrapper(this, "poolSummary", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canDeploy = new ReadOnlyBooleanWrapper(this, "canDeploy");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<ConfigDeployment> deployment = new ReadOnlyObjectWrapper<>(this, "deployment");
    private final ReadOnlyStringWrapper deploymentText = new ReadOnlyStringWrapper(this, "deploymentText", "");

    private PatientGenService service;
    private boolean polling;
    private long ticks;

    /**
     * @param editedPool the pool settings of the Settings tab when they are valid, else {@code null}
     * @param onDeployed called after a deployment that included those settings (they are applied now)
     */
    DeployViewModel(BackgroundTasks tasks, Dialogs dialogs, Clock clock, Supplier<PoolSettings> editedPool,
                    Runnable onDeployed) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.editedPool = Objects.requireNonNull(editedPool, "editedPool");
        this.onDeployed = Objects.requireNonNull(onDeployed, "onDeployed");
        for (Observable o : List.<Observable>of(workers, requestsPerMinute, maxBodyKiB, bakeTime, includePool, reason,
                busy, current)) {
            o.addListener(x -> refresh());
        }
    }

    // ---- fed by the pool screen ----

    /** Connected: read the configuration and its history. */
    void connected(PatientGenService svc) {
        service = svc;
        deployment.set(null);
        deploymentText.set("");
        reload(true);
    }

    /** The connection went away. */
    void disconnected() {
        service = null;
        polling = false;
    }

    /** The configuration may have changed elsewhere: read it again, keeping what is typed. */
    void changed() {
        reload(false);
    }

    /** The screen's tick: polls a baking deployment about once a second. */
    void tick() {
        ConfigDeployment d = deployment.get();
        PatientGenService svc = service;
        if (svc == null || d == null || d.settled() || polling || ++ticks % POLL_TICKS != 0) {
            return;
        }
        polling = true;
        long revision = d.revision();
        tasks.task("Watching deployment " + revision, p -> svc.deployment(revision)).quiet()
                .onSuccess(now -> {
                    polling = false;
                    if (service == svc) {
                        showDeployment(now);
                        if (now.settled()) {
                            reload(false);
                        }
                    }
                })
                .onFailure(e -> polling = false)
                .start();
    }

    /** The Settings tab's edits changed: the pool line and whether deploying is possible may change. */
    void poolEdited() {
        refresh();
    }

    private void reload(boolean fillForm) {
        PatientGenService svc = service;
        if (svc == null) {
            return;
        }
        tasks.task("Reading the runtime configuration", p -> new Read(svc.config(), svc.configHistory())).quiet()
                .onSuccess(r -> {
                    if (service == svc) {
                        boolean untouched = current.get() == null || matches(current.get());
                        current.set(r.config());
                        history.setAll(ConfigHistory.rows(r.history()));
                        if (fillForm || untouched) {
                            fill(r.config());
                        }
                        refresh();
                    }
                })
                .onFailure(e -> error.set("Cannot read the runtime configuration: " + Failures.message(e)))
                .start();
    }

    private void fill(RuntimeConfig c) {
        workers.set(Integer.toString(c.workers()));
        requestsPerMinute.set(Integer.toString(c.requestsPerMinutePerToken()));
        maxBodyKiB.set(Integer.toString(c.maxRequestBodyKiB()));
    }

    /** Whether the typed values equal {@code c}'s (so a change elsewhere may replace them). */
    private boolean matches(RuntimeConfig c) {
        return workers.get().strip().equals(Integer.toString(c.workers()))
                && requestsPerMinute.get().strip().equals(Integer.toString(c.requestsPerMinutePerToken()))
                && maxBodyKiB.get().strip().equals(Integer.toString(c.maxRequestBodyKiB()));
    }

    // ---- the form ----

    private void refresh() {
        Integer w = whole(workers, workersError, "Workers");
        Integer rpm = whole(requestsPerMinute, requestsError, "Requests per minute");
        Integer kib = whole(maxBodyKiB, bodyError, "The body limit");
        engineLimits(w, rpm, kib);
        w = workersError.get().isEmpty() ? w : null;
        rpm = requestsError.get().isEmpty() ? rpm : null;
        kib = bodyError.get().isEmpty() ? kib : null;
        Duration bake = bake();
        RuntimeConfig now = current.get();
        PoolSettings pool = poolToDeploy();
        if (now == null) {
            poolSummary.set("");
        } else if (!includePool.get()) {
            poolSummary.set("Keeps the pool settings running now.");
        } else if (pool == null) {
            poolSummary.set("The Settings tab's pool settings have problems; fix them or leave the pool out.");
        } else {
            String changes = PoolHistory.changes(now.pool(), pool);
            poolSummary.set(changes.equals("no change") ? "No pool changes on the Settings tab."
                    : "From the Settings tab: " + changes + ".");
        }
        String why;
        if (now == null) {
            why = "Waiting for the engine.";
        } else if (busy.get()) {
            why = "Deploying…";
        } else if (w == null || rpm == null || kib == null || !bakeError.get().isEmpty()
                || (includePool.get() && pool == null)) {
            why = "Fix the marked values first.";
        } else if (new RuntimeConfig(pool == null ? now.pool() : pool, w, rpm, kib).equals(now)) {
            why = "Change a value (or the pool settings) to deploy.";
        } else if (reason.get().isBlank()) {
            why = "Say why you deploy (kept in the history).";
        } else {
            why = "";
        }
        hint.set(why);
        canDeploy.set(why.isEmpty());
        if (bake == null && bakeError.get().isEmpty() && why.isEmpty()) {
            hint.set("Without a bake time there is no health gate.");
        }
    }

    private PoolSettings poolToDeploy() {
        RuntimeConfig now = current.get();
        if (!includePool.get()) {
            return now == null ? null : now.pool();
        }
        return editedPool.get();
    }

    private static Integer whole(StringProperty text, ReadOnlyStringWrapper problem, String name) {
        String t = text.get() == null ? "" : text.get().strip().replace(",", "");
        try {
            int v = Integer.parseInt(t);
            problem.set("");
            return v;
        } catch (NumberFormatException e) {
            problem.set(name + " must be a whole number.");
            return null;
        }
    }

    /**
     * The engine's own limits, by building the configuration: {@link RuntimeConfig} names each value
     * out of range ({@code workers must be between 0 and 256, was 300}); each goes to its field.
     */
    private void engineLimits(Integer w, Integer rpm, Integer kib) {
        if (w == null || rpm == null || kib == null) {
            return;
        }
        try {
            new RuntimeConfig(PoolSettings.defaults(), w, rpm, kib);
        } catch (IllegalArgumentException e) {
            for (String problem : e.getMessage().split("; ")) {
                String sentence = Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
                if (problem.startsWith("workers")) {
                    workersError.set(sentence);
                } else if (problem.startsWith("requestsPerMinute")) {
                    requestsError.set(sentence);
                } else {
                    bodyError.set(sentence);
                }
            }
        }
    }

    /** The bake time, {@code null} for none (empty or 0); a problem is set when it cannot be read. */
    private Duration bake() {
        String t = bakeTime.get() == null ? "" : bakeTime.get().strip();
        if (t.isEmpty()) {
            bakeError.set("");
            return null;
        }
        try {
            long ms = DurationText.parse(t);
            if (ms < 0 || ms > Duration.ofHours(24).toMillis()) {
                bakeError.set("The bake time must be between 0 (no health gate) and 24 h.");
                return null;
            }
            bakeError.set("");
            return ms == 0 ? null : Duration.ofMillis(ms);
        } catch (IllegalArgumentException e) {
            bakeError.set(e.getMessage());
            return null;
        }
    }

    // ---- commands ----

    /** Deploys the typed configuration after confirming what changes and how the gate watches. */
    public void deploy() {
        RuntimeConfig now = current.get();
        PatientGenService svc = service;
        if (!canDeploy.get() || now == null || svc == null) {
            return;
        }
        RuntimeConfig next = new RuntimeConfig(poolToDeploy(), Integer.parseInt(workers.get().strip()),
                Integer.parseInt(requestsPerMinute.get().strip().replace(",", "")),
                Integer.parseInt(maxBodyKiB.get().strip().replace(",", "")));
        Duration bake = bake();
        if (!dialogs.confirm(confirmation("Deploy the runtime configuration?", ConfigHistory.changes(now, next),
                bake, "Deploy"))) {
            return;
        }
        boolean withPool = includePool.get() && !next.pool().equals(now.pool());
        String why = reason.get().strip();
        boolean restart = restartPool.get();
        run("Deploying the runtime configuration", () -> svc.applyConfig(next, why, bake, restart), withPool);
    }

    /** Applies an earlier configuration revision again (after confirming), behind the same gate. */
    public void rollback(ConfigRevision revision) {
        RuntimeConfig now = current.get();
        PatientGenService svc = service;
        if (revision == null || now == null || svc == null || busy.get() || !bakeError.get().isEmpty()) {
            return;
        }
        Duration bake = bake();
        if (!dialogs.confirm(confirmation("Roll back to configuration revision " + revision.revision() + "?",
                ConfigHistory.changes(now, revision.config()), bake, "Roll back"))) {
            return;
        }
        String why = reason.get().isBlank() ? "roll back to revision " + revision.revision() : reason.get().strip();
        boolean restart = restartPool.get();
        run("Rolling back to configuration revision " + revision.revision(),
                () -> svc.rollbackConfig(revision.revision(), why, bake, restart), true);
    }

    private Confirmation confirmation(String header, String changes, Duration bake, String verb) {
        String gate = bake == null ? "No health gate watches it: a bad configuration stays until you roll it back."
                : "A health gate watches the engine's readiness for " + DurationText.format(bake.toMillis())
                        + " and restores the previous configuration if it fails twice in a row.";
        String pool = restartPool.get() ? " Pool changes that cannot be made live restart the pool."
                : " Pool changes that cannot be made live wait for a pool restart.";
        return new Confirmation("Deploy configuration", header, "Changes: " + changes + ". " + gate + pool, verb,
                "Not now", false);
    }

    private void run(String title, Supplier<ConfigDeployment> call, boolean poolChanged) {
        busy.set(true);
        error.set("");
        PatientGenService svc = service;
        tasks.task(title, p -> call.get()).onSuccess(d -> {
            busy.set(false);
            if (service == svc) {
                reason.set("");
                showDeployment(d);
                reload(true);
                if (poolChanged) {
                    onDeployed.run();
                }
            }
        }).onFailure(e -> {
            busy.set(false);
            error.set(Failures.message(e));
        }).start();
    }

    private void showDeployment(ConfigDeployment d) {
        deployment.set(d);
        ZoneId zone = clock.getZone();
        StringBuilder text = new StringBuilder("Revision ").append(d.revision()).append(", replacing ")
                .append(d.previousRevision());
        String message = d.message();
        if (d.bakeUntil() != null) {
            // The engine writes the instant in UTC; the console shows local time.
            message = message.replace(d.bakeUntil().toString(), TIME.format(d.bakeUntil().atZone(zone)));
        }
        text.append('\n').append(Character.toUpperCase(message.charAt(0))).append(message.substring(1)).append('.');
        d.failures().forEach(f -> text.append('\n').append(f.name()).append(": ").append(f.detail()));
        deploymentText.set(text.toString());
    }

    /** Hides the error banner. */
    public void dismissError() {
        error.set("");
    }

    // ---- properties ----

    /** The configuration running now, or {@code null} before it was read. */
    public ReadOnlyObjectProperty<RuntimeConfig> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Configuration revisions, newest first. */
    public ObservableList<RevisionRow<ConfigRevision>> history() {
        return historyView;
    }

    public StringProperty workersProperty() {
        return workers;
    }

    public StringProperty requestsPerMinuteProperty() {
        return requestsPerMinute;
    }

    public StringProperty maxBodyKiBProperty() {
        return maxBodyKiB;
    }

    /** How long the health gate watches ({@code 30 s}); empty or 0 for no gate. */
    public StringProperty bakeTimeProperty() {
        return bakeTime;
    }

    /** Whether the Settings tab's pool settings are deployed too. */
    public BooleanProperty includePoolProperty() {
        return includePool;
    }

    /** Whether a pool change that cannot be made live restarts the pool during the deployment. */
    public BooleanProperty restartPoolProperty() {
        return restartPool;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty workersErrorProperty() {
        return workersError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsErrorProperty() {
        return requestsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bodyErrorProperty() {
        return bodyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bakeErrorProperty() {
        return bakeError.getReadOnlyProperty();
    }

    /** What the deployment does with the pool. */
    public ReadOnlyStringProperty poolSummaryProperty() {
        return poolSummary.getReadOnlyProperty();
    }

    /** Why Deploy is not possible now, or a note; empty when it is and nothing needs saying. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeployProperty() {
        return canDeploy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The latest deployment made here, followed while it bakes; {@code null} before any. */
    public ReadOnlyObjectProperty<ConfigDeployment> deploymentProperty() {
        return deployment.getReadOnlyProperty();
    }

    /** The deployment in words: revision, message, how long it bakes, failed checks. */
    public ReadOnlyStringProperty deploymentTextProperty() {
        return deploymentText.getReadOnlyProperty();
    }

    private record Read(RuntimeConfig config, List<ConfigRevision> history) {
    }
}
