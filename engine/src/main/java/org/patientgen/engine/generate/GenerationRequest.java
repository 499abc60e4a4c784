package org.patientgen.engine.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.sim.SimulationConfig;

/**
 * A validated request to generate a population.
 *
 * @param population number of patients simulated (each to the end date or death)
 * @param simulation what determines each patient
 * @param exporters  output formats
 * @param output     directory to create (absent or empty)
 * @param threads    worker threads; output does not depend on it
 */
public record GenerationRequest(long population, SimulationConfig simulation, List<Exporter> exporters,
                                Path output, int threads) {
    public GenerationRequest {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(output, "output");
        exporters = List.copyOf(exporters);
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1, was " + population);
        }
        if (exporters.isEmpty()) {
            throw new IllegalArgumentException("at least one output format is needed");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, was " + threads);
        }
    }
}
