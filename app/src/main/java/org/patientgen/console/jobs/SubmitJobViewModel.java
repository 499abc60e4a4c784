package org.patientgen.console.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Failures;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.RetryPolicy;

/**
 * The submit form: fields as text, each checked as the user types (an empty error means valid),
 * presets, and a preview of the shard count and how long the job should take. UI thread only.
 *
 * <p>It also describes job templates (a schedule's job, a workflow node's job): {@link #load}
 * fills it from a template and {@link #submission()} reads one back.
 */
public final class SubmitJobViewModel {
    public static final String FHIR_NDJSON = "fhir-ndjson";
    public static final String FHIR_BUNDLE = "fhir-bundle";
    public static final String CSV = "csv";
    /** Assumed speed of one worker when none was measured (docs/benchmarks.md: ~1,100 on one thread). */
    static final double ASSUMED_RATE_PER_WORKER = 1_000;
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Connection connection;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final OptionalDouble measuredRate;

    private final ObjectProperty<JobPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final StringProperty population = new SimpleStringProperty(this, "population", "");
    private final StringProperty shardSize = new SimpleStringProperty(this, "shardSize", "");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final StringProperty state = new SimpleStringProperty(this, "state", "MA");
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>(this, "endDate");
    private final StringProperty years = new SimpleStringProperty(this, "years", "10");
    private final BooleanProperty fhirNdjson = new SimpleBooleanProperty(this, "fhirNdjson", true);
    private final BooleanProperty fhirBundle = new SimpleBooleanProperty(this, "fhirBundle");
    private final BooleanProperty csv = new SimpleBooleanProperty(this, "csv");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty priority = new SimpleStringProperty(this, "priority", "0");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final StringProperty attempts = new SimpleStringProperty(this, "attempts",
            Integer.toString(RetryPolicy.DEFAULT.maxAttempts()));

    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper firstError = new ReadOnlyStringWrapper(this, "firstError", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper(this, "submitError", "");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private int workers = -1;
    /** What the form has no field for, kept from a {@linkplain #load loaded} template. */
    private String modules = "";
    private RetryPolicy retryBase = RetryPolicy.DEFAULT;

    public SubmitJobViewModel(Connection connection, BackgroundTasks tasks, Clock clock, OptionalDouble measuredRate) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.measuredRate = Objects.requireNonNull(measuredRate, "measuredRate");
        for (String field : List.of("population", "shardSize", "seed", "state", "endDate", "years", "formats",
                "output", "priority", "labels", "attempts")) {
            errors.put(field, new ReadOnlyStringWrapper(this, field + "Error", ""));
        }
        endDate.set(LocalDate.now(clock));
        output.set(connection.defaultOutputRoot()
                .map(root -> root + "/" + STAMP.format(LocalDateTime.now(clock))).orElse(""));
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                apply(now);
            }
        });
        preset.set(JobPreset.ALL.get(0));
        for (Observable o : List.<Observable>of(population, shardSize, seed, state, endDate, years, fhirNdjson,
                fhirBundle, csv, output, priority, labels, attempts)) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /** Reads how many workers the engine runs, for the duration estimate (in the background). */
    public void start() {
        tasks.task("Reading " + connection.name() + "'s workers", p -> connection.service().workerConcurrency())
                .quiet()
                .onSuccess(n -> {
                    workers = n;
                    validate();
                })
                .onFailure(e -> submitError.set(Failures.message(e)))
                .start();
    }

    private void apply(JobPreset p) {
        population.set(Long.toString(p.population()));
        shardSize.set(Integer.toString(p.shardSize()));
        years.set(Integer.toString(p.yearsOfHistory()));
        fhirNdjson.set(p.formats().contains(FHIR_NDJSON));
        fhirBundle.set(p.formats().contains(FHIR_BUNDLE));
        csv.set(p.formats().contains(CSV));
    }

    // ---- validation ----

    private void validate() {
        Long pop = longIn("population", population.get(), 1, Long.MAX_VALUE, "Population");
        Long shard = longIn("shardSize", shardSize.get(), 1, GenerationSpec.MAX_SHARD_SIZE, "Shard size");
        longIn("seed", seed.get(), Long.MIN_VALUE, Long.MAX_VALUE, "Seed");
        error("state", UsStates.check(state.get()));
        error("endDate", endDate.get() == null ? "Choose the last simulated day." : "");
        longIn("years", years.get(), 0, 120, "Years of history (0 = whole lifetime)");
        error("formats", formats().isEmpty() ? "Choose at least one output format." : "");
        error("output", checkOutput(output.get()));
        longIn("priority", priority.get(), JobSubmission.MIN_PRIORITY, JobSubmission.MAX_PRIORITY, "Priority");
        error("labels", checkLabels(labels.get()));
        longIn("attempts", attempts.get(), 1, RetryPolicy.MAX_ATTEMPTS, "Attempts per shard");
        firstError.set(errors.values().stream().map(ReadOnlyStringWrapper::get).filter(e -> !e.isEmpty()).findFirst()
                .orElse(""));
        valid.set(firstError.get().isEmpty());
        preview.set(pop != null && shard != null ? previewOf(pop, shard) : "Enter a population and a shard size to"
                + " see how the job splits.");
    }

    private Long longIn(String field, String text, long min, long max, String name) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (t.isEmpty()) {
            error(field, name + " is required.");
            return null;
        }
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                error(field, name + " must be " + (max == Long.MAX_VALUE ? "at least " + JobFormat.count(min)
                        : "between " + JobFormat.count(min) + " and " + JobFormat.count(max)) + ".");
                return null;
            }
            error(field, "");
            return v;
        } catch (NumberFormatException e) {
            error(field, name + " must be a whole number.");
            return null;
        }
    }

    private String checkOutput(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "Give the folder, on " + connection.name() + "'s machine, where the job writes its files.";
        }
        boolean absolute = t.startsWith("/") || t.matches("^[A-Za-z]:[\\\\/].*") || t.startsWith("\\\\");
        return absolute ? "" : "Give an absolute path, e.g. /data/patientgen/run-1.";
    }

    private static String checkLabels(String text) {
        try {
            parseLabels(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** {@code team=cardio, tier=gold} as a map. @throws IllegalArgumentException naming the bad label */
    static Map<String, String> parseLabels(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Write labels as key=value, separated by commas (\"" + p + "\" has no =).");
            }
            String key = p.substring(0, eq).strip();
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Label key \"" + key + "\" must be 1 to 63 letters, digits, '.', '_',"
                        + " '/' or '-', starting with a letter or digit.");
            }
            map.put(key, p.substring(eq + 1).strip());
        }
        return map;
    }

    private void error(String field, String text) {
        errors.get(field).set(text);
    }

    private String previewOf(long pop, long shard) {
        long shards = (pop + shard - 1) / shard;
        String split = JobFormat.count(shards) + (shards == 1 ? " shard" : " shards") + " of up to "
                + JobFormat.count(shard) + " patients";
        if (workers == 0) {
            return split + ". " + connection.name() + " runs no workers now: the job waits in the queue until"
                    + " workers are started.";
        }
        int w = workers < 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        long parallel = Math.min(w, shards);
        double rate;
        String basis;
        if (measuredRate.isPresent()) {
            rate = measuredRate.getAsDouble();
            basis = "at " + JobFormat.rate(rate) + ", the fastest recent job here";
        } else {
            rate = ASSUMED_RATE_PER_WORKER * parallel;
            basis = "assuming ~" + JobFormat.count((long) ASSUMED_RATE_PER_WORKER) + " patients/s per worker × "
                    + parallel + (parallel == 1 ? " worker" : " workers");
        }
        Duration estimate = Duration.ofMillis(Math.round(pop * 1000.0 / rate));
        return split + ". About " + JobFormat.duration(estimate) + " (" + basis + ").";
    }

    private List<String> formats() {
        List<String> f = new ArrayList<>();
        if (fhirNdjson.get()) {
            f.add(FHIR_NDJSON);
        }
        if (fhirBundle.get()) {
            f.add(FHIR_BUNDLE);
        }
        if (csv.get()) {
            f.add(CSV);
        }
        return f;
    }

    // ---- templates ----

    /**
     * Fills the form from a job template (a schedule's or a workflow node's job), no preset chosen.
     * What the form cannot show — extra modules, retry backoffs — is kept as it was and given back
     * by {@link #submission()}.
     */
    public void load(JobSubmission template) {
        GenerationSpec spec = template.spec();
        preset.set(null);
        population.set(Long.toString(spec.population()));
        shardSize.set(Integer.toString(spec.shardSize()));
        seed.set(Long.toString(spec.seed()));
        state.set(spec.state());
        endDate.set(spec.endDate());
        years.set(Integer.toString(spec.yearsOfHistory()));
        fhirNdjson.set(spec.formats().contains(FHIR_NDJSON));
        fhirBundle.set(spec.formats().contains(FHIR_BUNDLE));
        csv.set(spec.formats().contains(CSV));
        output.set(spec.output());
        priority.set(Integer.toString(template.priority()));
        labels.set(template.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        attempts.set(Integer.toString(template.retry().maxAttempts()));
        modules = spec.modules();
        retryBase = template.retry();
        validate();
    }

    // ---- submit ----

    /**
     * The submission (or template) the form describes, owned by the connection's user.
     *
     * @throws IllegalArgumentException if a field is invalid
     */
    public JobSubmission submission() {
        GenerationSpec spec = new GenerationSpec(number(population), number(seed),
                stateCode(), endDate.get(), (int) number(years), formats(), modules,
                output.get().strip(), (int) number(shardSize));
        return new JobSubmission(spec, (int) number(priority), connectionUser(), parseLabels(labels.get()),
                new RetryPolicy((int) number(attempts), retryBase.initialBackoff(), retryBase.maxBackoff()));
    }

    private String connectionUser() {
        return connection.user();
    }

    private String stateCode() {
        String t = state.get().strip();
        return t.length() == 2 ? t.toUpperCase(Locale.ROOT) : t;
    }

    private static long number(StringProperty p) {
        return Long.parseLong(p.get().strip().replace(",", "").replace("_", ""));
    }

    /**
     * Submits the job in the background; {@code onSubmitted} runs with the queued job. A rejection
     * (e.g. an unknown state on the engine) shows in {@link #submitErrorProperty()}.
     */
    public void submit(Consumer<Job> onSubmitted) {
        if (!valid.get() || submitting.get()) {
            return;
        }
        JobSubmission submission;
        try {
            submission = submission();
        } catch (IllegalArgumentException e) {
            submitError.set(e.getMessage());
            return;
        }
        submitting.set(true);
        submitError.set("");
        tasks.task("Submitting a job of " + JobFormat.count(submission.spec().population()) + " patients",
                p -> connection.service().submit(submission))
                .onSuccess(job -> {
                    submitting.set(false);
                    onSubmitted.accept(job);
                })
                .onFailure(e -> {
                    submitting.set(false);
                    submitError.set(Failures.message(e));
                })
                .start();
    }

    // ---- properties ----

    /** The presets offered. */
    public List<JobPreset> presets() {
        return JobPreset.ALL;
    }

    /** US states offered (codes). */
    public List<String> states() {
        return UsStates.CODES;
    }

    public ObjectProperty<JobPreset> presetProperty() {
        return preset;
    }

    public StringProperty populationProperty() {
        return population;
    }

    public StringProperty shardSizeProperty() {
        return shardSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public StringProperty yearsProperty() {
        return years;
    }

    public BooleanProperty fhirNdjsonProperty() {
        return fhirNdjson;
    }

    public BooleanProperty fhirBundleProperty() {
        return fhirBundle;
    }

    public BooleanProperty csvProperty() {
        return csv;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public StringProperty priorityProperty() {
        return priority;
    }

    public StringProperty labelsProperty() {
        return labels;
    }

    public StringProperty attemptsProperty() {
        return attempts;
    }

    /**
     * The message for a field ({@code population}, {@code shardSize}, {@code seed}, {@code state},
     * {@code endDate}, {@code years}, {@code formats}, {@code output}, {@code priority},
     * {@code labels}, {@code attempts}); empty when the field is valid.
     */
    public ReadOnlyStringProperty errorProperty(String field) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return e.getReadOnlyProperty();
    }

    /** Whether every field is valid. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The first field's problem in form order, or empty when every field is valid. */
    public ReadOnlyStringProperty firstErrorProperty() {
        return firstError.getReadOnlyProperty();
    }

    /** Shards and estimated duration. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the engine refused the submission, or empty. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }
}
