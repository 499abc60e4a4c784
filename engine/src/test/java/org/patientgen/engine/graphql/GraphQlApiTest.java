package org.patientgen.engine.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.Populations;

/** GraphQL over a real local engine: field selection, mutations and permissions, limits, errors. */
class GraphQlApiTest {
    @TempDir
    static Path temp;

    static Engine engine;
    static PatientGenService alice;
    static GraphQlApi api;
    static Job job;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.start(EngineConfig.defaults(temp.resolve("data")).withNode("gql", "")
                .withWorkers(0, ShardWorkers.Settings.defaults()));
        alice = engine.as("alice");
        api = new GraphQlApi();
        job = alice.submit(new JobSubmission(new GenerationSpec(250, 3, "MA", Populations.END_DATE, 10,
                List.of("fhir-ndjson"), "", temp.resolve("out").toString(), 100), 5, "alice", Map.of("team", "cardio")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Map<String, Object> run(String query, boolean mayWrite) {
        return api.execute(query, null, null, alice, "alice", mayWrite);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> result, String... path) {
        Object node = result;
        for (String key : path) {
            node = key.matches("\\d+") ? ((List<Object>) node).get(Integer.parseInt(key)) : ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @Test
    void queriesReturnExactlyTheSelectedFields() {
        Map<String, Object> r = run("{ job(id: \"" + job.id() + "\") { id state priority population labels { key value }"
                + " shardCount shards { index state patientCount } progress { patientsTotal fraction } } }", false);

        assertThat(r).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) at(r, "data", "job");
        assertThat(j).containsOnlyKeys("id", "state", "priority", "population", "labels", "shardCount", "shards",
                "progress");
        assertThat(j).containsEntry("id", Long.toString(job.id())).containsEntry("state", "QUEUED")
                .containsEntry("priority", 5).containsEntry("population", 250L).containsEntry("shardCount", 3);
        assertThat(at(r, "data", "job", "labels")).isEqualTo(List.of(Map.of("key", "team", "value", "cardio")));
        assertThat(at(r, "data", "job", "shards", "2")).isEqualTo(Map.of("index", 2, "state", "PENDING",
                "patientCount", 50));
        assertThat(at(r, "data", "job", "progress")).isEqualTo(Map.of("patientsTotal", 250L, "fraction", 0.0));
    }

    @Test
    void unknownIdsAreNullAndListsPage() {
        assertThat(at(run("{ job(id: \"999999\") { id } }", false), "data", "job")).isNull();
        Map<String, Object> page = run("{ jobs(first: 1, states: [QUEUED]) { nodes { id owner } pageInfo { hasNextPage } } }",
                false);
        assertThat(page).doesNotContainKey("errors");
        assertThat((List<?>) at(page, "data", "jobs", "nodes")).hasSize(1);
        Map<String, Object> pool = run("{ pool { desired { maximumPoolSize connectionTimeout } database serverCores } }",
                false);
        assertThat(at(pool, "data", "pool", "database")).isEqualTo("H2");
        assertThat(at(pool, "data", "pool", "desired", "connectionTimeout")).isEqualTo(30_000L);
    }

    @Test
    void metricsAndTheRunningConfiguration() {
        Map<String, Object> r = run("{ metrics { at queueDepth poolMax workerUtilisation jobsByState { state count } }"
                + " config { workers requestsPerMinutePerToken pool { maximumPoolSize } } }", false);
        assertThat(r).doesNotContainKey("errors");
        assertThat(at(r, "data", "metrics", "poolMax")).isEqualTo(engine.pool().usage().max());
        assertThat(at(r, "data", "metrics", "workerUtilisation")).isEqualTo(0.0);
        assertThat((List<?>) at(r, "data", "metrics", "jobsByState")).hasSize(7)
                .allMatch(e -> ((Map<?, ?>) e).keySet().equals(java.util.Set.of("state", "count")));
        assertThat(at(r, "data", "metrics", "jobsByState", "0", "state")).isEqualTo("WAITING");
        assertThat(at(r, "data", "config", "workers")).isEqualTo(0);
        assertThat(at(r, "data", "config", "pool", "maximumPoolSize")).isEqualTo(alice.config().pool().maximumPoolSize());
    }

    @Test
    void mutationsNeedAWritingTokenAndGoThroughTheService() {
        String submit = "mutation { submitJob(input: {population: 10, seed: 1, shardSize: 5, output: \""
                + temp.resolve("gql-job").toString().replace("\\", "\\\\") + "\", labels: [{key: \"via\", value: \"graphql\"}]})"
                + " { id owner state shardCount } }";

        Map<String, Object> refused = run(submit, false);
        assertThat(at(refused, "errors", "0", "message").toString()).contains("needs an operator or admin token");
        assertThat(at(refused, "errors", "0", "extensions", "kind").toString()).isEqualTo("FORBIDDEN");

        Map<String, Object> done = run(submit, true);
        assertThat(done).doesNotContainKey("errors");
        assertThat(at(done, "data", "submitJob", "owner").toString()).isEqualTo("alice");
        assertThat(at(done, "data", "submitJob", "shardCount").toString()).isEqualTo("2");
        long id = Long.parseLong((String) at(done, "data", "submitJob", "id"));
        Map<String, Object> cancelled = run("mutation { cancelJob(id: \"" + id + "\", reason: \"test\") { state } }", true);
        assertThat(at(cancelled, "data", "cancelJob", "state").toString()).isEqualTo("CANCELLED");
        Map<String, Object> again = run("mutation { cancelJob(id: \"" + id + "\") { state } }", true);
        assertThat(at(again, "errors", "0", "extensions", "kind").toString()).isEqualTo("CONFLICT");
        assertThat(at(again, "errors", "0", "message").toString()).contains("already CANCELLED");
    }

    @Test
    void deepOrCostlyQueriesAreRefusedBeforeRunning() {
        String deep = "{ workflows { jobs { job { shards { index } transitions { to } progress { fraction } } } } }";
        assertThat(run(deep, false)).doesNotContainKey("errors");
        Map<String, Object> tooDeep = new GraphQlApi(4, GraphQlApi.MAX_COMPLEXITY)
                .execute(deep, null, null, alice, "alice", false);
        assertThat(at(tooDeep, "errors", "0", "message").toString()).containsIgnoringCase("depth");

        Map<String, Object> costly = run("{ jobs(first: 500) { nodes { shards { index state attempts leaseOwner }"
                + " transitions { from to at actor } } } }", false);
        assertThat(at(costly, "errors", "0", "message").toString()).containsIgnoringCase("complexity");
        assertThat(costly.get("data")).isNull();
    }

    @Test
    void badDocumentsAndValuesGetClearErrors() {
        Map<String, Object> syntax = run("{ job(id: 1 { id } }", false);
        assertThat(at(syntax, "errors", "0", "message").toString()).containsIgnoringCase("invalid syntax");
        Map<String, Object> unknown = run("{ job(id: \"1\") { colour } }", false);
        assertThat(at(unknown, "errors", "0", "message").toString()).contains("colour");
        Map<String, Object> huge = run("{ jobs(first: 100000) { nodes { id } } }", false);
        assertThat(at(huge, "errors", "0", "message").toString()).containsIgnoringCase("complexity");
        Map<String, Object> page = run("{ jobs(first: 0) { nodes { id } } }", false);
        assertThat(at(page, "errors", "0", "message").toString()).contains("first must be between 1 and 500");
        Map<String, Object> longValue = run("mutation { submitJob(input: {population: 99999999999999999999, output: \"/x\"})"
                + " { id } }", true);
        assertThat(at(longValue, "errors", "0", "message").toString()).contains("does not fit in a 64-bit integer");
    }
}
