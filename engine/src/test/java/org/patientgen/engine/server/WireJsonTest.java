package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.JobRequest;
import org.patientgen.engine.wire.Problem;
import org.patientgen.engine.wire.WireJson;

/** The shared JSON mapping: records survive a round trip, derived values are written, reading is strict. */
class WireJsonTest {
    private final ObjectMapper json = WireJson.mapper();

    private static Job job() {
        GenerationSpec spec = new GenerationSpec(100, 42, "MA", LocalDate.of(2025, 6, 30), 10, List.of("fhir-ndjson", "csv"),
                "", "/data/out", 50);
        return new Job(7, new JobSubmission(spec, 3, "alice", Map.of("team", "cardio")), JobState.RUNNING,
                Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T10:00:05Z"), 2, 1, 50, null);
    }

    @Test
    void recordsRoundTripAndCarryTheirDerivedValues() throws Exception {
        Job job = job();
        String text = json.writeValueAsString(job);
        assertThat(text).contains("\"patientsGenerated\":50", "\"submittedAt\":\"2026-11-03T10:00:00Z\"",
                "\"initialBackoff\":\"PT10S\"");
        assertThat(json.readValue(text, Job.class)).isEqualTo(job);

        JobProgress progress = new JobProgress(7, JobState.RUNNING, 100, 50, 0, 2, 1,
                Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T10:00:10Z"));
        String p = json.writeValueAsString(progress);
        assertThat(p).contains("\"fraction\":0.5", "\"patientsPerSecond\":5.0", "\"etaSeconds\":10");
        assertThat(json.readValue(p, JobProgress.class)).isEqualTo(progress);

        PoolChange change = new PoolChange(new PoolSettingsRevision(2, Instant.EPOCH, "root", "why",
                PoolSettings.defaults(), 0), List.of("maximumPoolSize"), List.of("keepaliveTime"));
        String c = json.writeValueAsString(change);
        assertThat(c).contains("\"restartRequired\":true");
        assertThat(json.readValue(c, PoolChange.class)).isEqualTo(change);

        ZonedDateTime berlin = ZonedDateTime.of(2026, 11, 3, 2, 30, 0, 0, ZoneId.of("Europe/Berlin"));
        CronPreview preview = new CronPreview("at 02:30", List.of(berlin));
        String cp = json.writeValueAsString(preview);
        assertThat(cp).contains("2026-11-03T02:30:00+01:00[Europe/Berlin]");
        assertThat(json.readValue(cp, CronPreview.class)).isEqualTo(preview);

        ConfigChanged event = new ConfigChanged(3, Instant.EPOCH, "root", "pool.apply", "pool", "patientgen", "x");
        EventMessage message = new EventMessage("ConfigChanged", "config", 1, event.at(), json.valueToTree(event));
        EventMessage back = json.readValue(json.writeValueAsString(message), EventMessage.class);
        assertThat(back.event()).contains(event);
    }

    @Test
    void jobRequestReproducesASubmission() throws Exception {
        JobRequest request = JobRequest.of(job().submission());
        assertThat(json.readValue(json.writeValueAsString(request), JobRequest.class)).isEqualTo(request);
        assertThat(json.writeValueAsString(JobRequest.ofPopulation(5))).isEqualTo("{\"population\":5}");
    }

    @Test
    void readingIsStrict() {
        assertThatThrownBy(() -> json.readValue("{\"population\": 5, \"extra\": 1}", JobRequest.class))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> json.readValue("{\"population\": \"5\"}", JobRequest.class))
                .hasMessageContaining("population");
        assertThatThrownBy(() -> json.readValue("{\"population\": 5.5}", JobRequest.class))
                .hasMessageContaining("population");
        assertThatThrownBy(() -> json.readValue("{\"population\": 5} {}", JobRequest.class))
                .hasMessageContaining("Trailing");
    }

    @Test
    void problemsTurnBackIntoTheExceptionTheEngineWouldThrow() throws Exception {
        PatientGenException e = new PatientGenException(ErrorKind.INVALID, "bad", List.of(new SettingsProblem("f", "1",
                "rule", "fix")), null);
        Problem problem = Problem.of(e, "/api/v1/pool");
        String text = json.writeValueAsString(problem);
        assertThat(text).contains("\"type\":\"urn:patientgen:problem:invalid\"", "\"status\":400", "\"kind\":\"INVALID\"");
        PatientGenException back = json.readValue(text, Problem.class).toException();
        assertThat(back.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(back.getMessage()).isEqualTo("bad");
        assertThat(back.problems()).isEqualTo(e.problems());
        assertThat(json.writeValueAsString(Problem.of(ErrorKind.NOT_FOUND, "x", "/y"))).doesNotContain("problems",
                "retryAfterSeconds");
    }
}
