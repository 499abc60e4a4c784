package org.patientgen.engine.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.module.Module;
import org.patientgen.engine.sim.SimulationConfig;
import org.patientgen.engine.sim.Simulator;

/**
 * Generates a population: worker threads simulate and serialize patients (any order), one
 * writer thread appends their output in patient-index order to a temporary directory, which is
 * moved into place with its {@code manifest.json} when complete. Memory is bounded by the
 * reorder window, not the population size.
 */
public final class Generator {
    /** Patients each worker may run ahead of the writer. */
    private static final int WINDOW_PER_THREAD = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Generator() {
    }

    private record Produced(PatientChunk chunk, boolean alive, Throwable failure) {
    }

    /**
     * Runs the request.
     *
     * @throws IOException         if the output directory cannot be created or written (message says which)
     * @throws GenerationException if simulating or exporting a patient failed (message names the patient)
     */
    public static GenerationSummary run(GenerationRequest request, ProgressListener progress)
            throws IOException, GenerationException, InterruptedException {
        return run(request, progress, () -> false);
    }

    /**
     * Runs the request unless {@code cancelled} turns true: it is asked before each patient is
     * written, and once it answers true the run stops, deletes its temporary directory (nothing
     * appears at the target) and throws {@link CancellationException}. Interrupting the calling
     * thread has the same effect, with {@link InterruptedException}.
     *
     * @param cancelled asked from the calling thread between patients; must be cheap
     * @throws CancellationException if {@code cancelled} answered true
     */
    public static GenerationSummary run(GenerationRequest request, ProgressListener progress,
                                        BooleanSupplier cancelled)
            throws IOException, GenerationException, InterruptedException {
        long started = System.nanoTime();
        Simulator simulator = new Simulator(request.simulation());
        try (OutputDirectory out = OutputDirectory.create(request.output())) {
            ReorderBuffer<Produced> buffer = new ReorderBuffer<>(request.threads() * WINDOW_PER_THREAD);
            AtomicLong nextIndex = new AtomicLong();
            ExecutorService workers = Executors.newFixedThreadPool(request.threads(), namedDaemonThreads());
            long alive = 0;
            long bytes = 0;
            try {
                for (int t = 0; t < request.threads(); t++) {
                    workers.execute(() -> work(simulator, request, nextIndex, buffer));
                }
                for (long i = 0; i < request.population(); i++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("generation of " + request.output() + " cancelled after "
                                + i + " of " + request.population() + " patients");
                    }
                    Produced p = buffer.take();
                    if (p.failure() != null) {
                        throw new GenerationException("patient " + (request.firstIndex() + i) + " failed: "
                                + describe(p.failure()),
                                p.failure());
                    }
                    out.write(p.chunk());
                    if (p.alive()) {
                        alive++;
                    }
                    for (var a : p.chunk().appends().values()) {
                        bytes += a.bytes().size();
                    }
                    for (byte[] f : p.chunk().files().values()) {
                        bytes += f.length;
                    }
                    progress.progress(i + 1, request.population(), bytes);
                }
            } finally {
                workers.shutdownNow();
                if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("generation workers did not stop within 30 s");
                }
            }
            Map<String, OutputDirectory.FileInfo> files = out.closeFiles();
            long totalBytes = files.values().stream().mapToLong(OutputDirectory.FileInfo::bytes).sum();
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            GenerationSummary summary = new GenerationSummary(out.target(), request.population(), alive,
                    request.population() - alive, Map.copyOf(out.counts()), totalBytes, elapsed);
            out.writeFile("manifest.json", manifest(request, summary, files));
            out.commit();
            return summary;
        }
    }

    private static void work(Simulator simulator, GenerationRequest request, AtomicLong nextIndex,
                             ReorderBuffer<Produced> buffer) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long i = nextIndex.getAndIncrement();
                if (i >= request.population()) {
                    return;
                }
                long patient = request.firstIndex() + i;
                Produced produced;
                try {
                    PatientRecord record = simulator.simulate(patient);
                    PatientChunk chunk = new PatientChunk(patient);
                    for (Exporter e : request.exporters()) {
                        e.write(record, chunk);
                    }
                    produced = new Produced(chunk, record.alive(), null);
                } catch (Exception | StackOverflowError e) {
                    produced = new Produced(null, false, e);
                }
                buffer.put(i, produced);
                if (produced.failure() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutdownNow: the run is over
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "patientgen-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] manifest(GenerationRequest request, GenerationSummary summary,
                                   Map<String, OutputDirectory.FileInfo> files) throws IOException {
        SimulationConfig sim = request.simulation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "PatientGen " + version());
        m.put("seed", sim.seed());
        m.put("population", request.population());
        if (request.firstIndex() != 0) {
            m.put("firstIndex", request.firstIndex()); // a shard of a larger population
        }
        m.put("state", sim.state().code());
        m.put("endDate", sim.endDate().toString());
        m.put("yearsOfHistory", sim.yearsOfHistory());
        m.put("formats", request.exporters().stream().map(Exporter::format).toList());
        List<String> modules = new ArrayList<>();
        for (Module mod : sim.modules().all().values()) {
            modules.add(mod.key());
        }
        m.put("modules", modules);
        Map<String, Object> patients = new LinkedHashMap<>();
        patients.put("total", summary.patients());
        patients.put("alive", summary.alive());
        patients.put("dead", summary.dead());
        m.put("patients", patients);
        m.put("counts", new java.util.TreeMap<>(summary.counts()));
        Map<String, Object> fileMap = new LinkedHashMap<>();
        files.forEach((path, info) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("bytes", info.bytes());
            entry.put("sha256", info.sha256());
            fileMap.put(path, entry);
        });
        m.put("files", fileMap);
        // the only part that differs between runs with the same inputs
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("elapsedMillis", summary.elapsedMillis());
        timings.put("patientsPerSecond", Math.round(summary.patientsPerSecond() * 10) / 10.0);
        timings.put("threads", request.threads());
        m.put("timings", timings);
        return JSON.writeValueAsBytes(m);
    }

    /**
     * Checks, without writing anything, that {@code output} can receive a generation run: absent
     * or empty, inside a writable directory. {@link #run} checks the same before it starts.
     *
     * @throws IOException whose message names the directory and the problem
     */
    public static void checkOutput(java.nio.file.Path output) throws IOException {
        OutputDirectory.checkTarget(output);
    }

    /** The engine version from the jar manifest, or "dev" when run from classes. */
    /**
     * Deletes the partial output that runs into {@code output} left behind when their process died.
     * Only for a caller that alone may write to {@code output} now (e.g. holding a shard's lease).
     *
     * @return how many partial outputs were deleted
     */
    public static int discardAbandonedOutput(Path output) throws IOException {
        return OutputDirectory.discardAbandoned(output);
    }

    public static String version() {
        String v = Generator.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
