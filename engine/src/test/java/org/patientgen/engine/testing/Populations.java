package org.patientgen.engine.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.generate.GenerationSummary;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.generate.ProgressListener;
import org.patientgen.engine.module.ModuleLibrary;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;

/** Generates real populations in-process for tests, with the built-in modules. */
public final class Populations {
    public static final LocalDate END_DATE = LocalDate.of(2025, 6, 30);
    private static volatile ModuleLibrary builtIn;

    private Populations() {
    }

    public static ModuleLibrary builtInModules() {
        if (builtIn == null) {
            builtIn = ModuleLoader.builtIn();
        }
        return builtIn;
    }

    public static SimulationConfig config(long seed, String state, int yearsOfHistory) {
        return new SimulationConfig(seed, Census.get().state(state), END_DATE, yearsOfHistory, builtInModules());
    }

    public static GenerationSummary generate(Path out, long population, long seed, String formats, int threads)
            throws Exception {
        return Generator.run(new GenerationRequest(population, config(seed, "MA", 10), ExportFormats.parse(formats),
                out, threads), ProgressListener.NONE);
    }
}
