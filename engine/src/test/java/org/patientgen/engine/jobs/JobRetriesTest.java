package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobRetryResult;
import org.patientgen.engine.api.JobRetryResult.Outcome;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Retry of a failed job, bulk retry with per-item results, re-run; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JobRetriesTest {
    static final Duration LEASE = Duration.ofSeconds(30);

    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;
    JobRetries retries;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock, JobQueuePolicy.DEFAULT);
        retries = new JobRetries(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT, jobs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A 3-shard job whose shard 0 succeeded, shard 1 failed for good and shard 2 was withdrawn. */
    private long failedJob() throws Exception {
        long id = jobs.submit(Jobs.job(30, 10, 0).withRetry(RetryPolicy.noRetry()));
        ShardLease s0 = queue.claim("node", LEASE).orElseThrow();
        ShardLease s1 = queue.claim("node", LEASE).orElseThrow();
        assertThat(queue.complete(s0, 10)).isEqualTo(ShardCompletion.RECORDED);
        queue.fail(s1, "disk full");
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
        return id;
    }

    @Test
    void retryingAFailedJobQueuesItsUnfinishedShardsWithFreshBudgetsAndItCanSucceed() throws Exception {
        long id = failedJob();
        db.clock.advance(Duration.ofMinutes(1));

        retries.retry(id, "bob", "disk cleaned");

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        List<Shard> shards = jobs.shards(id);
        assertThat(shards).extracting(Shard::state, Shard::failures, Shard::notBefore, Shard::leaseOwner)
                .containsExactly(tuple(ShardState.SUCCEEDED, 0, null, "node"), tuple(ShardState.PENDING, 0, null, null),
                        tuple(ShardState.PENDING, 0, null, null));
        assertThat(shards.get(1).attempts()).as("fencing token keeps growing").isEqualTo(1);
        JobTransition last = jobs.transitions(id).get(jobs.transitions(id).size() - 1);
        assertThat(last).isEqualTo(new JobTransition(id, JobState.FAILED, JobState.QUEUED, db.clock.instant(), "bob",
                "retry: disk cleaned"));

        ShardLease a = queue.claim("node", LEASE).orElseThrow();
        ShardLease b = queue.claim("node", LEASE).orElseThrow();
        assertThat(a.shardIndex()).isEqualTo(1);
        assertThat(a.attempt()).isEqualTo(2);
        assertThat(queue.complete(a, 10)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(queue.complete(b, 10)).isEqualTo(ShardCompletion.RECORDED);
        Job done = jobs.job(id).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.patientsDone()).isEqualTo(30);
        assertThat(jobs.transitions(id)).extracting(JobTransition::to).containsExactly(JobState.QUEUED,
                JobState.RUNNING, JobState.FAILED, JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(jobs.failures(id)).hasSize(1);
    }

    @Test
    void onlyFailedJobsCanBeRetried() throws Exception {
        long queued = jobs.submit(Jobs.job(10, 10, 0));
        assertThatThrownBy(() -> retries.retry(queued, "bob", "why not"))
                .isInstanceOf(JobStateException.class)
                .hasMessage("job " + queued + " is QUEUED; only failed jobs can be retried (re-run it instead to run it again)");
        assertThatThrownBy(() -> retries.retry(9999, "bob", "x")).hasMessage("job 9999 does not exist");
        assertThat(jobs.job(queued).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void bulkRetryReportsEachItem() throws Exception {
        long failedA = failedJob();
        long failedB = failedJob();
        long cancelled = jobs.submit(Jobs.job(10, 10, 0));
        jobs.cancel(cancelled, "bob", "no");

        List<JobRetryResult> results = retries.retryAll(List.of(failedA, 9999L, cancelled, failedB, failedA), "bob",
                "bulk");

        assertThat(results).extracting(JobRetryResult::jobId, JobRetryResult::outcome).containsExactly(
                tuple(failedA, Outcome.RETRIED), tuple(9999L, Outcome.NOT_FOUND), tuple(cancelled, Outcome.NOT_FAILED),
                tuple(failedB, Outcome.RETRIED), tuple(failedA, Outcome.NOT_FAILED));
        assertThat(results.get(2).message()).startsWith("job " + cancelled + " is CANCELLED;");
        assertThat(jobs.job(failedA).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.job(failedB).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.job(cancelled).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(jobs.shards(cancelled)).extracting(Shard::state).containsOnly(ShardState.CANCELLED);
    }

    @Test
    void aRerunIsANewJobWithTheSameParametersLinkedToTheOriginal() throws Exception {
        long original = failedJob();
        db.clock.advance(Duration.ofMinutes(5));

        long rerun = retries.rerun(original, "bob");

        Job job = jobs.job(rerun).orElseThrow();
        assertThat(rerun).isNotEqualTo(original);
        assertThat(job.submission()).isEqualTo(jobs.job(original).orElseThrow().submission());
        assertThat(job.rerunOf()).isEqualTo(original);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.submittedAt()).isEqualTo(db.clock.instant());
        assertThat(jobs.shards(rerun)).extracting(Shard::state).containsOnly(ShardState.PENDING).hasSize(3);
        assertThat(jobs.job(original).orElseThrow().rerunOf()).isNull();
        assertThat(jobs.job(original).orElseThrow().state()).isEqualTo(JobState.FAILED);

        long running = jobs.submit(Jobs.job(10, 10, 0));
        queue.claim("node", LEASE);
        queue.claim("node", LEASE);
        assertThatThrownBy(() -> retries.rerun(running, "bob")).isInstanceOf(JobStateException.class)
                .hasMessageContaining("only ended jobs can be re-run");
        assertThatThrownBy(() -> retries.rerun(9999, "bob")).hasMessage("job 9999 does not exist");
    }
}
