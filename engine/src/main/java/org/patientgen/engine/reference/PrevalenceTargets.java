package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/**
 * The prevalences the disease modules are calibrated to ({@code data/prevalence_targets.csv},
 * sources in its header): for a condition (SNOMED CT), sex and age band, the fraction of the
 * living population with the condition active. Loaded once per JVM, immutable.
 */
public final class PrevalenceTargets {
    /** Bands whose {@code age_to} is at least this are open-ended ("60+" is written 60–100). */
    public static final int OPEN_AGE = 100;

    private static final Lazy<PrevalenceTargets> INSTANCE = new Lazy<>(PrevalenceTargets::load);

    private final List<Target> targets;

    /**
     * One calibration target.
     *
     * @param condition  module name (e.g. {@code hypertension})
     * @param snomed     SNOMED CT code of the condition as exported
     * @param sex        sex the figure applies to
     * @param ageFrom    first year of age (inclusive)
     * @param ageTo      last year of age (inclusive); {@value #OPEN_AGE} or more means "and older"
     * @param prevalence fraction of the living population of that sex and band, in [0, 1]
     * @param sourceKey  key of the {@code # source:} line the figure comes from
     */
    public record Target(String condition, String snomed, Sex sex, int ageFrom, int ageTo, double prevalence,
                         String sourceKey) {
        public Target {
            if (ageFrom < 0 || ageTo < ageFrom) {
                throw new IllegalArgumentException("age band " + ageFrom + "-" + ageTo + " of " + condition
                        + " is empty or negative");
            }
            if (!(prevalence >= 0 && prevalence <= 1)) {
                throw new IllegalArgumentException("prevalence of " + condition + " must be within [0, 1], was "
                        + prevalence);
            }
        }

        /** Whether a person of {@code age} completed years falls in this band. */
        public boolean covers(int age) {
            return age >= ageFrom && (ageTo >= OPEN_AGE || age <= ageTo);
        }

        /** The band as people write it: {@code 18-39} or {@code 60+}. */
        public String ageLabel() {
            return ageTo >= OPEN_AGE ? ageFrom + "+" : ageFrom + "-" + ageTo;
        }
    }

    PrevalenceTargets(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The shared instance (loaded on first use). */
    public static PrevalenceTargets get() {
        return INSTANCE.get();
    }

    /** All targets in file order. */
    public List<Target> targets() {
        return targets;
    }

    private static PrevalenceTargets load() {
        DataTable table = DataTable.load("prevalence_targets.csv");
        List<Target> targets = new ArrayList<>();
        for (CSVRecord r : table.rows()) {
            try {
                targets.add(new Target(table.text(r, "condition"), table.text(r, "snomed"),
                        Sex.fromLetter(table.text(r, "sex")), (int) table.number(r, "age_from"),
                        (int) table.number(r, "age_to"), table.number(r, "prevalence"), table.text(r, "source_key")));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("reference data prevalence_targets.csv line " + r.getRecordNumber()
                        + ": " + e.getMessage(), e);
            }
        }
        return new PrevalenceTargets(targets);
    }
}
