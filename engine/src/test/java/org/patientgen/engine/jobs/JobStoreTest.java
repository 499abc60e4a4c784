package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Submit, claim, lease expiry and reclaim, exactly-once completion, reprioritise, cancel; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JobStoreTest {
    static final Duration LEASE = Duration.ofSeconds(30);

    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void submittedJobIsQueuedAndSplitIntoShards() throws Exception {
        long id = jobs.submit(Jobs.job(25_000, 10_000, 3));

        Job job = jobs.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.submission()).isEqualTo(Jobs.job(25_000, 10_000, 3));
        assertThat(job.submittedAt()).isEqualTo(db.clock.instant());
        assertThat(job.shards()).isEqualTo(3);
        List<Shard> shards = jobs.shards(id);
        assertThat(shards).extracting(Shard::firstPatient).containsExactly(0L, 10_000L, 20_000L);
        assertThat(shards).extracting(Shard::patientCount).containsExactly(10_000, 10_000, 5_000);
        assertThat(shards).extracting(Shard::state).containsOnly(ShardState.PENDING);
        assertThat(jobs.transitions(id)).containsExactly(
                new JobTransition(id, null, JobState.QUEUED, db.clock.instant(), "alice", "submitted"));
        assertThat(jobs.job(id + 1000)).isEmpty();
    }

    @Test
    void claimingLeasesShardsInOrderAndStartsTheJob() throws Exception {
        long id = jobs.submit(Jobs.job(20, 10, 0));
        db.clock.advance(Duration.ofSeconds(5));

        ShardLease first = queue.claim("node-a", LEASE).orElseThrow();
        ShardLease second = queue.claim("node-b", LEASE).orElseThrow();

        assertThat(first.shardIndex()).isZero();
        assertThat(second.shardIndex()).isEqualTo(1);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.expiresAt()).isEqualTo(db.clock.instant().plus(LEASE));
        assertThat(queue.claim("node-c", LEASE)).isEmpty();
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThat(jobs.transitions(id)).extracting(JobTransition::to, JobTransition::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JobState.QUEUED, "alice"),
                        org.assertj.core.groups.Tuple.tuple(JobState.RUNNING, "node-a"));
        assertThat(jobs.shards(id).get(0).leaseOwner()).isEqualTo("node-a");
    }

    @Test
    void expiredLeaseIsReclaimedAndTheOldHolderIsFencedOff() throws Exception {
        long id = jobs.submit(Jobs.job(10, 10, 0));
        ShardLease dead = queue.claim("node-a", LEASE).orElseThrow();
        assertThat(queue.claim("node-b", LEASE)).isEmpty();

        db.clock.advance(LEASE.plusMillis(1));
        ShardLease taken = queue.claim("node-b", LEASE).orElseThrow();

        assertThat(taken.shardId()).isEqualTo(dead.shardId());
        assertThat(taken.attempt()).isEqualTo(2);
        assertThat(queue.renew(dead, LEASE)).isEmpty();
        assertThat(queue.complete(dead, 10)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(queue.complete(taken, 10)).isEqualTo(ShardCompletion.RECORDED);
        Shard shard = jobs.shards(id).get(0);
        assertThat(shard.attempts()).isEqualTo(2);
        assertThat(shard.leaseOwner()).isEqualTo("node-b");
    }

    @Test
    void renewedLeaseDoesNotExpire() throws Exception {
        jobs.submit(Jobs.job(10, 10, 0));
        ShardLease lease = queue.claim("node-a", LEASE).orElseThrow();

        db.clock.advance(Duration.ofSeconds(20));
        ShardLease renewed = queue.renew(lease, LEASE).orElseThrow();
        db.clock.advance(Duration.ofSeconds(20));

        assertThat(renewed.expiresAt()).isEqualTo(db.clock.instant().plusSeconds(10));
        assertThat(queue.claim("node-b", LEASE)).isEmpty();
        assertThat(queue.complete(renewed, 10)).isEqualTo(ShardCompletion.RECORDED);
    }

    @Test
    void completionIsRecordedExactlyOnceAndTheLastShardFinishesTheJob() throws Exception {
        long id = jobs.submit(Jobs.job(15, 10, 0));
        ShardLease a = queue.claim("node-a", LEASE).orElseThrow();
        ShardLease b = queue.claim("node-a", LEASE).orElseThrow();

        assertThat(queue.complete(a, 10)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(queue.complete(a, 10)).isEqualTo(ShardCompletion.ALREADY_RECORDED);
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        db.clock.advance(Duration.ofSeconds(3));
        assertThat(queue.complete(b, 5)).isEqualTo(ShardCompletion.RECORDED);
        assertThat(queue.complete(b, 5)).isEqualTo(ShardCompletion.ALREADY_RECORDED);

        Job job = jobs.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.shardsSucceeded()).isEqualTo(2);
        assertThat(job.patientsDone()).isEqualTo(15);
        List<JobTransition> transitions = jobs.transitions(id);
        assertThat(transitions).extracting(JobTransition::to)
                .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(transitions.get(2).at()).isEqualTo(db.clock.instant());
        assertThat(jobs.shards(id).get(1).completedAt()).isEqualTo(db.clock.instant());
        // Even after its lease time, a completed shard is never claimable again.
        db.clock.advance(Duration.ofHours(1));
        assertThat(queue.claim("node-b", LEASE)).isEmpty();
    }

    @Test
    void onlyQueuedJobsCanBeReprioritised() throws Exception {
        long low = jobs.submit(Jobs.job(10, 10, 0));
        long high = jobs.submit(Jobs.job(10, 10, 5));

        jobs.reprioritise(low, 9, "bob");

        assertThat(jobs.job(low).orElseThrow().submission().priority()).isEqualTo(9);
        assertThat(queue.claim("node-a", LEASE).orElseThrow().jobId()).isEqualTo(low);
        assertThatThrownBy(() -> jobs.reprioritise(low, 1, "bob")).isInstanceOf(JobStateException.class)
                .hasMessage("job " + low + " is RUNNING; only queued or waiting jobs can be reprioritised");
        assertThatThrownBy(() -> jobs.reprioritise(high, 5000, "bob"))
                .hasMessage("priority must be between -1000 and 1000, was 5000");
    }

    @Test
    void cancellingWithdrawsShardsAndFencesOffTheirHolders() throws Exception {
        long id = jobs.submit(Jobs.job(30, 10, 0));
        ShardLease held = queue.claim("node-a", LEASE).orElseThrow();

        jobs.cancel(id, "bob", "wrong seed");

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(jobs.shards(id)).extracting(Shard::state).containsOnly(ShardState.CANCELLED);
        assertThat(queue.claim("node-b", LEASE)).isEmpty();
        assertThat(queue.renew(held, LEASE)).isEmpty();
        assertThat(queue.complete(held, 10)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(jobs.transitions(id).get(2)).extracting(JobTransition::from, JobTransition::to, JobTransition::reason)
                .containsExactly(JobState.RUNNING, JobState.CANCELLED, "wrong seed");
        assertThatThrownBy(() -> jobs.cancel(id, "bob", "again")).isInstanceOf(JobStateException.class);
    }

    @Test
    void aFailedShardFailsTheJobWhenItHasNoRetries() throws Exception {
        long id = jobs.submit(Jobs.job(20, 10, 0).withRetry(RetryPolicy.noRetry()));
        ShardLease a = queue.claim("node-a", LEASE).orElseThrow();
        ShardLease b = queue.claim("node-b", LEASE).orElseThrow();

        assertThat(queue.fail(a, "disk full")).isTrue();

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobs.shards(id)).extracting(Shard::state).containsExactly(ShardState.FAILED, ShardState.CANCELLED);
        assertThat(queue.complete(b, 10)).isEqualTo(ShardCompletion.LEASE_LOST);
        assertThat(queue.fail(a, "again")).isFalse();
        Optional<JobTransition> last = jobs.transitions(id).stream().reduce((x, y) -> y);
        assertThat(last.orElseThrow().reason()).isEqualTo("shard 0 failed: disk full");
    }
}
