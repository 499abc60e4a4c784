package org.patientgen.console.jobs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.desktop.FolderOpener;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobProgressed;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.LogQuery;
import org.patientgen.engine.api.LogRecorded;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.api.ShardState;

/**
 * One job in detail: its parameters, shard grid, transitions, failures and output manifest, kept
 * live while shown (re-read when an event concerns it, and every {@link #RUNNING_REFRESH} while it
 * runs, as shard leases change without job events). UI thread only.
 */
public final class JobDetailViewModel {
    /** How often a running job's shards are re-read. */
    static final Duration RUNNING_REFRESH = Duration.ofSeconds(2);
    /** Least time between two reads, however many events arrive. */
    static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(500);
    /** Log records shown at most: the newest. */
    static final int LOG_LINES = 500;

    private final long jobId;
    private final Connection connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final FolderOpener folders;
    private final Freshness freshness;
    private final Clock clock;

    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicReference<JobProgress> latest = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "Loading…");
    private final ObservableList<Field> parameters = FXCollections.observableArrayList();
    private final ObservableList<Shard> shards = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper shardSummary = new ReadOnlyStringWrapper(this, "shardSummary", "");
    private final ObservableList<Field> nodes = FXCollections.observableArrayList();
    private final ObservableList<JobTransition> transitions = FXCollections.observableArrayList();
    private final ObservableList<ShardFailure> failures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper manifest = new ReadOnlyStringWrapper(this, "manifest", "");
    private final ObservableList<String> manifestLines = FXCollections.observableArrayList();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canOpenFolder = new ReadOnlyBooleanWrapper(this, "canOpenFolder");
    private final ReadOnlyStringWrapper folderHint = new ReadOnlyStringWrapper(this, "folderHint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private Subscription subscription;
    private Cancellable tick = Cancellable.NONE;
    private boolean loading;
    /** Read by the loading task on a worker thread. */
    private volatile boolean manifestWanted;
    /** Read by the loading task on a worker thread. */
    private volatile boolean logWanted;
    private boolean attached;
    private long lastLoad;

    public JobDetailViewModel(long jobId, Connection connection, BackgroundTasks tasks, Ticker ticker,
                              FolderOpener folders, Freshness freshness, Clock clock) {
        this.jobId = jobId;
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A key and its value, for the parameter and node lists. */
    public record Field(String name, String value) {
    }

    /** Shown: subscribe to this job's events, load, and keep it live. */
    public void attach() {
        if (attached) {
            return;
        }
        attached = true;
        tasks.task("Watching job " + jobId, p -> connection.service().subscribe(
                java.util.Set.of(EventTopic.JOBS, EventTopic.PROGRESS), e -> {
                    if (e instanceof JobStateChanged c && c.transition().jobId() == jobId) {
                        changed.set(true);
                    } else if (e instanceof JobProgressed p2 && p2.progress().jobId() == jobId) {
                        latest.set(p2.progress());
                    }
                })).quiet()
                .onSuccess(sub -> {
                    if (attached) {
                        subscription = sub;
                    } else {
                        ServiceSession.closeInBackground(tasks, connection, sub);
                    }
                })
                .onFailure(e -> error.set(Failures.message(e)))
                .start();
        reload();
        tick = ticker.every(TICK, this::onTick);
    }

    /** Hidden: release the subscription and tick. */
    public void detach() {
        attached = false;
        tick.cancel();
        tick = Cancellable.NONE;
        Subscription sub = subscription;
        subscription = null;
        ServiceSession.closeInBackground(tasks, connection, sub);
    }

    /** Applies the latest progress, and re-reads when the job changed (called by the tick). */
    void onTick() {
        JobProgress p = latest.getAndSet(null);
        if (p != null) {
            showProgress(p);
            if (p.shardsDone() != (job.get() == null ? -1 : job.get().shardsSucceeded())) {
                changed.set(true);
            }
        }
        long sinceLoad = clock.millis() - lastLoad;
        boolean due = state.get() == JobState.RUNNING && sinceLoad >= RUNNING_REFRESH.toMillis();
        if ((changed.get() || due) && !loading && sinceLoad >= MIN_RELOAD_GAP.toMillis()) {
            changed.set(false);
            reload();
        }
    }

    /** Re-reads everything about the job. */
    public void reload() {
        loading = true;
        lastLoad = clock.millis();
        tasks.task("Loading job " + jobId, p -> load(connection.service())).quiet()
                .onSuccess(this::show)
                .onFailure(e -> {
                    loading = false;
                    error.set("Cannot load job " + jobId + ": " + Failures.message(e));
                })
                .start();
    }

    private Snapshot load(PatientGenService service) {
        Job j = service.job(jobId);
        JobProgress progress = service.progress(jobId);
        List<Shard> s = service.shards(jobId);
        List<JobTransition> t = service.transitions(jobId);
        List<ShardFailure> f = service.failures(jobId);
        String m = manifestWanted ? service.manifest(jobId) : null;
        List<String> lines = m == null ? null : m.lines().toList();
        List<String> log = logWanted ? service.logs(LogQuery.forJob(jobId, LOG_LINES)).stream()
                .map(this::logLine).toList() : null;
        boolean folderExists = false;
        if (connection.sharesFileSystem()) {
            try {
                folderExists = Files.isDirectory(Path.of(j.submission().spec().output()));
            } catch (InvalidPathException e) {
                folderExists = false;
            }
        }
        return new Snapshot(j, progress, s, t, f, m, lines, log, folderExists);
    }

    private record Snapshot(Job job, JobProgress progress, List<Shard> shards, List<JobTransition> transitions,
                            List<ShardFailure> failures, String manifest, List<String> manifestLines,
                            List<String> log, boolean folderExists) {
    }

    private void show(Snapshot s) {
        loading = false;
        error.set("");
        job.set(s.job());
        showProgress(s.progress());
        // Re-read every second or so while a job runs: replace only what changed, so the FX thread
        // re-lays out only that. The manifest of a job of many shards is thousands of lines: it is
        // shown line by line in a virtualised list, which lays out only the lines in view.
        replaceIfChanged(parameters, parametersOf(s.job()));
        replaceIfChanged(shards, s.shards());
        shardSummary.set(summarise(s.shards()));
        replaceIfChanged(nodes, byNode(s.shards()));
        replaceIfChanged(transitions, s.transitions());
        replaceIfChanged(failures, s.failures());
        if (s.manifest() != null && !s.manifest().equals(manifest.get())) {
            manifest.set(s.manifest());
            manifestLines.setAll(s.manifestLines());
        }
        if (s.log() != null) {
            replaceIfChanged(logLines, s.log());
        }
        canOpenFolder.set(connection.sharesFileSystem() && s.folderExists());
        folderHint.set(!connection.sharesFileSystem()
                ? "The output is on " + connection.name() + "'s machine; open it there."
                : s.folderExists() ? s.job().submission().spec().output()
                : "The output folder appears when the first shard completes.");
        freshness.updated(clock.instant());
    }

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    /**
     * Whether the manifest is shown: it is read (it can be long) only while it is, and at once when
     * it becomes shown.
     */
    public void showManifest(boolean shown) {
        boolean was = manifestWanted;
        manifestWanted = shown;
        if (shown && !was && attached) {
            reload();
        }
    }

    /** Whether the job's log is shown: it is read only while it is, and at once when it becomes shown. */
    public void showLog(boolean shown) {
        boolean was = logWanted;
        logWanted = shown;
        if (shown && !was && attached) {
            reload();
        }
    }

    /** A log record as the job's log shows it: time, level, message. */
    private String logLine(LogRecorded r) {
        return time(r.at()) + "  " + String.format("%-5s", r.level()) + "  " + r.message();
    }

    private void showProgress(JobProgress p) {
        state.set(p.state());
        StringBuilder text = new StringBuilder()
                .append(JobFormat.count(p.patientsSeen())).append(" of ").append(JobFormat.count(p.patientsTotal()))
                .append(" patients · ").append(p.shardsDone()).append(" of ").append(p.shards()).append(" shards");
        if (p.state() == JobState.RUNNING) {
            text.append(" · ").append(JobFormat.rate(p.patientsPerSecond()));
            p.eta().ifPresent(eta -> text.append(" · ").append(JobFormat.duration(eta)).append(" left"));
        }
        progressText.set(text.toString());
    }

    private List<Field> parametersOf(Job j) {
        GenerationSpec spec = j.submission().spec();
        LocalDate today = LocalDate.now(clock);
        List<Field> f = new ArrayList<>();
        f.add(new Field("Population", JobFormat.count(spec.population())));
        f.add(new Field("Seed", Long.toString(spec.seed())));
        f.add(new Field("State", spec.state()));
        f.add(new Field("End date", spec.endDate().toString()));
        f.add(new Field("Years of history", spec.yearsOfHistory() == 0 ? "whole lifetime"
                : Integer.toString(spec.yearsOfHistory())));
        f.add(new Field("Formats", String.join(", ", spec.formats())));
        f.add(new Field("Modules", spec.modules().isEmpty() ? "built-in" : spec.modules()));
        f.add(new Field("Output", spec.output()));
        f.add(new Field("Shard size", JobFormat.count(spec.shardSize()) + " patients (" + spec.shardCount() + " shards)"));
        f.add(new Field("Priority", Integer.toString(j.submission().priority())));
        f.add(new Field("Owner", j.submission().owner()));
        f.add(new Field("Labels", j.submission().labels().isEmpty() ? JobFormat.NONE
                : JobFormat.labels(j.submission().labels())));
        f.add(new Field("Retries", j.submission().retry().maxAttempts() + " attempts per shard, backoff "
                + JobFormat.duration(j.submission().retry().initialBackoff()) + " to "
                + JobFormat.duration(j.submission().retry().maxBackoff())));
        f.add(new Field("Submitted", JobFormat.instant(j.submittedAt(), clock.getZone(), today)));
        if (j.rerunOf() != null) {
            f.add(new Field("Re-run of", "job " + j.rerunOf()));
        }
        return f;
    }

    static String summarise(List<Shard> shards) {
        Map<ShardState, Long> counts = new EnumMap<>(ShardState.class);
        shards.forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        if (counts.isEmpty()) {
            return "No shards yet: a workflow job gets its shards when its upstream jobs end.";
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                .collect(Collectors.joining(" · "));
    }

    private static List<Field> byNode(List<Shard> shards) {
        Map<String, Map<ShardState, Long>> perNode = new TreeMap<>();
        for (Shard s : shards) {
            if (s.leaseOwner() != null) {
                perNode.computeIfAbsent(s.leaseOwner(), k -> new EnumMap<>(ShardState.class))
                        .merge(s.state(), 1L, Long::sum);
            }
        }
        List<Field> fields = new ArrayList<>();
        perNode.forEach((node, counts) -> fields.add(new Field(node, counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).collect(Collectors.joining(", ")))));
        return fields;
    }

    /** Opens the job's output folder on this machine (local engine only). */
    public void openFolder() {
        Job j = job.get();
        if (j == null || !canOpenFolder.get()) {
            return;
        }
        Path folder = Path.of(j.submission().spec().output());
        tasks.task("Opening " + folder.getFileName(), p -> {
            folders.open(folder);
            return null;
        }).onFailure(e -> error.set("Cannot open the folder: " + Failures.message(e))).start();
    }

    /** Submits a new job with this job's parameters. */
    public void rerun() {
        tasks.task("Re-running job " + jobId, p -> connection.service().rerun(jobId))
                .onSuccess(j -> message.set("Queued job " + j.id() + " with the same parameters."))
                .onFailure(e -> error.set("Cannot re-run job " + jobId + ": " + Failures.message(e)))
                .start();
    }

    /** One line about a shard, for the grid's hover text. */
    public String describe(Shard s) {
        StringBuilder text = new StringBuilder("Shard ").append(s.index()).append(": ")
                .append(s.state().name().toLowerCase()).append(", patients ").append(JobFormat.count(s.firstPatient()))
                .append("–").append(JobFormat.count(s.firstPatient() + s.patientCount() - 1))
                .append(", attempt ").append(s.attempts());
        if (s.leaseOwner() != null) {
            text.append(", ").append(s.state() == ShardState.LEASED ? "leased by " : "last run on ").append(s.leaseOwner());
        }
        if (s.lastError() != null) {
            text.append(" — last error: ").append(s.lastError());
        }
        return text.toString();
    }

    /** An instant as the time of day (today) or date and time; {@link JobFormat#NONE} for none. */
    public String time(java.time.Instant at) {
        return JobFormat.instant(at, clock.getZone(), LocalDate.now(clock));
    }

    public long jobId() {
        return jobId;
    }

    /** E.g. {@code Job 42}. */
    public String title() {
        return "Job " + jobId;
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Patients and shards done, rate and time left. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ObservableList<Field> parameters() {
        return parameters;
    }

    public ObservableList<Shard> shards() {
        return shards;
    }

    /** E.g. {@code 3 succeeded · 1 leased · 6 pending}. */
    public ReadOnlyStringProperty shardSummaryProperty() {
        return shardSummary.getReadOnlyProperty();
    }

    /** Nodes that hold or held shards of this job, with their shards' states. */
    public ObservableList<Field> nodes() {
        return nodes;
    }

    public ObservableList<JobTransition> transitions() {
        return transitions;
    }

    public ObservableList<ShardFailure> failures() {
        return failures;
    }

    /** The output manifest (JSON), read while {@linkplain #showManifest shown}. */
    public ReadOnlyStringProperty manifestProperty() {
        return manifest.getReadOnlyProperty();
    }

    /**
     * What the engine logged about this job, oldest first (the newest {@value #LOG_LINES}), read
     * while {@linkplain #showLog shown}: a line per finished shard, and every retry, failure and
     * reclaimed lease.
     */
    public ObservableList<String> logLines() {
        return FXCollections.unmodifiableObservableList(logLines);
    }

    /** {@link #manifestProperty()} split into lines, for display. */
    public ObservableList<String> manifestLines() {
        return FXCollections.unmodifiableObservableList(manifestLines);
    }

    /** Whether the output folder can be opened here (local engine, folder exists). */
    public ReadOnlyBooleanProperty canOpenFolderProperty() {
        return canOpenFolder.getReadOnlyProperty();
    }

    /** The folder's path, or why it cannot be opened. */
    public ReadOnlyStringProperty folderHintProperty() {
        return folderHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A confirmation of an action (e.g. a re-run), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
