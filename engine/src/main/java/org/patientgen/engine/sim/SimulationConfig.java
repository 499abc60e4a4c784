package org.patientgen.engine.sim;

import java.time.LocalDate;
import java.util.Objects;
import org.patientgen.engine.module.ModuleLibrary;
import org.patientgen.engine.reference.StateProfile;

/**
 * Everything that determines a population besides the patient index: validated once, immutable.
 *
 * @param seed           the population seed
 * @param state          where patients live
 * @param endDate        the last day simulated (the "today" of the population)
 * @param yearsOfHistory records older than this many years before {@code endDate} are not
 *                       exported (entries still active then are); 0 keeps the whole lifetime.
 *                       Patients are alive at the start of this window: deaths happen within it.
 * @param modules        the disease modules to run
 */
public record SimulationConfig(long seed, StateProfile state, LocalDate endDate, int yearsOfHistory,
                               ModuleLibrary modules) {
    public SimulationConfig {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(modules, "modules");
        if (yearsOfHistory < 0 || yearsOfHistory > 120) {
            throw new IllegalArgumentException("years of history must be between 0 (whole lifetime) and 120, was "
                    + yearsOfHistory);
        }
    }
}
