package org.patientgen.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.generate.GenerationException;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.generate.GenerationSummary;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.module.ModuleFormatException;
import org.patientgen.engine.module.ModuleLibrary;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.reference.StateProfile;
import org.patientgen.engine.sim.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patientgen generate}: simulate a population and export it. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate N patients from birth to the end date (or death) and export them.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--population"}, required = true, paramLabel = "N",
            description = "Number of patients to simulate (each to the end date or to death).")
    private long population;

    @Option(names = {"-s", "--seed"}, paramLabel = "S",
            description = "Random seed; the same seed and options give the same bytes. Default: random (printed).")
    private Long seed;

    @Option(names = "--state", paramLabel = "STATE", defaultValue = "MA",
            description = "US state (USPS code or name) whose census figures are used. Default: ${DEFAULT-VALUE}.")
    private String state;

    @Option(names = {"-y", "--years-of-history"}, paramLabel = "Y", defaultValue = "10",
            description = "Years of records kept before the end date (0 = whole lifetime). Default: ${DEFAULT-VALUE}.")
    private int yearsOfHistory;

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD",
            description = "Last simulated day. Default: today.")
    private String endDate;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory to create (must not exist or be empty).")
    private Path out;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMATS", defaultValue = "fhir-ndjson",
            description = "Comma-separated formats: fhir-ndjson, fhir-bundle, csv. Default: ${DEFAULT-VALUE}.")
    private String formats;

    @Option(names = {"-t", "--threads"}, paramLabel = "T",
            description = "Worker threads (output does not depend on it). Default: number of CPUs.")
    private Integer threads;

    @Option(names = {"-m", "--modules"}, paramLabel = "PATH",
            description = "Extra module directory or jar (Synthea GMF JSON); same-named modules replace built-in ones.")
    private Path modules;

    @Option(names = "--no-builtin-modules",
            description = "Run only the modules given with --modules.")
    private boolean noBuiltinModules;

    @Override
    public Integer call() throws IOException, GenerationException, InterruptedException {
        GenerationRequest request = validate();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = ProgressBar.isTerminal() ? new ProgressBar(err) : null;
        GenerationSummary summary = Generator.run(request, bar == null ? (w, t, b) -> { } : bar::update);
        if (bar != null) {
            bar.finish();
        }
        printSummary(spec.commandLine().getOut(), request, summary);
        return 0;
    }

    /** Checks every option before anything is written; bad input throws {@link UsageException}. */
    private GenerationRequest validate() throws IOException {
        if (population < 1) {
            throw new UsageException("--population must be at least 1, was " + population);
        }
        StateProfile profile;
        try {
            profile = Census.get().state(state);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--state: " + e.getMessage());
        }
        if (yearsOfHistory < 0 || yearsOfHistory > 120) {
            throw new UsageException("--years-of-history must be between 0 (whole lifetime) and 120, was "
                    + yearsOfHistory);
        }
        LocalDate end;
        try {
            end = endDate == null ? LocalDate.now() : LocalDate.parse(endDate);
        } catch (DateTimeParseException e) {
            throw new UsageException("--end-date '" + endDate + "' is not a date like 2025-12-31");
        }
        List<Exporter> exporters;
        try {
            exporters = ExportFormats.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 256) {
            throw new UsageException("--threads must be between 1 and 256, was " + threadCount);
        }
        ModuleLibrary library = loadModules();
        long actualSeed = seed != null ? seed : new java.util.SplittableRandom().nextLong() >>> 16;
        SimulationConfig config = new SimulationConfig(actualSeed, profile, end, yearsOfHistory, library);
        try {
            Generator.checkOutput(out);
        } catch (IOException e) {
            throw new UsageException("--out " + e.getMessage());
        }
        return new GenerationRequest(population, config, exporters, out, threadCount);
    }

    private ModuleLibrary loadModules() throws IOException {
        try {
            ModuleLibrary builtIn = noBuiltinModules ? null : ModuleLoader.builtIn();
            if (modules == null) {
                if (builtIn == null) {
                    throw new UsageException("--no-builtin-modules needs --modules PATH");
                }
                return builtIn;
            }
            if (!java.nio.file.Files.exists(modules)) {
                throw new UsageException("--modules " + modules + " does not exist");
            }
            ModuleLibrary extra = ModuleLoader.load(modules);
            return builtIn == null ? extra : builtIn.with(extra);
        } catch (ModuleFormatException e) {
            throw new UsageException("--modules: module " + e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, GenerationRequest request, GenerationSummary s) {
        double seconds = Math.max(s.elapsedMillis(), 1) / 1000.0;
        out.printf("Generated %,d patients (%,d alive, %,d dead) in %.1f s: %,.0f patients/s%n",
                s.patients(), s.alive(), s.dead(), seconds, s.patientsPerSecond());
        long resources = s.fhirResources();
        if (resources > 0) {
            out.printf("FHIR resources: %,d (%,.0f/s)%n", resources, resources / seconds);
        }
        out.printf("Written: %,.1f MB (%,.1f MB/s) with seed %d%n", s.bytes() / 1e6, s.bytes() / 1e6 / seconds,
                request.simulation().seed());
        Map<String, Long> sorted = new TreeMap<>(s.counts());
        StringBuilder line = new StringBuilder("Counts:");
        sorted.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        out.println(line);
        out.println("Output: " + s.output());
    }
}
