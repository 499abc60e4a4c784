package org.patientgen.engine.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.jobs.ShardQueue;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.pool.ConnectionPool;

/**
 * Claim throughput of the shard queue on PostgreSQL: fills a fresh database with pending shards
 * over several jobs and priorities, then lets 1, 4, 16 … claimer threads claim and immediately
 * complete shards, as workers would, so the table churns as it does in production. Prints
 * claims/s and claim and completion latencies per claimer count.
 *
 * <p>Run through {@code engine/bench/claim-benchmark.sh}; options:
 * {@code --shards N} (50000), {@code --jobs N} (10), {@code --workers 1,4,16},
 * {@code --pool N} (connections; default one per claimer, at least 2), {@code --warmup S} (2),
 * {@code --seconds S} (10), {@code --durable on|off} (fsync and synchronous_commit; on), {@code --profile}
 * (per-statement database time from {@code pg_stat_statements}).
 */
public final class ClaimBenchmark {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int[] PRIORITIES = {0, 5, -3, 2, 5, 0, 8, -1, 3, 1};

    private ClaimBenchmark() {
    }

    private record Options(int shards, int jobs, int[] workers, int pool, int warmupSeconds, int seconds,
                           boolean durableCommits, boolean profile) {
        static Options parse(String[] args) {
            int shards = 50_000;
            int jobs = 10;
            int[] workers = {1, 4, 16};
            int pool = 0;
            int warmup = 2;
            int seconds = 10;
            boolean durable = true;
            boolean profile = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--shards" -> shards = Integer.parseInt(args[++i]);
                    case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                    case "--workers" -> workers = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                            .toArray();
                    case "--pool" -> pool = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--durable" -> durable = "on".equals(args[++i]);
                    case "--profile" -> profile = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the ClaimBenchmark Javadoc for the options");
                }
            }
            return new Options(shards, jobs, workers, pool, warmup, seconds, durable, profile);
        }
    }

    /** One claimer's record: start of each claim, its duration, and the completion's duration (ns). */
    private static final class Samples {
        long[] starts = new long[1024];
        long[] claims = new long[1024];
        long[] completes = new long[1024];
        int size;

        void add(long start, long claim, long complete) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                claims = Arrays.copyOf(claims, size * 2);
                completes = Arrays.copyOf(completes, size * 2);
            }
            starts[size] = start;
            claims[size] = claim;
            completes[size] = complete;
            size++;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (BenchPostgres postgres = BenchPostgres.start(options.durableCommits(), options.profile())) {
            System.out.printf("Claim benchmark: %,d pending shards in %d jobs; each claimer claims and at once"
                    + " completes; %d s warm-up, %d s measured%n", options.shards(), options.jobs(),
                    options.warmupSeconds(), options.seconds());
            System.out.printf("%s; java %s; %d cores%n", postgres.describe(), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%8s %5s %10s %10s %10s %10s %12s %12s %9s%n", "claimers", "pool", "claims/s",
                    "claim-p50", "claim-p99", "claim-max", "complete-p50", "complete-p99", "drained");
            for (int workers : options.workers()) {
                // Flyway needs two connections to migrate at start-up, so never fewer than two
                int pool = Math.max(2, options.pool() > 0 ? options.pool() : workers);
                DatabaseTarget target = postgres.freshDatabase("claims");
                try (ConnectionPool connections = ConnectionPool.open(target, PoolSettings.builder()
                        .poolName("claim-benchmark").maximumPoolSize(pool).minimumIdle(pool).build(),
                        Clock.systemUTC(), Duration.ofSeconds(5))) {
                    fill(connections, options);
                    if (options.profile()) {
                        resetStatements(connections);
                    }
                    run(connections, workers, pool, options);
                    if (options.profile()) {
                        printStatements(connections);
                    }
                }
            }
        }
    }

    private static void fill(ConnectionPool connections, Options options) throws SQLException {
        Clock clock = Clock.systemUTC();
        JobStore jobs = new JobStore(connections.dataSource(), clock, JobQueuePolicy.DEFAULT);
        int perJob = options.shards() / options.jobs();
        for (int j = 0; j < options.jobs(); j++) {
            // one patient per shard: only the number of shards matters here, nothing is generated
            GenerationSpec spec = new GenerationSpec(perJob, j, "MA", LocalDate.of(2025, 6, 30), 10,
                    List.of("fhir-ndjson"), "", "claim-benchmark-" + j, 1);
            jobs.submit(new JobSubmission(spec, PRIORITIES[j % PRIORITIES.length], "bench", Map.of()));
        }
        // As autovacuum would after a bulk insert: the planner gets statistics for the full queue.
        try (Connection c = connections.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE shards");
            s.execute("VACUUM ANALYZE jobs");
        }
    }

    private static void run(ConnectionPool connections, int workers, int pool, Options options) throws Exception {
        ShardQueue queue = new ShardQueue(connections.dataSource(), connections.dialect(), Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(workers, named("claimer-"));
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2]; // measured from, until (System.nanoTime)
        AtomicInteger drained = new AtomicInteger();
        List<Future<Samples>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String node = "node-" + w;
            results.add(threads.submit(() -> {
                go.await(); // also publishes window[]
                Samples samples = new Samples();
                for (long start = System.nanoTime(); start < window[1]; start = System.nanoTime()) {
                    Optional<ShardLease> lease = queue.claim(node, LEASE);
                    long claimed = System.nanoTime();
                    if (lease.isEmpty()) {
                        drained.incrementAndGet();
                        break;
                    }
                    if (queue.complete(lease.get(), 1) != ShardCompletion.RECORDED) {
                        throw new IllegalStateException("completion of a fresh lease not recorded: " + lease);
                    }
                    samples.add(start, claimed - start, System.nanoTime() - claimed);
                }
                return samples;
            }));
        }
        window[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        window[1] = window[0] + TimeUnit.SECONDS.toNanos(options.seconds());
        go.countDown();
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> f : results) {
            all.add(f.get(10, TimeUnit.MINUTES));
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        report(all, workers, pool, window[0], drained.get() > 0);
    }

    /** Claims started after the warm-up, over the time from its end until the last of them completed. */
    private static void report(List<Samples> all, int workers, int pool, long from, boolean drained) {
        int n = 0;
        long end = from;
        for (Samples s : all) {
            for (int i = 0; i < s.size; i++) {
                if (s.starts[i] >= from) {
                    n++;
                    end = Math.max(end, s.starts[i] + s.claims[i] + s.completes[i]);
                }
            }
        }
        long[] claims = new long[n];
        long[] completes = new long[n];
        int k = 0;
        for (Samples s : all) {
            for (int i = 0; i < s.size; i++) {
                if (s.starts[i] >= from) {
                    claims[k] = s.claims[i];
                    completes[k++] = s.completes[i];
                }
            }
        }
        Arrays.sort(claims);
        Arrays.sort(completes);
        double rate = n == 0 ? 0 : n / ((end - from) / 1e9);
        System.out.printf("%8d %5d %10.0f %10s %10s %10s %12s %12s %9s%n", workers, pool, rate,
                ms(percentile(claims, 50)), ms(percentile(claims, 99)), ms(n == 0 ? 0 : claims[n - 1]),
                ms(percentile(completes, 50)), ms(percentile(completes, 99)), drained ? "yes" : "no");
    }

    private static long percentile(long[] sorted, int p) {
        // nearest rank
        return sorted.length == 0 ? 0 : sorted[(int) Math.max(0, Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    private static void resetStatements(ConnectionPool connections) throws SQLException {
        try (Connection c = connections.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Where the database spent its time during the run, most first. */
    private static void printStatements(ConnectionPool connections) throws SQLException {
        try (Connection c = connections.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, mean_exec_time, shared_blks_hit,"
                     + " query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                     + " WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 8")) {
            System.out.printf("    %9s %10s %9s %12s  %s%n", "calls", "total-ms", "mean-ms", "blocks/call",
                    "statement");
            while (rs.next()) {
                long calls = rs.getLong(1);
                String query = rs.getString(5).replaceAll("\\s+", " ");
                System.out.printf("    %9d %10.0f %9.3f %12.1f  %s%n", calls, rs.getDouble(2), rs.getDouble(3),
                        calls == 0 ? 0.0 : rs.getLong(4) / (double) calls,
                        query.length() > 110 ? query.substring(0, 110) + "…" : query);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
