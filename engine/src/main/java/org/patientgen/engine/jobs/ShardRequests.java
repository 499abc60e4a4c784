package org.patientgen.engine.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.module.ModuleLibrary;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;

/**
 * Turns a job's parameters and a shard lease into the generation run for that shard, and knows
 * where a job's output goes: shard <i>n</i> of a job whose output is {@code OUT} is written to
 * {@code OUT/shards/NNNNN} (shard number zero-padded to five digits, so that directory listings
 * sort in patient order). Module libraries are loaded once per module path and reused.
 * Thread-safe.
 */
public final class ShardRequests {
    private final int generatorThreads;
    private final Supplier<ModuleLibrary> builtIn;
    private final Map<String, ModuleLibrary> libraries = new ConcurrentHashMap<>();

    /**
     * @param generatorThreads simulation threads per shard (output does not depend on it)
     * @param builtIn          the built-in module library, e.g. {@code ModuleLoader::builtIn}
     */
    public ShardRequests(int generatorThreads, Supplier<ModuleLibrary> builtIn) {
        if (generatorThreads < 1 || generatorThreads > 256) {
            throw new IllegalArgumentException("generator threads must be between 1 and 256, was "
                    + generatorThreads);
        }
        this.generatorThreads = generatorThreads;
        this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
    }

    /** The directory holding shard {@code shardIndex} of a job whose output location is {@code jobOutput}. */
    public static Path shardDirectory(Path jobOutput, int shardIndex) {
        return jobOutput.resolve("shards").resolve(String.format("%05d", shardIndex));
    }

    /**
     * The run that writes exactly the lease's patients into the shard's directory.
     *
     * @throws IOException              if the job's extra modules cannot be read
     * @throws IllegalArgumentException if the job names an unknown state or format
     */
    public GenerationRequest forShard(GenerationSpec spec, ShardLease lease) throws IOException {
        SimulationConfig config = new SimulationConfig(spec.seed(), Census.get().state(spec.state()), spec.endDate(),
                spec.yearsOfHistory(), modules(spec.modules()));
        return new GenerationRequest(lease.patientCount(), config, ExportFormats.parse(String.join(",", spec.formats())),
                shardDirectory(Path.of(spec.output()), lease.shardIndex()), generatorThreads, lease.firstPatient());
    }

    private ModuleLibrary modules(String path) throws IOException {
        ModuleLibrary cached = libraries.get(path);
        if (cached != null) {
            return cached;
        }
        ModuleLibrary library = path.isEmpty() ? builtIn.get() : builtIn.get().with(ModuleLoader.load(Path.of(path)));
        libraries.putIfAbsent(path, library);
        return library;
    }
}
