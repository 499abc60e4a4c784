package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.workflows.WorkflowStore;

/**
 * Failed shard attempts back off exponentially up to the job's attempt limit; an expired lease is
 * a failed attempt too (recorded when a claim finds it, reclaimed at once while attempts remain);
 * on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ShardRetryTest {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final RetryPolicy FOUR_TRIES = new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofSeconds(25));
    static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(10));

    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock, JobQueuePolicy.DEFAULT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFailedAttemptBacksOffExponentiallyAndTheLimitFailsTheJob() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0).withRetry(FOUR_TRIES));
        assertThat(jobs.job(id).orElseThrow().submission().retry()).isEqualTo(FOUR_TRIES);
        Instant start = db.clock.instant();

        // Failures 1, 2, 3 wait 10 s, 20 s, then 25 s (40 s capped); failure 4 is the last attempt.
        List<Duration> waits = List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25));
        for (int n = 1; n <= 3; n++) {
            ShardLease lease = queue.claim("node-" + n, LEASE).orElseThrow();
            assertThat(lease.attempt()).isEqualTo(n);
            db.clock.advance(Duration.ofSeconds(1));
            assertThat(queue.fail(lease, "boom " + n)).isTrue();

            Instant retryAt = db.clock.instant().plus(waits.get(n - 1));
            Shard shard = jobs.shards(id).get(0);
            assertThat(shard.state()).isEqualTo(ShardState.PENDING);
            assertThat(shard.notBefore()).isEqualTo(retryAt);
            assertThat(shard.failures()).isEqualTo(n);
            assertThat(shard.lastError()).isEqualTo("boom " + n);
            assertThat(shard.leaseOwner()).isNull();
            assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

            db.clock.advance(waits.get(n - 1).minusMillis(1));
            assertThat(queue.claim("other", LEASE)).as("backing off until %s", retryAt).isEmpty();
            db.clock.advance(Duration.ofMillis(1));
            assertThat(db.clock.instant()).isEqualTo(retryAt);
        }
        ShardLease last = queue.claim("node-4", LEASE).orElseThrow();
        assertThat(last.attempt()).isEqualTo(4);
        assertThat(queue.fail(last, "boom 4")).isTrue();

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.shards(id).get(0).state()).isEqualTo(ShardState.FAILED);
        List<JobTransition> transitions = jobs.transitions(id);
        assertThat(transitions.get(transitions.size() - 1).reason()).isEqualTo("shard 0 failed (4 attempts): boom 4");
        List<ShardFailure> failures = jobs.failures(id);
        assertThat(failures).extracting(ShardFailure::attempt).containsExactly(1, 2, 3, 4);
        assertThat(failures).extracting(ShardFailure::error).containsExactly("boom 1", "boom 2", "boom 3", "boom 4");
        assertThat(failures).extracting(ShardFailure::owner).containsExactly("node-1", "node-2", "node-3", "node-4");
        assertThat(failures.get(0).failedAt()).isEqualTo(start.plusSeconds(1));
        assertThat(failures.get(0).retryAt()).isEqualTo(start.plusSeconds(11));
        assertThat(failures.get(1).retryAt()).isEqualTo(start.plusSeconds(11 + 1 + 20));
        assertThat(failures.get(3).retryAt()).isNull();
        assertThat(queue.claim("node-5", LEASE)).isEmpty();
    }

    @Test
    void aBackingOffShardDoesNotBlockTheQueueBehindIt() throws Exception {
        long first = jobs.submit(Jobs.job(10, 10, 5));
        db.clock.advance(Duration.ofSeconds(1));
        long second = jobs.submit(Jobs.job(10, 10, 0));
        ShardLease a = queue.claim("node", LEASE).orElseThrow();
        assertThat(a.jobId()).isEqualTo(first);
        queue.fail(a, "transient");

        ShardLease b = queue.claim("node", LEASE).orElseThrow();
        assertThat(b.jobId()).as("the higher-ranked shard is backing off").isEqualTo(second);
        db.clock.advance(RetryPolicy.DEFAULT.initialBackoff());
        ShardLease again = queue.claim("node", LEASE).orElseThrow();
        assertThat(again.jobId()).isEqualTo(first);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(queue.complete(again, 10)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(jobs.job(first).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void theFailedWorkerIsFencedOffAfterARetryWasScheduled() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0));
        ShardLease lease = queue.claim("node-a", LEASE).orElseThrow();
        queue.fail(lease, "boom");

        assertThat(queue.fail(lease, "boom again")).isFalse();
        assertThat(queue.complete(lease, 10)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(queue.renew(lease, LEASE)).isEmpty();
        assertThat(jobs.failures(id)).hasSize(1);
        assertThat(jobs.shards(id).get(0).failures()).isEqualTo(1);
    }

    @Test
    void failAttemptTellsARetryFromAFailureThatUsedUpTheAttempts() throws Exception {
        jobs.submit(Jobs.job(10, 10, 0).withRetry(new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(5))));
        ShardLease first = queue.claim("node", LEASE).orElseThrow();
        assertThat(queue.failAttempt(first, "boom")).isEqualTo(ShardQueue.FailedAttempt.RETRY_SCHEDULED);
        assertThat(queue.failAttempt(first, "boom again")).isEqualTo(ShardQueue.FailedAttempt.LEASE_LOST);

        db.clock.advance(Duration.ofSeconds(5));
        ShardLease second = queue.claim("node", LEASE).orElseThrow();
        assertThat(queue.failAttempt(second, "boom")).isEqualTo(ShardQueue.FailedAttempt.SHARD_FAILED);
    }

    @Test
    void aJobCancelledWhileBackingOffEnds() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0));
        queue.fail(queue.claim("node", LEASE).orElseThrow(), "boom");

        jobs.cancel(id, "bob", "not needed");

        assertThat(jobs.shards(id).get(0).state()).isEqualTo(ShardState.CANCELLED);
        db.clock.advance(Duration.ofHours(1));
        assertThat(queue.claim("node", LEASE)).isEmpty();
    }

    @Test
    void usingUpTheAttemptsSkipsDownstreamWorkflowJobs() throws Exception {
        WorkflowStore workflows = new WorkflowStore(db.pool.dataSource(), db.clock, jobs);
        RetryPolicy twice = new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(5));
        long flow = workflows.submit(new WorkflowDefinition("etl", List.of(
                new WorkflowNode("extract", Jobs.job(10, 10, 0).withRetry(twice)),
                new WorkflowNode("load", Jobs.job(10, 10, 0))),
                List.of(WorkflowEdge.of("extract", "load"))), "alice");
        long extract = workflows.get(flow).orElseThrow().job("extract").jobId();
        long load = workflows.get(flow).orElseThrow().job("load").jobId();

        queue.fail(queue.claim("node", LEASE).orElseThrow(), "first");
        assertThat(jobs.job(load).orElseThrow().state()).isEqualTo(JobState.WAITING);
        db.clock.advance(Duration.ofSeconds(5));
        queue.fail(queue.claim("node", LEASE).orElseThrow(), "second");

        assertThat(jobs.job(extract).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.job(load).orElseThrow().state()).isEqualTo(JobState.SKIPPED);
        assertThat(workflows.get(flow).orElseThrow().finished()).isTrue();
        assertThat(Map.of("extract", jobs.failures(extract).size())).containsEntry("extract", 2);
    }

    // An expired lease (its node died or stalled) is a failed attempt of its holder, found by a claim.

    @Test
    void anExpiredLeaseIsRecordedAsTheHoldersFailedAttemptAndReclaimedAtOnce() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0).withRetry(THREE_TRIES));
        ShardLease dead = queue.claim("node-a", LEASE).orElseThrow();
        db.clock.advance(LEASE.plusSeconds(5));
        Instant found = db.clock.instant();

        ShardLease taken = queue.claim("node-b", LEASE).orElseThrow();

        assertThat(taken.shardId()).isEqualTo(dead.shardId());
        assertThat(taken.attempt()).isEqualTo(2);
        assertThat(jobs.failures(id)).containsExactly(new ShardFailure(id, 0, 1, "node-a", found,
                "lease of node-a expired at 2026-01-05T09:00:30Z without completion or renewal", found));
        Shard shard = jobs.shards(id).get(0);
        assertThat(shard.failures()).isEqualTo(1);
        assertThat(shard.lastError()).startsWith("lease of node-a expired");
        assertThat(shard.leaseOwner()).isEqualTo("node-b");
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        // the dead holder is fenced off and cannot count its attempt a second time
        assertThat(queue.fail(dead, "late error")).isFalse();
        assertThat(queue.complete(dead, 10)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(queue.complete(taken, 10)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(jobs.failures(id)).hasSize(1);
    }

    @Test
    void aLeaseRenewedInTimeIsNoFailure() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0));
        ShardLease lease = queue.claim("node-a", LEASE).orElseThrow();
        db.clock.advance(Duration.ofSeconds(20));
        lease = queue.renew(lease, LEASE).orElseThrow();
        db.clock.advance(Duration.ofSeconds(20));

        assertThat(queue.claim("node-b", LEASE)).isEmpty();
        assertThat(queue.complete(lease, 10)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(jobs.failures(id)).isEmpty();
    }

    @Test
    void expiriesAndReportedFailuresShareTheBudgetAndTheLastOneFailsTheJob() throws Exception {
        long id = jobs.submit(Jobs.job(30, 10, 5).withRetry(THREE_TRIES));
        db.clock.advance(Duration.ofSeconds(1));
        long next = jobs.submit(Jobs.job(10, 10, 0));
        ShardLease other = queue.claim("node-x", LEASE).orElseThrow(); // shard 0, completed normally
        queue.complete(other, 10);

        queue.claim("node-a", LEASE).orElseThrow(); // shard 1: node-a dies (failure 1)
        db.clock.advance(LEASE.plusMillis(1));
        ShardLease second = queue.claim("node-b", LEASE).orElseThrow();
        assertThat(second.shardIndex()).isEqualTo(1);
        queue.fail(second, "disk full"); // failure 2, backs off 10 s
        db.clock.advance(THREE_TRIES.initialBackoff());
        ShardLease third = queue.claim("node-c", LEASE).orElseThrow();
        assertThat(third.shardIndex()).isEqualTo(1);
        db.clock.advance(LEASE.plusMillis(1));
        Instant expired = third.expiresAt();

        // node-c died too (failure 3 of 3): the claim fails shard 1 and the job, then moves on
        ShardLease moved = queue.claim("node-d", LEASE).orElseThrow();

        assertThat(moved.jobId()).isEqualTo(next);
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.shards(id)).extracting(Shard::state)
                .containsExactly(ShardState.SUCCEEDED, ShardState.FAILED, ShardState.CANCELLED);
        List<ShardFailure> failures = jobs.failures(id);
        assertThat(failures).extracting(ShardFailure::owner).containsExactly("node-a", "node-b", "node-c");
        assertThat(failures.get(2).retryAt()).isNull();
        String error = "lease of node-c expired at " + expired + " without completion or renewal";
        assertThat(failures.get(2).error()).isEqualTo(error);
        List<JobTransition> transitions = jobs.transitions(id);
        JobTransition last = transitions.get(transitions.size() - 1);
        assertThat(last.to()).isEqualTo(JobState.FAILED);
        assertThat(last.actor()).as("the node that found the expired lease").isEqualTo("node-d");
        assertThat(last.reason()).isEqualTo("shard 1 failed (3 attempts): " + error);
    }

    @Test
    void anExpiredLastAttemptSkipsDownstreamWorkflowJobs() throws Exception {
        WorkflowStore workflows = new WorkflowStore(db.pool.dataSource(), db.clock, jobs);
        long flow = workflows.submit(new WorkflowDefinition("etl", List.of(
                new WorkflowNode("extract", Jobs.job(10, 10, 0).withRetry(RetryPolicy.noRetry())),
                new WorkflowNode("load", Jobs.job(10, 10, 0))),
                List.of(WorkflowEdge.of("extract", "load"))), "alice");
        long extract = workflows.get(flow).orElseThrow().job("extract").jobId();
        long load = workflows.get(flow).orElseThrow().job("load").jobId();
        queue.claim("node-a", LEASE).orElseThrow();
        db.clock.advance(LEASE.plusMillis(1));

        assertThat(queue.claim("node-b", LEASE)).isEmpty();

        assertThat(jobs.job(extract).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.job(load).orElseThrow().state()).isEqualTo(JobState.SKIPPED);
        assertThat(jobs.failures(extract)).extracting(ShardFailure::owner, ShardFailure::retryAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", null));
    }
}
