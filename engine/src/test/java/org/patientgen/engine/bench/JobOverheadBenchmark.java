package org.patientgen.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.generate.ProgressListener;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.jobs.ShardQueue;
import org.patientgen.engine.jobs.ShardRequests;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;

/**
 * What the job system costs on top of the engine: in one JVM, generates the same population once
 * with the raw {@link Generator} and once as a job run in shards by {@link ShardWorkers}, and
 * prints both rates and the overhead. Parameters are those of {@code generate-benchmark.sh}
 * (Massachusetts, seed 1, end date 2025-06-30, 10 years of history, FHIR NDJSON).
 *
 * <p>A short warm-up run first compiles the hot code, so neither side pays for the JIT; rounds
 * alternate which side runs first. Besides wall time it reports this JVM's CPU time for each run,
 * which other processes competing for the cores hardly change. Output goes to a temporary directory and is deleted after each
 * run (7.6 GB per 100,000 patients).
 *
 * <p>Run through {@code engine/bench/job-overhead-benchmark.sh}; options: {@code --patients N}
 * (100000), {@code --shard-size N} (10000), {@code --workers N} (2), {@code --generator-threads N}
 * per shard (1), {@code --raw-threads N} (2), {@code --rounds N} (2), {@code --warmup N} patients
 * (3000), {@code --database h2|postgresql} (h2), {@code --work DIR} (a new temporary directory).
 */
public final class JobOverheadBenchmark {
    private static final long SEED = 1;
    private static final String STATE = "MA";
    private static final LocalDate END = LocalDate.of(2025, 6, 30);
    private static final int YEARS = 10;
    private static final String FORMAT = "fhir-ndjson";

    private JobOverheadBenchmark() {
    }

    private record Options(long patients, int shardSize, int workers, int generatorThreads, int rawThreads,
                           int rounds, long warmup, String database, Path work) {
        static Options parse(String[] args) throws IOException {
            long patients = 100_000;
            int shardSize = 10_000;
            int workers = 2;
            int generatorThreads = 1;
            int rawThreads = 2;
            int rounds = 2;
            long warmup = 3_000;
            String database = "h2";
            Path work = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--patients" -> patients = Long.parseLong(args[++i]);
                    case "--shard-size" -> shardSize = Integer.parseInt(args[++i]);
                    case "--workers" -> workers = Integer.parseInt(args[++i]);
                    case "--generator-threads" -> generatorThreads = Integer.parseInt(args[++i]);
                    case "--raw-threads" -> rawThreads = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Long.parseLong(args[++i]);
                    case "--database" -> database = args[++i];
                    case "--work" -> work = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the JobOverheadBenchmark Javadoc for the options");
                }
            }
            if (!database.equals("h2") && !database.equals("postgresql")) {
                throw new IllegalArgumentException("--database must be h2 or postgresql, was " + database);
            }
            Path dir = work == null ? Files.createTempDirectory("patientgen-job-overhead-")
                    : Files.createDirectories(work);
            return new Options(patients, shardSize, workers, generatorThreads, rawThreads, rounds, warmup, database,
                    dir);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf("Job-system overhead: %,d patients, %s, seed %d, end date %s, %d years, %s; java %s,"
                        + " JVM options %s; %d cores%n", o.patients(), STATE, SEED, END, YEARS, FORMAT,
                System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("job: %d shards of %,d on %d workers x %d generator thread(s), %s; raw: Generator with %d"
                        + " threads%n", (o.patients() + o.shardSize() - 1) / o.shardSize(), o.shardSize(), o.workers(),
                o.generatorThreads(), o.database(), o.rawThreads());
        raw(o, o.warmup(), o.work().resolve("warmup"));
        System.out.printf("%5s %-4s %12s %9s %10s %8s %14s %14s%n", "round", "run", "patients/s", "seconds",
                "overhead", "cpu-s", "patients/cpu-s", "cpu-overhead");
        try (BenchPostgres postgres = o.database().equals("postgresql") ? BenchPostgres.start(true, false) : null) {
            for (int round = 1; round <= o.rounds(); round++) {
                Run raw;
                Run job;
                if (round % 2 == 1) {
                    raw = raw(o, o.patients(), o.work().resolve("raw"));
                    job = job(o, postgres, round);
                } else {
                    job = job(o, postgres, round);
                    raw = raw(o, o.patients(), o.work().resolve("raw"));
                }
                report(round, "raw", o.patients(), raw, null);
                report(round, "job", o.patients(), job, raw);
            }
        } finally {
            delete(o.work());
        }
    }

