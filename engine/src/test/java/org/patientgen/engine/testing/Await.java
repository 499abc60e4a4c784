package org.patientgen.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.jobs.JobStore;

/** Waiting for work on other threads (shard workers) to reach a state, polling, for at most two minutes. */
public final class Await {
    /** A condition checked again until it holds. */
    public interface Check {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    public static void until(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 2 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Until job {@code id} is in {@code state}; fails at once if it ends in another state. */
    public static void jobState(JobStore jobs, long id, JobState state) throws Exception {
        until(() -> {
            JobState now = jobs.job(id).orElseThrow().state();
            assertThat(now.isTerminal() ? now : state).isEqualTo(state);
            return now == state;
        });
    }
}
