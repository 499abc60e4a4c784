package org.patientgen.console.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.jobs.SubmitJobViewModel;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;

/**
 * The schedule editor: name, cron expression and syntax, time zone, misfire policy, enabled, and
 * the job it submits (the shared job form). As the user types, the expression is explained by the
 * engine ({@code previewCron}) — its description in words and next {@value #PREVIEW_FIRES} fire
 * times in the schedule's zone, or the engine's message naming what is wrong. UI thread only.
 *
 * <p><b>Debounce.</b> A change waits {@value #DEBOUNCE_TICKS} ticks of {@link #TICK} (300 ms) without
 * another change before the preview is asked for, so typing {@code 0 2 * * *} costs one call, not
 * nine. Answers to superseded requests are dropped, so a slow answer never overwrites a newer one.
 */
public final class ScheduleEditorViewModel {
    /** Fire times previewed. */
    public static final int PREVIEW_FIRES = 5;
    /** The editor's tick while shown. */
    static final Duration TICK = Duration.ofMillis(100);
    /** Quiet ticks after the last change before the preview is asked for. */
    static final int DEBOUNCE_TICKS = 3;

    /** What the preview shows. */
    public enum PreviewState {
        /** Nothing to explain yet (no expression). */
        EMPTY,
        /** Waiting for the user to stop typing, or for the engine's answer. */
        CHECKING,
        /** The engine explained the expression. */
        VALID,
        /** The expression (or zone) is wrong; {@link #cronErrorProperty()} says why. */
        INVALID
    }

    private final Connection connection;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Clock clock;
    private final Schedule existing;
    private final Set<String> takenNames;
    private final SubmitJobViewModel job;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty expression = new SimpleStringProperty(this, "expression", "");
    private final ObjectProperty<CronSyntax> syntax = new SimpleObjectProperty<>(this, "syntax", CronSyntax.UNIX);
    private final ObjectProperty<String> zone = new SimpleObjectProperty<>(this, "zone");
    private final ObjectProperty<MisfirePolicy> misfire = new SimpleObjectProperty<>(this, "misfire",
            MisfirePolicy.RUN_ONCE);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    /** Whether each fire generates a new population ({@link PopulationPolicy#NEW_EACH_FIRE}). */
    private final BooleanProperty newPopulationEachFire = new SimpleBooleanProperty(this, "newPopulationEachFire");

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyObjectWrapper<PreviewState> previewState = new ReadOnlyObjectWrapper<>(this, "previewState",
            PreviewState.EMPTY);
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObservableList<String> nextFires = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<String> nextFiresView = FXCollections.unmodifiableObservableList(nextFires);
    private final ReadOnlyStringWrapper cronError = new ReadOnlyStringWrapper(this, "cronError", "");
    private final ReadOnlyStringWrapper syntaxHint = new ReadOnlyStringWrapper(this, "syntaxHint", "");
    private final ReadOnlyStringWrapper zoneNote = new ReadOnlyStringWrapper(this, "zoneNote", "");
    private final ReadOnlyStringWrapper misfireExplanation = new ReadOnlyStringWrapper(this, "misfireExplanation", "");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");

    private Cancellable tick = Cancellable.NONE;
    private Cancellable inFlight = Cancellable.NONE;
    /** Ticks left before the preview is asked for; 0 when none is due. */
    private int quietTicks;
    /** Number of the latest preview request; answers to older ones are dropped. */
    private long request;