    /**
     * Wall time, and CPU time of this whole JVM (generator, workers, H2, pool) over the same span:
     * unlike wall time, CPU time hardly changes when other processes compete for the cores.
     */
    private record Run(double seconds, double cpuSeconds) {
    }

    /** One result line; against {@code base} (the raw run) for the job's overheads. */
    private static void report(int round, String name, long patients, Run run, Run base) {
        String overhead = base == null ? "" : String.format("%.1f%%", (run.seconds() / base.seconds() - 1) * 100);
        String cpuOverhead = base == null ? ""
                : String.format("%.1f%%", (run.cpuSeconds() / base.cpuSeconds() - 1) * 100);
        System.out.printf("%5d %-4s %12.0f %9.1f %10s %8.1f %14.0f %14s%n", round, name, patients / run.seconds(),
                run.seconds(), overhead, run.cpuSeconds(), patients / run.cpuSeconds(), cpuOverhead);
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** The raw engine, as {@code patientgen generate} runs it. */
    private static Run raw(Options o, long patients, Path out) throws Exception {
        SimulationConfig config = new SimulationConfig(SEED, Census.get().state(STATE), END, YEARS,
                ModuleLoader.builtIn());
        GenerationRequest request = new GenerationRequest(patients, config, ExportFormats.parse(FORMAT), out,
                o.rawThreads());
        double cpu = cpuSeconds();
        long start = System.nanoTime();
        Generator.run(request, ProgressListener.NONE);
        Run run = new Run((System.nanoTime() - start) / 1e9, cpuSeconds() - cpu);
        delete(out);
        return run;
    }

    /**
     * The same population as a job on a fresh database, run by one node's workers: wall time from
     * submission to the job's success as recorded in its transitions; CPU time until this thread saw
     * the success (polling every 100 ms).
     */
    private static Run job(Options o, BenchPostgres postgres, int round) throws Exception {
        Path out = o.work().resolve("job");
        Path h2 = o.work().resolve("h2-" + round);
        DatabaseTarget target = postgres == null ? DatabaseTarget.embedded(h2) : postgres.freshDatabase("overhead");
        Clock clock = Clock.systemUTC();
        // one connection per worker plus one for the lease renewer and one for polling here
        int connections = o.workers() + 2;
        Run run;
        try (ConnectionPool pool = ConnectionPool.open(target, PoolSettings.builder().poolName("job-overhead")
                .maximumPoolSize(connections).minimumIdle(connections).build(), clock, Duration.ofSeconds(5))) {
            JobStore jobs = new JobStore(pool.dataSource(), clock, JobQueuePolicy.DEFAULT);
            ShardQueue queue = new ShardQueue(pool.dataSource(), pool.dialect(), clock);
            GenerationSpec spec = new GenerationSpec(o.patients(), SEED, STATE, END, YEARS, List.of(FORMAT), "",
                    out.toString(), o.shardSize());
            long id;
            double cpu = cpuSeconds();
            double cpuUsed;
            try (ShardWorkers workers = new ShardWorkers("bench", queue, jobs,
                    new ShardRequests(o.generatorThreads(), ModuleLoader::builtIn), ShardWorkers.Settings.defaults(),
                    clock)) {
                id = jobs.submit(new JobSubmission(spec, 0, "bench", Map.of()));
                workers.setConcurrency(o.workers());
                JobState state;
                while (!(state = jobs.job(id).orElseThrow().state()).isTerminal()) {
                    Thread.sleep(100);
                }
                cpuUsed = cpuSeconds() - cpu;
                if (state != JobState.SUCCEEDED) {
                    throw new IllegalStateException("benchmark job ended " + state + ": " + jobs.transitions(id));
                }
            }
            List<JobTransition> transitions = jobs.transitions(id);
            Instant submitted = transitions.get(0).at();
            Instant succeeded = transitions.get(transitions.size() - 1).at();
            run = new Run(Duration.between(submitted, succeeded).toNanos() / 1e9, cpuUsed);
        }
        delete(out);
        delete(h2);
        return run;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
