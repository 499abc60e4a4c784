package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PoolChangePlan;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.api.TransactionIsolation;

/**
 * The pool settings being edited: every {@link PoolField} with its value, its problem, and how it
 * compares with what the running pool uses. Reads the fields into a draft the engine can validate,
 * and lists the {@linkplain #diff() differences} from the running settings, each marked live or
 * needing a restart. UI thread only.
 */
public final class PoolForm {
    private final Map<PoolField, PoolFieldState> fields = new EnumMap<>(PoolField.class);
    private final ObservableList<PoolDiffRow> diff = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a short-lived wrapper would be dropped with it. */
    private final ObservableList<PoolDiffRow> diffView = FXCollections.unmodifiableObservableList(diff);
    private final Runnable onEdit;
    private PoolSettings running;
    private PoolSettings desired;
    private Map<PoolField, String> engineProblems = Map.of();
    private boolean loading;

    /** @param onEdit called after every change the user makes (not after {@link #load}) */
    PoolForm(Runnable onEdit) {
        this.onEdit = Objects.requireNonNull(onEdit, "onEdit");
        for (PoolField f : PoolField.values()) {
            PoolFieldState state = new PoolFieldState(f);
            fields.put(f, state);
            state.textProperty().addListener(o -> edited());
            state.flagProperty().addListener(o -> edited());
            state.isolationProperty().addListener(o -> edited());
        }
    }

    /** The field's state. */
    public PoolFieldState field(PoolField field) {
        return fields.get(field);
    }

    /** Every field, in display order. */
    public List<PoolFieldState> fields() {
        return List.copyOf(fields.values());
    }

    /** What differs from the running settings, in display order. */
    public ObservableList<PoolDiffRow> diff() {
        return diffView;
    }

    /** Fills every field with {@code settings}, as if typed, and compares again. */
    void load(PoolSettings settings) {
        loading = true;
        try {
            for (PoolFieldState s : fields.values()) {
                Object value = s.field().property().valueIn(settings);
                switch (s.field().kind()) {
                    case FLAG -> s.flagProperty().set((Boolean) value);
                    case ISOLATION -> s.isolationProperty().set((TransactionIsolation) value);
                    case TEXT -> s.textProperty().set((String) value);
                    default -> s.textProperty().set(s.field().format(value));
                }
            }
        } finally {
            loading = false;
        }
        engineProblems = Map.of();
        refresh();
    }

    /** Sets the values to compare with: what the pool runs and the latest applied settings. */
    void baseline(PoolSettings runningNow, PoolSettings desiredNow) {
        this.running = runningNow;
        this.desired = desiredNow;
        for (PoolFieldState s : fields.values()) {
            s.running.set(s.field().format(s.field().property().valueIn(runningNow)));
        }
        refresh();
    }

    /** Shows the engine's problems with the draft, each on its field ({@link SettingsProblem#message()}). */
    void engineProblems(List<SettingsProblem> problems) {
        Map<PoolField, String> byField = new LinkedHashMap<>();
        for (SettingsProblem p : problems) {
            byField.merge(PoolField.of(p.field()), p.message(), (a, b) -> a + " " + b);
        }
        engineProblems = byField;
        refresh();
    }

    private void edited() {
        if (!loading) {
            engineProblems = Map.of();
            refresh();
            onEdit.run();
        }
    }

    /** The fields as typed: a draft when every field could be read, and what could not be. */
    Reading read() {
        Map<PoolField, Object> values = new EnumMap<>(PoolField.class);
        Map<PoolField, String> typing = new EnumMap<>(PoolField.class);
        for (PoolFieldState s : fields.values()) {
            PoolField f = s.field();
            switch (f.kind()) {
                case FLAG -> values.put(f, s.flagProperty().get());
                case ISOLATION -> values.put(f, s.isolationProperty().get());
                default -> {
                    try {
                        values.put(f, f.parse(s.textProperty().get()));
                    } catch (IllegalArgumentException e) {
                        typing.put(f, e.getMessage());
                    }
                }
            }
        }
        return new Reading(typing.isEmpty() ? draftOf(values) : null, Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(typing));
    }

