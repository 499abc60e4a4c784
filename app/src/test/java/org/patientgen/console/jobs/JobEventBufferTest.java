package org.patientgen.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobProgressed;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobTransition;

class JobEventBufferTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static JobProgressed progress(long seq, long job, long done) {
        return new JobProgressed(seq, new JobProgress(job, JobState.RUNNING, 100, done, 0, 10, 0, T, T.plusSeconds(seq)));
    }

    @Test
    void keepsTheLatestProgressPerJobAndEveryChangedJobOnce() {
        JobEventBuffer buffer = new JobEventBuffer();
        buffer.accept(progress(1, 7, 10));
        buffer.accept(progress(2, 7, 20));
        buffer.accept(progress(3, 8, 5));
        buffer.accept(new JobStateChanged(4, new JobTransition(9, null, JobState.QUEUED, T, "a", "")));
        buffer.accept(new JobStateChanged(5, new JobTransition(7, JobState.QUEUED, JobState.RUNNING, T, "n", "")));
        buffer.accept(new JobStateChanged(6, new JobTransition(9, JobState.QUEUED, JobState.CANCELLED, T, "a", "")));
        buffer.accept(new ConfigChanged(7, T, "a", "pool.apply", "pool", "1", ""));

        JobEventBuffer.Batch batch = buffer.drain();
        assertThat(batch.progress()).hasSize(2);
        assertThat(batch.progress().get(7L).patientsDone()).isEqualTo(20);
        assertThat(batch.changed()).containsExactly(9L, 7L);
        assertThat(buffer.drain().isEmpty()).isTrue();
    }
}
