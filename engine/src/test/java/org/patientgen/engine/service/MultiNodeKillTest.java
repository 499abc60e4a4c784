package org.patientgen.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.testing.Await;
import org.patientgen.engine.testing.Populations;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * Scale-out, proven with real processes: two engine nodes ({@code patientgen node} in separate
 * JVMs) share one PostgreSQL; one is killed with SIGKILL while it holds a shard lease. The job
 * must still complete, its dead shard re-run by the surviving node after the lease expires, with
 * exactly the patients a single uninterrupted run produces: same count, same identities, same
 * bytes, none twice.
 */
class MultiNodeKillTest {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final long POPULATION = 4_800;
    private static final int SHARD_SIZE = 300;

    @TempDir
    Path temp;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void killNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void jobCompletesWithExactlyItsPatientsWhenANodeIsKilledMidShard() throws Exception {
        DatabaseTarget db = TestDatabases.fresh(Backend.POSTGRESQL);
        Path passwordFile = Files.writeString(temp.resolve("db-password"), db.password() + "\n");
        EngineConfig observerConfig = EngineConfig.defaults(temp.resolve("observer")).withDatabase(db)
                .withNode("observer", "")
                .withWorkers(0, ShardWorkers.Settings.defaults());
        try (Engine observer = Engine.start(observerConfig)) {
            PatientGenService service = observer.as("test");
            Path output = temp.resolve("job");
            Job job = service.submit(new JobSubmission(new GenerationSpec(POPULATION, 7, "MA", Populations.END_DATE, 10,
                    List.of("fhir-ndjson"), "", output.toString(), SHARD_SIZE), 0, "test", Map.of()));

            Process nodeA = startNode("node-a", db, passwordFile);
            Await.until(() -> leasedBy(service, job.id(), "node-a").isPresent());
            startNode("node-b", db, passwordFile);
            Await.until(() -> leasedBy(service, job.id(), "node-b").isPresent());

            Shard doomed = leasedBy(service, job.id(), "node-a").orElseThrow(
                    () -> new AssertionError("node-a finished its shard before it could be killed; use larger shards"));
            nodeA.destroyForcibly();
            assertThat(nodeA.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(nodeA.exitValue()).isEqualTo(137);

            Await.until(() -> service.job(job.id()).state().isTerminal());
            assertThat(service.job(job.id()).state()).as("job state; node-b output:%n%s", log("node-b"))
                    .isEqualTo(JobState.SUCCEEDED);

            Shard rerun = service.shards(job.id()).get(doomed.index());
            assertThat(rerun.state()).isEqualTo(ShardState.SUCCEEDED);
            assertThat(rerun.attempts()).as("the killed attempt and the re-run").isGreaterThanOrEqualTo(2);
            assertThat(rerun.leaseOwner()).isEqualTo("node-b");
            assertThat(service.job(job.id()).patientsDone()).isEqualTo(POPULATION);

            try (Stream<Path> left = Files.list(output.resolve("shards"))) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("the killed attempt's partial output is deleted by the re-run").allMatch(n -> n.matches("\\d{5}"));
            }
            List<String> patients = shardPatientLines(output);
            Set<String> ids = idsOf(patients);
            assertThat(patients).hasSize((int) POPULATION);
            assertThat(ids).hasSize((int) POPULATION);
            Path single = temp.resolve("single");
            Populations.generate(single, POPULATION, 7, "fhir-ndjson", 2);
            assertThat(patients).as("same patients, same bytes, same order as one uninterrupted run")
                    .isEqualTo(Files.readAllLines(single.resolve("fhir/Patient.ndjson")));
        }
    }

    private Process startNode(String name, DatabaseTarget db, Path passwordFile) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.patientgen.engine.cli.PatientGenCli", "node",
                "--data-dir", temp.resolve(name).toString(),
                "--db-url", db.jdbcUrl(), "--db-user", db.username(), "--db-password-file", passwordFile.toString(),
                "--node-name", name, "--workers", "1", "--shard-lease", LEASE.toSeconds() + "s", "--stop-grace", "5s")
                .redirectErrorStream(true);
        Process p = pb.start();
        nodes.add(p);
        Path log = temp.resolve(name + ".log");
        CompletableFuture.runAsync(() -> copy(p, log));
        return p;
    }

    private static void copy(Process p, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    private String log(String node) throws IOException {
        Path log = temp.resolve(node + ".log");
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }

    private static Optional<Shard> leasedBy(PatientGenService service, long jobId, String node) {
        return service.shards(jobId).stream()
                .filter(s -> s.state() == ShardState.LEASED && node.equals(s.leaseOwner())).findFirst();
    }

    private static List<String> shardPatientLines(Path output) throws IOException {
        List<Path> shardDirs;
        try (Stream<Path> dirs = Files.list(output.resolve("shards"))) {
            shardDirs = dirs.filter(d -> d.getFileName().toString().matches("\\d{5}")).sorted().toList();
        }
        assertThat(shardDirs).hasSize((int) ((POPULATION + SHARD_SIZE - 1) / SHARD_SIZE));
        List<String> lines = new ArrayList<>();
        for (Path dir : shardDirs) {
            lines.addAll(Files.readAllLines(dir.resolve("fhir/Patient.ndjson")));
        }
        return lines;
    }

    private static Set<String> idsOf(List<String> patientLines) {
        Set<String> ids = new HashSet<>();
        for (String line : patientLines) {
            int at = line.indexOf("\"id\":\"");
            ids.add(line.substring(at + 6, line.indexOf('"', at + 6)));
        }
        return ids;
    }

}
