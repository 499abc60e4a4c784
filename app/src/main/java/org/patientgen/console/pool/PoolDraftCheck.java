package org.patientgen.console.pool;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Failures;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.SettingsProblem;

/**
 * Validation as the user types, by the engine itself ({@link PatientGenService#validatePool}, which
 * knows the database's limits): debounced — a check starts once the form has been quiet for
 * {@link #QUIET_TICKS} ticks — one check at a time, on the background executor, and a result is
 * shown only if nothing was typed since it started. Text that cannot be read (a time without a
 * unit the form knows, a count with letters) is reported at once, without asking the engine.
 * UI thread only.
 */
final class PoolDraftCheck {
    /** Quiet ticks before a check: 300 ms at the screen's 100 ms tick. */
    static final int QUIET_TICKS = 3;

    /** Where the check of the current draft is. */
    enum State {
        /** Typed since the last check; a check is due or running. */
        CHECKING,
        /** The engine accepts the draft. */
        VALID,
        /** The draft has problems (listed). */
        INVALID,
        /** The engine could not be asked. */
        UNKNOWN
    }

    private final PoolForm form;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CHECKING);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    /** Changes of the draft so far; a result applies only to the version it checked. */
    private long version;
    private long checked = -1;
    private boolean inFlight;
    private int quiet;

    PoolDraftCheck(PoolForm form, BackgroundTasks tasks) {
        this.form = Objects.requireNonNull(form, "form");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** The draft changed: check it after the next quiet spell. */
    void edited() {
        version++;
        quiet = 0;
        state.set(State.CHECKING);
    }

    /** The draft was replaced (loaded from the engine): check it on the next tick. */
    void replaced() {
        edited();
        quiet = QUIET_TICKS;
    }

    /** Called on every UI tick; starts a check when one is due. */
    void tick(PatientGenService service) {
        if (service == null || checked == version || inFlight || ++quiet < QUIET_TICKS) {
            return;
        }
        long checking = version;
        PoolForm.Reading reading = form.read();
        if (reading.draft() == null) {
            checked = checking;
            publish(State.INVALID);
            return;
        }
        inFlight = true;
        tasks.task("Checking pool settings", p -> service.validatePool(reading.draft())).quiet()
                .onSuccess((List<SettingsProblem> found) -> {
                    inFlight = false;
                    if (checking == version) {
                        checked = checking;
                        form.engineProblems(found);
                        publish(found.isEmpty() ? State.VALID : State.INVALID);
                    }
                })
                .onFailure(e -> {
                    inFlight = false;
                    if (checking == version) {
                        checked = checking;
                        problems.setAll("The settings could not be checked: " + Failures.message(e));
                        state.set(State.UNKNOWN);
                    }
                })
                .start();
    }

    private void publish(State result) {
        problems.setAll(form.fields().stream().filter(f -> !f.errorProperty().get().isEmpty())
                .map(PoolDraftCheck::messageOf).toList());
        state.set(result);
    }

    /** Typing errors do not name their field; the engine's messages start with it. */
    private static String messageOf(PoolFieldState f) {
        String error = f.errorProperty().get();
        return error.startsWith(f.field().hikariName() + " = ") ? error : f.field().hikariName() + ": " + error;
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Every problem of the draft, in field order (read-only). */
    ObservableList<String> problems() {
        return problemsView;
    }
}
