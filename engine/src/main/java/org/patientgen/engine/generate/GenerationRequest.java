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
 * @param firstIndex index of the first patient: the run writes patients {@code firstIndex} to
 *                   {@code firstIndex + population - 1}, byte for byte as a whole-population run
 *                   writes them (a job shard is such a range)
 */
public record GenerationRequest(long population, SimulationConfig simulation, List<Exporter> exporters,
                                Path output, int threads, long firstIndex) {
    /** A whole population: patients 0 to {@code population - 1}. */
    public GenerationRequest(long population, SimulationConfig simulation, List<Exporter> exporters, Path output,
                             int threads) {
        this(population, simulation, exporters, output, threads, 0);
    }

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
        if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - population) {
            throw new IllegalArgumentException("first patient index must be at least 0, was " + firstIndex);
        }
    }
}
