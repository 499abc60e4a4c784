package org.patientgen.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobProgressTest {
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void rateAndEtaFollowFromPatientsSeenSinceTheStart() {
        JobProgress p = new JobProgress(1, JobState.RUNNING, 1_000, 200, 50, 10, 2, START, START.plusSeconds(50));
        assertThat(p.patientsSeen()).isEqualTo(250);
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.patientsPerSecond()).isEqualTo(5.0);
        assertThat(p.eta()).contains(Duration.ofSeconds(150));
    }

    @Test
    void noRateBeforeTheStartAndNoTimeLeftAfterTheEnd() {
        JobProgress queued = new JobProgress(1, JobState.QUEUED, 1_000, 0, 0, 10, 0, null, START);
        assertThat(queued.patientsPerSecond()).isZero();
        assertThat(queued.eta()).isEmpty();
        JobProgress done = new JobProgress(1, JobState.SUCCEEDED, 1_000, 1_000, 0, 10, 10, START, START);
        assertThat(done.eta()).contains(Duration.ZERO);
        assertThat(done.fraction()).isEqualTo(1.0);
    }
}