    /**
     * An editor for a new schedule ({@code existing} null) or for an existing one.
     *
     * @param takenNames names of the other schedules (a name must be unique)
     */
    public ScheduleEditorViewModel(Connection connection, BackgroundTasks tasks, Ticker ticker, Clock clock,
                                   Schedule existing, Set<String> takenNames) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.existing = existing;
        this.takenNames = Set.copyOf(takenNames);
        this.job = new SubmitJobViewModel(connection, tasks, clock, OptionalDouble.empty());
        if (existing != null) {
            ScheduleDefinition d = existing.definition();
            name.set(d.name());
            expression.set(d.cronExpression());
            syntax.set(d.syntax());
            zone.set(d.timeZone().getId());
            misfire.set(d.misfirePolicy());
            enabled.set(d.enabled());
            newPopulationEachFire.set(d.population() == PopulationPolicy.NEW_EACH_FIRE);
            job.load(d.template());
        } else {
            zone.set(zones().contains(clock.getZone().getId()) ? clock.getZone().getId() : "UTC");
        }
        for (Observable o : List.<Observable>of(expression, syntax, zone)) {
            o.addListener(x -> cronChanged());
        }
        syntax.addListener(o -> syntaxHint.set(ScheduleFormat.syntaxHint(syntax.get())));
        zone.addListener(o -> refreshZoneNote());
        misfire.addListener(o -> misfireExplanation.set(ScheduleFormat.misfireExplanation(misfire.get())));
        name.addListener(o -> refresh());
        job.validProperty().addListener(o -> refresh());
        syntaxHint.set(ScheduleFormat.syntaxHint(syntax.get()));
        misfireExplanation.set(ScheduleFormat.misfireExplanation(misfire.get()));
        refreshZoneNote();
        refresh();
    }

    // ---- lifecycle ----

    /** The editor is shown: explain the current expression now and follow the user's changes. */
    public void attach() {
        job.start();
        tick = ticker.every(TICK, this::onTick);
        requestPreview();
    }

    /** The editor is hidden: stop ticking and drop answers still on their way. */
    public void detach() {
        tick.cancel();
        tick = Cancellable.NONE;
        inFlight.cancel();
        inFlight = Cancellable.NONE;
    }

    // ---- preview ----

    private void cronChanged() {
        saveError.set("");
        if (expression.get().isBlank() || zone.get() == null) {
            request++;
            inFlight.cancel();
            quietTicks = 0;
            showInvalidOrEmpty();
        } else {
            quietTicks = DEBOUNCE_TICKS;
            previewState.set(PreviewState.CHECKING);
        }
        refresh();
    }

    private void showInvalidOrEmpty() {
        description.set("");
        nextFires.clear();
        if (expression.get().isBlank()) {
            cronError.set("");
            previewState.set(PreviewState.EMPTY);
        } else {
            cronError.set("Choose the time zone whose clock the schedule follows.");
            previewState.set(PreviewState.INVALID);
        }
    }

    private void onTick() {
        if (quietTicks > 0 && --quietTicks == 0) {
            requestPreview();
        }
    }

    /** Asks the engine to explain the expression now (the tick does it after a pause in typing). */
    void requestPreview() {
        quietTicks = 0;
        if (expression.get().isBlank() || zone.get() == null) {
            showInvalidOrEmpty();
            refresh();
            return;
        }
        long mine = ++request;
        String text = expression.get();
        CronSyntax s = syntax.get();
        ZoneId z = ZoneId.of(zone.get());
        previewState.set(PreviewState.CHECKING);
        inFlight.cancel();
        inFlight = tasks.task("Explaining " + text, p -> connection.service().previewCron(text, s, z, PREVIEW_FIRES))
                .quiet()
                .onSuccess(preview -> {
                    if (mine == request) {
                        showPreview(preview);
                    }
                })
                .onFailure(e -> {
                    if (mine == request) {
                        description.set("");
                        nextFires.clear();
                        cronError.set(Failures.message(e));
                        previewState.set(PreviewState.INVALID);
                        refresh();
                    }
                })
                .start();
    }

    private void showPreview(CronPreview preview) {
        cronError.set("");
        description.set(capitalise(preview.description()));
        List<ZonedDateTime> fires = preview.nextFires();
        boolean seconds = ScheduleFormat.anySeconds(fires);
        nextFires.setAll(fires.stream().map(f -> ScheduleFormat.fire(f, clock.instant(), seconds)).toList());
        if (fires.isEmpty()) {
            nextFires.add("It never fires again (no matching time in the future).");
        }
        previewState.set(PreviewState.VALID);
        refresh();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void refreshZoneNote() {
        zoneNote.set(zone.get() == null ? "" : ScheduleFormat.zoneNow(ZoneId.of(zone.get()), clock.instant()));
    }

    // ---- validation and save ----

    private void refresh() {
        String n = name.get().strip();
        if (n.isEmpty()) {
            nameError.set("Give the schedule a name, e.g. nightly-cohort.");
        } else if (n.length() > 200) {
            nameError.set("A name has at most 200 characters.");
        } else if (takenNames.contains(n)) {
            nameError.set("A schedule named \u201c" + n + "\u201d exists already; choose another name.");
        } else {
            nameError.set("");
        }
        canSave.set(nameError.get().isEmpty() && job.validProperty().get() && !expression.get().isBlank()
                && zone.get() != null && previewState.get() != PreviewState.INVALID && !saving.get());
    }

    /**
     * Stores the schedule (creates it, or replaces the edited one's definition); {@code onSaved} runs
     * with the stored schedule. A refusal shows in {@link #saveErrorProperty()}.
     */
    public void save(Consumer<Schedule> onSaved) {
        if (!canSave.get()) {
            return;
        }
        ScheduleDefinition definition;
        try {
            JobSubmission template = job.submission();
            definition = new ScheduleDefinition(name.get(), expression.get(), syntax.get(), ZoneId.of(zone.get()),
                    misfire.get(), template, enabled.get(), newPopulationEachFire.get()
                            ? PopulationPolicy.NEW_EACH_FIRE : PopulationPolicy.SAME_EACH_FIRE);
        } catch (IllegalArgumentException e) {
            saveError.set(Failures.message(e));
            return;
        }
        saving.set(true);
        saveError.set("");
        refresh();
        String title = (existing == null ? "Creating" : "Saving") + " schedule " + definition.name();
        tasks.task(title, p -> existing == null ? connection.service().createSchedule(definition)
                        : connection.service().updateSchedule(existing.id(), definition))
                .onSuccess(saved -> {
                    saving.set(false);
                    refresh();
                    onSaved.accept(saved);
                })
                .onFailure(e -> {
                    saving.set(false);
                    saveError.set(Failures.message(e));
                    refresh();
                })
                .start();
    }

    /** Puts an example's expression and syntax in the field. */
    public void useExample(CronExample example) {
        syntax.set(example.syntax());
        expression.set(example.expression());
    }

    // ---- properties ----

    /** "New schedule" or the edited schedule's name. */
    public String title() {
        return existing == null ? "New schedule" : "Edit schedule \u201c" + existing.definition().name() + "\u201d";
    }

    /** Whether this edits a stored schedule. */
    public boolean editing() {
        return existing != null;
    }

    /** IANA zone names offered (region names and UTC; no fixed offsets, which ignore daylight saving). */
    public static List<String> zones() {
        return Zones.NAMES;
    }

    /** Examples offered. */
    public List<CronExample> examples() {
        return CronExample.ALL;
    }

    /** The job the schedule submits at each fire time. */
    public SubmitJobViewModel job() {
        return job;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public ObjectProperty<CronSyntax> syntaxProperty() {
        return syntax;
    }

    /** The zone's IANA name. */
    public ObjectProperty<String> zoneProperty() {
        return zone;
    }

    public ObjectProperty<MisfirePolicy> misfireProperty() {
        return misfire;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /**
     * Whether every fire generates a new population: a seed and end date from the fire time, into
     * a folder of its own under the output folder. Off: every fire generates the template's.
     */
    public BooleanProperty newPopulationEachFireProperty() {
        return newPopulationEachFire;
    }

    /** Why the name cannot be used, or empty. */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreviewState> previewStateProperty() {
        return previewState.getReadOnlyProperty();
    }

    /** The expression in words (engine's), e.g. "At 02:00". */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The next fire times in the schedule's zone, as text. */
    public ObservableList<String> nextFires() {
        return nextFiresView;
    }

    /** The engine's message about the expression, or empty. */
    public ReadOnlyStringProperty cronErrorProperty() {
        return cronError.getReadOnlyProperty();
    }

    /** The fields of the chosen syntax, with an example. */
    public ReadOnlyStringProperty syntaxHintProperty() {
        return syntaxHint.getReadOnlyProperty();
    }

    /** The zone's offset now. */
    public ReadOnlyStringProperty zoneNoteProperty() {
        return zoneNote.getReadOnlyProperty();
    }

    /** What the chosen misfire policy does, in one line. */
    public ReadOnlyStringProperty misfireExplanationProperty() {
        return misfireExplanation.getReadOnlyProperty();
    }

    /** Why the engine refused to store the schedule, or empty. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Whether Save may be pressed. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** Zone names, computed once. */
    private static final class Zones {
        static final List<String> NAMES;

        static {
            Set<String> names = new TreeSet<>();
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                    names.add(id);
                }
            }
            names.add("UTC");
            NAMES = List.copyOf(names);
        }
    }
}
