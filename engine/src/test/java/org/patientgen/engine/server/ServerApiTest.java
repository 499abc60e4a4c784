package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.server.ServerFixture.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.server.ServerFixture.Reply;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.BatchResponse;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.WireJson;

/** The REST API and the event stream end to end: a real server on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ServerApiTest extends LoopbackServerTest {
    @Parameter
    Backend backend;


    private String jobBody(int population, int shardSize, String output) {
        return "{\"population\": " + population + ", \"seed\": 42, \"endDate\": \"2025-06-30\", \"shardSize\": "
                + shardSize + ", \"output\": \"" + temp.resolve(output) + "\", \"labels\": {\"team\": \"cardio\"}}";
    }

    @Test
    void submittedJobCompletesAndTheEventStreamTellsItInOrder() throws Exception {
        f = ServerFixture.start(backend, temp, 2, ServerConfig.defaults());
        ServerFixture.EventFeed feed = f.events(f.viewer, "jobs", "progress");
        List<EventMessage> messages = feed.messages();

        Reply submitted = f.post("/api/v1/jobs", f.operator, jobBody(20, 10, "out"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        Job job = submitted.as(Job.class);
        assertThat(submitted.header("Location")).isEqualTo("/api/v1/jobs/" + job.id());
        assertThat(job.submission().owner()).isEqualTo("olivia");
        assertThat(job.shards()).isEqualTo(2);

        await(() -> f.get("/api/v1/jobs/" + job.id(), f.viewer).json().get("state").asText().equals("SUCCEEDED"));
        JsonNode done = f.get("/api/v1/jobs/" + job.id(), f.viewer).json();
        assertThat(done.get("patientsGenerated").asLong()).isEqualTo(20);
        assertThat(Files.readAllLines(temp.resolve("out/shards/00001/fhir/Patient.ndjson"))).hasSize(10);

        await(() -> states(messages, job.id()).contains(JobState.SUCCEEDED));
        assertThat(states(messages, job.id())).containsSubsequence(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        List<Long> sequences = messages.stream().map(EventMessage::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("connection sequence numbers have no gaps").isEqualTo(i + 1L);
        }
        feed.close();

        Reply manifest = f.get("/api/v1/jobs/" + job.id() + "/manifest", f.viewer);
        assertThat(manifest.header("Content-Disposition")).contains("job-" + job.id() + "-manifest.json");
        assertThat(manifest.body()).contains("\"patientsDone\" : 20", "Patient.ndjson");
        assertThat(f.get("/api/v1/jobs/" + job.id() + "/transitions", f.viewer).json()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(f.get("/api/v1/jobs/" + job.id() + "/shards", f.viewer).json()).hasSize(2);
        assertThat(f.get("/api/v1/jobs/" + job.id() + "/failures", f.viewer).json()).isEmpty();
        assertThat(f.get("/api/v1/jobs/" + job.id() + "/progress", f.viewer).json().get("fraction").asDouble())
                .isEqualTo(1.0);
        Reply rerun = f.post("/api/v1/jobs/" + job.id() + "/rerun", f.operator, null);
        assertThat(rerun.status()).isEqualTo(201);
        assertThat(rerun.as(Job.class).rerunOf()).isEqualTo(job.id());
    }

    private static List<JobState> states(List<EventMessage> messages, long jobId) {
        synchronized (messages) {
            return messages.stream().filter(m -> m.type().equals("JobStateChanged"))
                    .map(m -> m.data().get("transition"))
                    .filter(t -> t.get("jobId").asLong() == jobId)
                    .map(t -> JobState.valueOf(t.get("to").asText())).toList();
        }
    }

    @Test
    void batchCallsReportEachItemAndListingFiltersAndPages() throws Exception {
        f = ServerFixture.start(backend, temp);
        Reply batch = f.post("/api/v1/jobs/batch", f.operator, "{\"action\": \"submit\", \"jobs\": ["
                + jobBody(10, 10, "a") + ", {\"population\": 5, \"state\": \"Atlantis\"}, {\"seed\": 1}, "
                + jobBody(10, 10, "b") + "]}");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        BatchResponse submitted = batch.as(BatchResponse.class);
        assertThat(submitted.succeeded()).isEqualTo(2);
        assertThat(submitted.results()).extracting(BatchItemResult::outcome).containsExactly(BatchItemResult.Outcome.OK,
                BatchItemResult.Outcome.INVALID, BatchItemResult.Outcome.INVALID, BatchItemResult.Outcome.OK);
        assertThat(submitted.results().get(1).message()).contains("Atlantis");
        assertThat(submitted.results().get(2).message()).contains("population");
        long a = submitted.results().get(0).jobId();
        long b = submitted.results().get(3).jobId();

        BatchResponse reprioritised = f.post("/api/v1/jobs/batch", f.operator,
                "{\"action\": \"reprioritise\", \"ids\": [" + a + ", 999999], \"priority\": 7}").as(BatchResponse.class);
        assertThat(reprioritised.results()).extracting(BatchItemResult::outcome)
                .containsExactly(BatchItemResult.Outcome.OK, BatchItemResult.Outcome.NOT_FOUND);
        BatchResponse cancelled = f.post("/api/v1/jobs/batch", f.operator,
                "{\"action\": \"cancel\", \"ids\": [" + b + ", " + b + "], \"reason\": \"not needed\"}")
                .as(BatchResponse.class);
        assertThat(cancelled.results()).extracting(BatchItemResult::outcome)
                .containsExactly(BatchItemResult.Outcome.OK, BatchItemResult.Outcome.CONFLICT);
        BatchResponse retried = f.post("/api/v1/jobs/batch", f.operator, "{\"action\": \"retry\", \"ids\": [" + a + "]}")
                .as(BatchResponse.class);
        assertThat(retried.failed()).isEqualTo(1);

        assertThat(f.get("/api/v1/jobs?state=CANCELLED", f.viewer).as(JobPage.class).jobs()).extracting(Job::id)
                .containsExactly(b);
        assertThat(f.get("/api/v1/jobs?label=team=cardio&owner=olivia", f.viewer).as(JobPage.class).jobs())
                .extracting(Job::id).containsExactly(b, a);
        JobPage first = f.get("/api/v1/jobs?limit=1", f.viewer).as(JobPage.class);
        assertThat(first.jobs()).extracting(Job::id).containsExactly(b);
        JobPage second = f.get("/api/v1/jobs?limit=1&cursor=" + first.nextCursor(), f.viewer).as(JobPage.class);
        assertThat(second.jobs()).extracting(Job::id).containsExactly(a);
        assertThat(second.nextCursor()).isNull();
        assertThat(f.get("/api/v1/jobs?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", f.viewer)
                .as(JobPage.class).jobs()).isEmpty();
        assertThat(f.call("PUT", "/api/v1/jobs/" + a + "/priority", f.operator, "{\"priority\": -3}").as(Job.class)
                .submission().priority()).isEqualTo(-3);
        assertThat(f.post("/api/v1/jobs/" + a + "/cancel", f.operator, "{\"reason\": \"stop\"}").as(Job.class).state())
                .isEqualTo(JobState.CANCELLED);
    }

    @Test
    void schedulesAndWorkflows() throws Exception {
        f = ServerFixture.start(backend, temp);
        String schedule = "{\"name\": \"nightly\", \"cronExpression\": \"30 2 * * *\", \"timeZone\": \"Europe/Berlin\","
                + " \"template\": {\"population\": 5, \"seed\": 1}}";
        Reply created = f.post("/api/v1/schedules", f.operator, schedule);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Schedule s = created.as(Schedule.class);
        assertThat(s.owner()).isEqualTo("olivia");
        assertThat(s.definition().template().spec().output()).endsWith("schedules/nightly");
        assertThat(f.get("/api/v1/schedules", f.viewer).json()).hasSize(1);
        assertThat(f.get("/api/v1/schedules/" + s.id() + "/upcoming?count=3", f.viewer).json()).hasSize(3)
                .allMatch(t -> t.asText().contains("[Europe/Berlin]"));
        Reply updated = f.call("PUT", "/api/v1/schedules/" + s.id(), f.operator, schedule.replace("30 2", "0 3"));
        assertThat(updated.as(Schedule.class).definition().cronExpression()).isEqualTo("0 3 * * *");
        assertThat(f.call("PUT", "/api/v1/schedules/" + s.id() + "/enabled", f.operator, "{\"enabled\": false}")
                .as(Schedule.class).definition().enabled()).isFalse();
        Reply ran = f.post("/api/v1/schedules/" + s.id() + "/run", f.operator, null);
        assertThat(ran.status()).isEqualTo(201);
        assertThat(f.get("/api/v1/schedules/" + s.id() + "/fires", f.viewer).status()).isEqualTo(200);
        Reply preview = f.get("/api/v1/cron/preview?expression=0%200%20*%20*%201-5&zone=America/New_York&count=2",
                f.viewer);
        assertThat(preview.json().get("nextFires")).hasSize(2);
        assertThat(f.get("/api/v1/cron/preview?expression=99%20*%20*%20*%20*", f.viewer).json().get("detail").asText())
                .contains("99");
        assertThat(f.call("DELETE", "/api/v1/schedules/" + s.id(), f.operator, null).status()).isEqualTo(204);
        assertThat(f.get("/api/v1/schedules/" + s.id(), f.viewer).status()).isEqualTo(404);

        Reply workflow = f.post("/api/v1/workflows", f.operator, "{\"name\": \"pair\", \"nodes\": ["
                + "{\"name\": \"a\", \"job\": {\"population\": 5}}, {\"name\": \"b\", \"job\": {\"population\": 5}}],"
                + " \"edges\": [{\"upstream\": \"a\", \"downstream\": \"b\", \"onUpstreamFailure\": \"SKIP\"}]}");
        assertThat(workflow.status()).as(workflow.toString()).isEqualTo(201);
        Workflow w = workflow.as(Workflow.class);
        assertThat(w.job("b").state()).isEqualTo(JobState.WAITING);
        assertThat(workflow.json().get("finished").asBoolean()).isFalse();
        assertThat(f.get("/api/v1/workflows", f.viewer).json()).hasSize(1);
        Reply cycle = f.post("/api/v1/workflows", f.operator, "{\"name\": \"loop\", \"nodes\": ["
                + "{\"name\": \"a\", \"job\": {\"population\": 5}}, {\"name\": \"b\", \"job\": {\"population\": 5}}],"
                + " \"edges\": [{\"upstream\": \"a\", \"downstream\": \"b\", \"onUpstreamFailure\": \"SKIP\"},"
                + " {\"upstream\": \"b\", \"downstream\": \"a\", \"onUpstreamFailure\": \"SKIP\"}]}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("detail").asText()).contains("cycle");
        Workflow cancelled = f.post("/api/v1/workflows/" + w.id() + "/cancel", f.operator, "{\"reason\": \"no\"}")
                .as(Workflow.class);
        assertThat(cancelled.finished()).isTrue();
        JsonNode audit = f.get("/api/v1/audit?action=workflow.", f.admin).json().get("entries");
        assertThat(audit).extracting(e -> e.get("action").asText()).contains("workflow.submit", "workflow.cancel");
    }

    @Test
    void poolSettingsAreValidatedAppliedAndRolledBackWithAnAuditTrail() throws Exception {
        f = ServerFixture.start(backend, temp);
        PoolStatus status = f.get("/api/v1/pool", f.viewer).as(PoolStatus.class);
        String desired = WireJson.write(status.desired());
        int revisions = f.get("/api/v1/pool/history", f.viewer).json().size();

        Reply invalid = f.post("/api/v1/pool/validate", f.viewer, desired.replace("\"connectionTimeout\":30000",
                "\"connectionTimeout\":100"));
        assertThat(invalid.json().get("valid").asBoolean()).isFalse();
        assertThat(invalid.json().get("problems").get(0).get("field").asText()).isEqualTo("connectionTimeout");
        assertThat(f.get("/api/v1/pool/history", f.viewer).json()).hasSize(revisions);

        Reply rejected = f.call("PUT", "/api/v1/pool", f.admin, "{\"settings\": "
                + desired.replace("\"maximumPoolSize\":10", "\"maximumPoolSize\":0") + ", \"reason\": \"try\"}");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.json().get("problems").get(0).get("field").asText()).isEqualTo("maximumPoolSize");

        Reply applied = f.call("PUT", "/api/v1/pool", f.admin, "{\"settings\": "
                + desired.replace("\"maximumPoolSize\":10", "\"maximumPoolSize\":8")
                .replace("\"minimumIdle\":10", "\"minimumIdle\":8") + ", \"reason\": \"smaller\"}");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        PoolChange change = applied.as(PoolChange.class);
        assertThat(change.appliedLive()).contains("maximumPoolSize");
        assertThat(applied.json().get("restartRequired").asBoolean()).isFalse();
        PoolChange back = f.post("/api/v1/pool/rollback", f.admin, "{\"revision\": " + revisions + ", \"reason\": \"undo\"}")
                .as(PoolChange.class);
        assertThat(back.revision().rollbackOf()).isEqualTo(revisions);
        assertThat(f.post("/api/v1/pool/restart", f.admin, null).status()).isEqualTo(200);

        JsonNode entries = f.get("/api/v1/audit?targetType=pool", f.admin).json().get("entries");
        assertThat(entries).extracting(e -> e.get("action").asText()).contains("pool.apply", "pool.rollback",
                "pool.restart");
        assertThat(entries).allMatch(e -> e.get("actor").asText().equals("root")
                && e.get("remoteAddress").asText().equals("127.0.0.1"));
    }

    @Test
    void tokensWorkersLogsMetricsAndHealth() throws Exception {
        f = ServerFixture.start(backend, temp);
        Reply created = f.post("/api/v1/tokens", f.admin, "{\"name\": \"ci\", \"role\": \"OPERATOR\"}");
        assertThat(created.status()).isEqualTo(201);
        Responses.TokenCreated token = created.as(Responses.TokenCreated.class);
        assertThat(f.get("/api/v1/info", token.token()).as(Responses.ServerInfo.class).caller()).isEqualTo("ci");
        assertThat(f.get("/api/v1/tokens", f.admin).json()).hasSize(4)
                .noneMatch(t -> t.toString().contains(token.token()));
        assertThat(f.call("DELETE", "/api/v1/tokens/" + token.info().id(), f.admin, null).status()).isEqualTo(200);
        assertThat(f.get("/api/v1/info", token.token()).status()).isEqualTo(401);

        Reply workers = f.call("PUT", "/api/v1/workers", f.admin, "{\"concurrency\": 1}");
        assertThat(workers.as(Responses.Workers.class).concurrency()).isEqualTo(1);
        assertThat(f.get("/api/v1/audit?action=workers.set", f.admin).json().get("entries").get(0).get("details")
                .asText()).isEqualTo("concurrency 0 -> 1");

        org.slf4j.LoggerFactory.getLogger("org.patientgen.test").warn("disk nearly full for job 77");
        JsonNode logs = f.get("/api/v1/logs?level=WARN&jobId=77", f.viewer).json();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).get("message").asText()).contains("disk nearly full");
        assertThat(f.get("/api/v1/logs?text=NEARLY&logger=org.patientgen.test", f.viewer).json()).hasSize(1);
        assertThat(f.get("/api/v1/logs?level=LOUD", f.viewer).status()).isEqualTo(400);

        assertThat(f.get("/metrics", f.viewer).body()).contains("patientgen_workers_concurrency 1.0",
                "patientgen_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/info\",status=\"200\"}",
                "patientgen_http_latency_seconds{quantile=\"0.95\"}", "hikaricp_connections_active{",
                "patientgen_queue_depth", "jvm_memory_used_bytes");
        await(() -> f.get("/api/v1/metrics", f.viewer).as(MetricsSnapshot.class).workerConcurrency() == 1);
        await(() -> f.get("/api/v1/metrics/history?window=PT30S", f.viewer).as(MetricsSnapshot[].class).length >= 1);

        Reply ready = f.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        EngineHealth health = ready.as(EngineHealth.class);
        assertThat(health.ready()).isTrue();
        assertThat(health.checks()).extracting(HealthCheck::name).containsExactly("database", "pool", "workers");
        Reply live = f.get("/health/live", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.as(Responses.Live.class).status()).isEqualTo("UP");
        try (Response r = f.http.newCall(new Request.Builder().url(f.url("/health/ready")).build()).execute()) {
            assertThat(r.header("Content-Type")).startsWith("application/json");
        }
    }
}
