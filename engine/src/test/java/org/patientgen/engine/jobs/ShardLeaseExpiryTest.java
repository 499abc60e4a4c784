package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * A lease that expires (its node died or stalled) counts as a failed attempt under the job's retry
 * policy: recorded when a claim finds it, reclaimed at once while attempts remain, and failing the
 * job like a reported failure when it was the last; on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ShardLeaseExpiryTest {
    static final Duration LEASE = Duration.ofSeconds(30);
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