    private static PoolSettingsDraft draftOf(Map<PoolField, Object> v) {
        return new PoolSettingsDraft((String) v.get(PoolField.POOL_NAME), (Integer) v.get(PoolField.MAXIMUM_POOL_SIZE),
                (Integer) v.get(PoolField.MINIMUM_IDLE), (Long) v.get(PoolField.CONNECTION_TIMEOUT),
                (Long) v.get(PoolField.VALIDATION_TIMEOUT), (Long) v.get(PoolField.IDLE_TIMEOUT),
                (Long) v.get(PoolField.MAX_LIFETIME), (Long) v.get(PoolField.KEEPALIVE_TIME),
                (Long) v.get(PoolField.LEAK_DETECTION_THRESHOLD), (Long) v.get(PoolField.INITIALIZATION_FAIL_TIMEOUT),
                (Boolean) v.get(PoolField.AUTO_COMMIT), (Boolean) v.get(PoolField.READ_ONLY),
                (TransactionIsolation) v.get(PoolField.TRANSACTION_ISOLATION),
                (String) v.get(PoolField.CONNECTION_TEST_QUERY));
    }

    /** Errors, readings and the diff, from the fields as they are now. */
    private void refresh() {
        Reading r = read();
        for (PoolFieldState s : fields.values()) {
            PoolField f = s.field();
            String typing = r.typing().get(f);
            s.error.set(typing != null ? typing : engineProblems.getOrDefault(f, ""));
            s.reading.set(readingOf(f, s.textProperty().get(), r.values().get(f)));
            s.changed.set(running != null && r.values().containsKey(f)
                    && !Objects.equals(r.values().get(f), f.property().valueIn(running)));
        }
        diff.setAll(running == null ? List.of() : diffRows(r));
    }

    private static String readingOf(PoolField f, String text, Object value) {
        if (f.kind() != PoolField.Kind.DURATION || value == null) {
            return "";
        }
        String shown = f.format(value);
        return shown.equals(text.strip()) ? "" : "= " + shown;
    }

    private List<PoolDiffRow> diffRows(Reading r) {
        Set<String> restart = restartNames(r);
        List<PoolDiffRow> rows = new ArrayList<>();
        for (PoolField f : PoolField.values()) {
            Object now = f.property().valueIn(running);
            Object next = r.values().get(f);
            if (next == null || Objects.equals(now, next)) {
                continue;
            }
            PoolDiffRow.Effect effect;
            if (desired != null && Objects.equals(next, f.property().valueIn(desired))) {
                effect = PoolDiffRow.Effect.PENDING;
            } else {
                effect = restart.contains(f.hikariName()) ? PoolDiffRow.Effect.RESTART : PoolDiffRow.Effect.LIVE;
            }
            rows.add(new PoolDiffRow(f, f.format(now), f.format(next), effect));
        }
        return rows;
    }

    /**
     * Properties that would wait for a restart: the engine's own plan when the draft is valid
     * (which also catches a live half that cannot go alone), else each field's live flag.
     */
    private Set<String> restartNames(Reading r) {
        PoolSettings settings = r.settings();
        if (settings != null) {
            return Set.copyOf(PoolChangePlan.of(running, settings).restart());
        }
        Set<String> names = new java.util.HashSet<>();
        for (PoolField f : PoolField.values()) {
            if (!f.live()) {
                names.add(f.hikariName());
            }
        }
        return names;
    }

    /**
     * The fields as read.
     *
     * @param draft  every value, when all could be read; {@code null} otherwise
     * @param values each readable field's value (as {@link org.patientgen.engine.api.PoolProperty#valueIn} gives it)
     * @param typing what could not be read, by field
     */
    record Reading(PoolSettingsDraft draft, Map<PoolField, Object> values, Map<PoolField, String> typing) {
        /** The draft as valid settings, or {@code null} when it cannot be read or breaks a rule. */
        PoolSettings settings() {
            if (draft == null) {
                return null;
            }
            try {
                return draft.toBuilder().build();
            } catch (InvalidSettingsException e) {
                return null;
            }
        }
    }
}
