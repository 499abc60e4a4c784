package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.generate.ProgressListener;
import org.patientgen.engine.testing.Await;
import org.patientgen.engine.testing.Populations;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Workers run jobs through the generator: output, concurrency, cancel, stolen leases; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ShardWorkersTest {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;
    ShardWorkers workers;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock);
        // the constructor without a ShardEvents listener, as before metrics
        workers = new ShardWorkers("node-b", queue, jobs, new ShardRequests(1, Populations::builtInModules),
                new ShardWorkers.Settings(LEASE, Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofSeconds(10)),
                db.clock);
    }

    private ShardWorkers workers(Duration stopGrace, ShardEvents events) {
        return new ShardWorkers("node-b", queue, jobs, new ShardRequests(1, Populations::builtInModules),
                new ShardWorkers.Settings(LEASE, Duration.ofMillis(50), Duration.ofMillis(20), stopGrace), db.clock,
                events);
    }

    @AfterEach
    void close() {
        workers.close();
        db.close();
    }

    private JobSubmission job(long population, int shardSize) {
        GenerationSpec spec = new GenerationSpec(population, 42, "MA", Populations.END_DATE, 10,
                List.of("fhir-ndjson"), "", temp.resolve("job").toString(), shardSize);
        return new JobSubmission(spec, 0, "alice", Map.of());
    }

    @Test
    void jobOfThreeShardsWritesEachPatientOnceAsASingleRunWould() throws Exception {
        long id = jobs.submit(job(60, 20));
        workers.setConcurrency(2);

        awaitState(id, JobState.SUCCEEDED);

        List<String> lines = shardLines(3);
        assertThat(ids(lines)).hasSize(60);
        Generator.run(new org.patientgen.engine.generate.GenerationRequest(60, Populations.config(42, "MA", 10),
                org.patientgen.engine.export.ExportFormats.parse("fhir-ndjson"), temp.resolve("single"), 2),
                ProgressListener.NONE);
        assertThat(lines).isEqualTo(Files.readAllLines(temp.resolve("single/fhir/Patient.ndjson")));
        JobProgress progress = workers.progress(id).orElseThrow();
        assertThat(progress.patientsDone()).isEqualTo(60);
        assertThat(progress.shardsDone()).isEqualTo(3);
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.eta()).contains(Duration.ZERO);
        assertThat(jobs.shards(id)).extracting(Shard::attempts).containsOnly(1);
    }

    @Test
    void concurrencyChangesWhileRunning() throws Exception {
        workers.setConcurrency(0);
        assertThat(workers.activeWorkers()).isZero();
        workers.setConcurrency(3);
        assertThat(workers.concurrency()).isEqualTo(3);
        assertThat(workers.activeWorkers()).isEqualTo(3);

        long id = jobs.submit(job(30, 10));
        awaitState(id, JobState.SUCCEEDED);
        workers.setConcurrency(1);
        await(() -> workers.activeWorkers() == 1);
        long second = jobs.submit(new JobSubmission(new GenerationSpec(10, 7, "MA", Populations.END_DATE, 10,
                List.of("fhir-ndjson"), "", temp.resolve("job2").toString(), 5), 0, "alice", Map.of()));
        awaitState(second, JobState.SUCCEEDED);
        assertThat(ids(shardLines(temp.resolve("job2"), 2))).hasSize(10);
    }

    @Test
    void cancelStopsTheRunningShardAndDiscardsItsOutput() throws Exception {
        long id = jobs.submit(job(6_000, 2_000));
        workers.setConcurrency(1);
        await(() -> workers.progress(id).orElseThrow().patientsInFlight() > 0);

        jobs.cancel(id, "bob", "no longer needed");
        await(() -> workers.runningShards() == 0);

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(jobs.job(id).orElseThrow().shardsSucceeded()).isZero();
        Path shards = temp.resolve("job/shards");
        if (Files.exists(shards)) {
            try (Stream<Path> left = Files.list(shards)) {
                assertThat(left).isEmpty(); // no shard directory, no ".partial-" temporary directory
            }
        }
    }

    @Test
    void aStolenLeaseIsRecordedOnceAndItsCommittedOutputAdopted() throws Exception {
        long id = jobs.submit(job(60, 20));
        // node-a claims shard 0, commits its output, then stalls past its lease before recording it
        ShardLease stale = queue.claim("node-a", LEASE).orElseThrow();
        Generator.run(new ShardRequests(1, Populations::builtInModules).forShard(jobs.job(id).orElseThrow()
                .submission().spec(), stale), ProgressListener.NONE);
        db.clock.advance(LEASE.plusSeconds(1));

        workers.setConcurrency(2); // node-b reclaims shard 0 and runs the others
        awaitState(id, JobState.SUCCEEDED);

        assertThat(queue.complete(stale, 20)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(queue.renew(stale, LEASE)).isEmpty();
        assertThat(jobs.job(id).orElseThrow().patientsDone()).isEqualTo(60);
        assertThat(jobs.shards(id).get(0).attempts()).isEqualTo(2);
        assertThat(jobs.shards(id).get(0).leaseOwner()).isEqualTo("node-b");
        assertThat(ids(shardLines(3))).hasSize(60);
    }

    @Test
    void closeInterruptsShardsStillRunningAfterTheGraceHandsThemBackAndDiscardsTheirOutput() throws Exception {
        workers = workers(Duration.ofMillis(100), ShardEvents.NONE);
        long id = jobs.submit(job(4_000, 4_000));
        workers.setConcurrency(1);
        await(() -> workers.progress(id).orElseThrow().patientsInFlight() > 0);

        workers.close();

        assertThat(workers.runningShards()).isZero();
        assertThat(workers.activeWorkers()).isZero();
        // handed back: claimable at once by another node, and no failed attempt counted
        assertThat(jobs.shards(id).get(0).state()).isEqualTo(org.patientgen.engine.api.ShardState.PENDING);
        assertThat(jobs.failures(id)).isEmpty();
        ShardQueue other = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock);
        assertThat(other.claim("node-b", LEASE)).hasValueSatisfying(l -> assertThat(l.attempt()).isEqualTo(2));
        try (Stream<Path> left = Files.list(temp.resolve("job/shards"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aThrowingEventListenerNeitherFailsShardsNorStopsTheWorkers() throws Exception {
        workers.close();
        List<String> calls = new CopyOnWriteArrayList<>();
        workers = workers(Duration.ofSeconds(10), new ShardEvents() {
            @Override
            public void claimed(ShardLease lease) {
                calls.add("claimed " + lease.shardIndex());
                throw new IllegalStateException("broken metrics");
            }

            @Override
            public void patientsGenerated(ShardLease lease, long patients) {
                throw new IllegalStateException("broken metrics");
            }

            @Override
            public void completed(ShardLease lease, long patients) {
                calls.add("completed " + lease.shardIndex() + ": " + patients);
                throw new IllegalStateException("broken metrics");
            }
        });
        long id = jobs.submit(job(40, 20));
        workers.setConcurrency(1);

        awaitState(id, JobState.SUCCEEDED);

        assertThat(calls).containsExactly("claimed 0", "completed 0: 20", "claimed 1", "completed 1: 20");
        assertThat(jobs.shards(id)).extracting(Shard::attempts).containsOnly(1);
        assertThat(ids(shardLines(2))).hasSize(40);
    }

    private List<String> shardLines(int shards) throws Exception {
        return shardLines(temp.resolve("job"), shards);
    }

    private static List<String> shardLines(Path jobOutput, int shards) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            Path dir = ShardRequests.shardDirectory(jobOutput, i);
            assertThat(dir.resolve("manifest.json")).exists();
            lines.addAll(Files.readAllLines(dir.resolve("fhir/Patient.ndjson")));
        }
        return lines;
    }

    private static Set<String> ids(List<String> lines) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        return ids;
    }

    private void awaitState(long id, JobState state) throws Exception {
        Await.jobState(jobs, id, state);
    }

    private static void await(Await.Check check) throws Exception {
        Await.until(check);
    }
}
