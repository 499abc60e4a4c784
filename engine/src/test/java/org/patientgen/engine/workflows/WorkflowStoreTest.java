package org.patientgen.engine.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.workflows.Flows.edge;
import static org.patientgen.engine.workflows.Flows.flow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowJob;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.jobs.ShardQueue;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Chains, diamonds, failure propagation, run-anyway edges, cancellation, cycles; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class WorkflowStoreTest {
    static final Duration LEASE = Duration.ofMinutes(5);

    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;
    WorkflowStore workflows;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock, JobQueuePolicy.DEFAULT);
        workflows = new WorkflowStore(db.pool.dataSource(), db.clock, jobs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aChainRunsOneJobAfterTheOther() throws Exception {
        long id = workflows.submit(flow("chain", List.of("A", "B", "C"), edge("A", "B"), edge("B", "C")), "alice");
        assertThat(states(id)).containsExactly(entry("A", JobState.QUEUED), entry("B", JobState.WAITING),
                entry("C", JobState.WAITING));
        assertThat(jobs.shards(job(id, "B"))).isEmpty();

        succeed("A", id); // A is the only claimable job
        assertThat(states(id)).containsExactly(entry("A", JobState.SUCCEEDED), entry("B", JobState.QUEUED),
                entry("C", JobState.WAITING));
        assertThat(jobs.shards(job(id, "B"))).hasSize(1);
        succeed("B", id);
        succeed("C", id);

        Workflow done = workflows.get(id).orElseThrow();
        assertThat(done.finished()).isTrue();
        assertThat(done.succeeded()).isTrue();
        assertThat(jobs.transitions(job(id, "B"))).extracting(JobTransition::to)
                .containsExactly(JobState.WAITING, JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(jobs.transitions(job(id, "B")).get(1).reason()).isEqualTo("upstream jobs ended");
    }

    @Test
    void aDiamondJoinWaitsForBothBranches() throws Exception {
        long id = workflows.submit(Flows.diamond("diamond"), "alice");
        succeed("A", id);
        Map<Long, ShardLease> branches = claimAll();
        assertThat(branches.keySet()).containsExactlyInAnyOrder(job(id, "B"), job(id, "C"));

        queue.complete(branches.get(job(id, "B")), 10);
        assertThat(state(id, "D")).isEqualTo(JobState.WAITING);
        queue.complete(branches.get(job(id, "C")), 10);
        assertThat(state(id, "D")).isEqualTo(JobState.QUEUED);
        succeed("D", id);
        assertThat(workflows.get(id).orElseThrow().succeeded()).isTrue();
    }

    @Test
    void aFailedJobSkipsEverythingDownstreamButNotItsNeighbours() throws Exception {
        long id = workflows.submit(flow("etl", List.of("A", "B", "C", "X"), edge("A", "B"), edge("B", "C")), "alice");
        Map<Long, ShardLease> leases = claimAll();
        assertThat(leases.keySet()).containsExactlyInAnyOrder(job(id, "A"), job(id, "X"));

        queue.fail(leases.get(job(id, "A")), "disk full");

        assertThat(states(id)).containsExactly(entry("A", JobState.FAILED), entry("B", JobState.SKIPPED),
                entry("C", JobState.SKIPPED), entry("X", JobState.RUNNING));
        assertThat(lastReason(job(id, "B"))).isEqualTo("upstream job " + job(id, "A") + " (A) FAILED");
        assertThat(lastReason(job(id, "C"))).isEqualTo("upstream job " + job(id, "B") + " (B) SKIPPED");
        assertThat(jobs.shards(job(id, "C"))).isEmpty();
        assertThat(workflows.get(id).orElseThrow().finished()).isFalse();
        queue.complete(leases.get(job(id, "X")), 10);
        Workflow done = workflows.get(id).orElseThrow();
        assertThat(done.finished()).isTrue();
        assertThat(done.succeeded()).isFalse();
    }

    @Test
    void aFailedBranchSkipsTheJoinWithoutWaitingForTheOtherBranch() throws Exception {
        long id = workflows.submit(Flows.diamond("diamond"), "alice");
        succeed("A", id);
        Map<Long, ShardLease> branches = claimAll();

        queue.fail(branches.get(job(id, "B")), "bad module");
        assertThat(state(id, "D")).isEqualTo(JobState.SKIPPED);
        assertThat(state(id, "C")).isEqualTo(JobState.RUNNING);

        queue.complete(branches.get(job(id, "C")), 10);
        assertThat(state(id, "D")).isEqualTo(JobState.SKIPPED);
    }

    @Test
    void aRunAnywayEdgeRunsTheDownstreamJobAfterAFailure() throws Exception {
        long id = workflows.submit(flow("with-cleanup", List.of("A", "B", "cleanup"), edge("A", "B"),
                new WorkflowEdge("A", "cleanup", OnUpstreamFailure.RUN)), "alice");
        queue.fail(claimAll().get(job(id, "A")), "boom");

        assertThat(state(id, "B")).isEqualTo(JobState.SKIPPED);
        assertThat(state(id, "cleanup")).isEqualTo(JobState.QUEUED);
        assertThat(workflows.get(id).orElseThrow().edges()).containsExactly(edge("A", "B"),
                new WorkflowEdge("A", "cleanup", OnUpstreamFailure.RUN));
    }

    @Test
    void eachEdgeKeepsItsOwnPolicyAtAJoin() throws Exception {
        // report needs "load" to succeed, but runs whether or not "audit" did.
        WorkflowEdge auditEdge = new WorkflowEdge("audit", "report", OnUpstreamFailure.RUN);
        long ok = workflows.submit(flow("w1", List.of("load", "audit", "report"), edge("load", "report"), auditEdge),
                "alice");
        Map<Long, ShardLease> leases = claimAll();
        queue.fail(leases.get(job(ok, "audit")), "audit failed");
        assertThat(state(ok, "report")).isEqualTo(JobState.WAITING); // still waits for load
        queue.complete(leases.get(job(ok, "load")), 10);
        assertThat(state(ok, "report")).isEqualTo(JobState.QUEUED);

        long bad = workflows.submit(flow("w2", List.of("load", "audit", "report"), edge("load", "report"), auditEdge),
                "alice");
        leases = claimAll();
        queue.fail(leases.get(job(bad, "load")), "load failed");
        assertThat(state(bad, "report")).isEqualTo(JobState.SKIPPED);
    }

    @Test
    void cancellingAnUpstreamJobSkipsItsDownstreamJobs() throws Exception {
        long id = workflows.submit(flow("w", List.of("A", "B", "C"), edge("A", "B"), edge("B", "C")), "alice");
        jobs.cancel(job(id, "B"), "bob", "not needed"); // a waiting job can be cancelled
        assertThat(states(id)).containsExactly(entry("A", JobState.QUEUED), entry("B", JobState.CANCELLED),
                entry("C", JobState.SKIPPED));
        assertThat(lastReason(job(id, "C"))).isEqualTo("upstream job " + job(id, "B") + " (B) CANCELLED");
        succeed("A", id);
        assertThat(state(id, "B")).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void cancellingAWorkflowEndsEveryJob() throws Exception {
        long id = workflows.submit(Flows.diamond("diamond"), "alice");
        assertThat(workflows.cancel(id, "bob", "wrong population")).isEqualTo(1); // A; the rest are skipped
        assertThat(states(id)).containsExactly(entry("A", JobState.CANCELLED), entry("B", JobState.SKIPPED),
                entry("C", JobState.SKIPPED), entry("D", JobState.SKIPPED));
        assertThat(workflows.cancel(id, "bob", "again")).isZero();
        assertThatThrownBy(() -> workflows.cancel(999, "bob", "x")).hasMessage("workflow 999 does not exist");
    }

    @Test
    void aWaitingJobCanBeReprioritisedAndAgesFromItsRelease() throws Exception {
        long id = workflows.submit(flow("w", List.of("A", "B"), edge("A", "B")), "alice");
        jobs.reprioritise(job(id, "B"), 7, "bob");
        db.clock.advance(Duration.ofHours(2));
        long releasedAtMs = db.clock.millis();
        succeed("A", id);

        assertThat(jobs.job(job(id, "B")).orElseThrow().submission().priority()).isEqualTo(7);
        assertThat(queryLong("SELECT queue_rank FROM shards WHERE job_id = " + job(id, "B")))
                .isEqualTo(JobQueuePolicy.DEFAULT.rank(releasedAtMs, 7));
    }

    @Test
    void aCycleIsRefusedNamingItAndNothingIsStored() throws Exception {
        assertThatThrownBy(() -> workflows.submit(flow("etl", List.of("extract", "A", "B", "C"),
                edge("extract", "A"), edge("A", "B"), edge("B", "C"), edge("C", "A")), "alice"))
                .isInstanceOf(WorkflowCycleException.class)
                .hasMessageContaining("workflow 'etl' has a cycle: A → B → C → A;");
        assertThat(queryLong("SELECT COUNT(*) FROM jobs")).isZero();
        assertThat(queryLong("SELECT COUNT(*) FROM workflows")).isZero();
    }

    @Test
    void aSubmittedWorkflowReadsBack() throws Exception {
        long id = workflows.submit(Flows.diamond("nightly"), "alice");
        Workflow w = workflows.get(id).orElseThrow();
        assertThat(w.name()).isEqualTo("nightly");
        assertThat(w.owner()).isEqualTo("alice");
        assertThat(w.createdAt()).isEqualTo(db.clock.instant());
        assertThat(w.jobs()).extracting(WorkflowJob::node).containsExactly("A", "B", "C", "D");
        assertThat(w.edges()).containsExactlyInAnyOrder(edge("A", "B"), edge("A", "C"), edge("B", "D"),
                edge("C", "D"));
        assertThat(jobs.job(w.job("B").jobId()).orElseThrow().submission()).isEqualTo(Flows.job("B"));
        assertThat(workflows.get(id + 1)).isEmpty();
    }

    /** Both branches of many diamonds complete at the same moment on two threads: every join is released once. */
    @RepeatedTest(2)
    void concurrentBranchCompletionsReleaseEachJoinExactlyOnce() throws Exception {
        int diamonds = 8;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < diamonds; i++) {
            ids.add(workflows.submit(Flows.diamond("d" + i), "alice"));
        }
        for (ShardLease a : claimAll().values()) {
            queue.complete(a, 10);
        }
        Map<Long, ShardLease> branches = claimAll();
        assertThat(branches).hasSize(2 * diamonds);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (String branch : List.of("B", "C")) {
                Callable<Integer> completeAll = () -> {
                    start.await();
                    int n = 0;
                    for (long id : ids) {
                        assertThat(queue.complete(branches.get(job(id, branch)), 10)).isEqualTo(ShardCompletion.RECORDED);
                        n++;
                    }
                    return n;
                };
                done.add(threads.submit(completeAll));
            }
            start.countDown();
            for (Future<Integer> f : done) {
                assertThat(f.get(1, TimeUnit.MINUTES)).isEqualTo(diamonds);
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        for (long id : ids) {
            long d = job(id, "D");
            assertThat(state(id, "D")).as("join of workflow %d", id).isEqualTo(JobState.QUEUED);
            assertThat(jobs.shards(d)).hasSize(1);
            assertThat(jobs.transitions(d)).extracting(JobTransition::to)
                    .containsExactly(JobState.WAITING, JobState.QUEUED);
        }
    }

    /**
     * The interleaving the race loop rarely hits, forced: branch B's end is written but not yet
     * committed, its transaction holding the join's row lock, while branch C completes. C's
     * completion must wait for the lock and then see B's end, or the join would never be released.
     * (Correct code passes whatever the timing; the pause only makes sure C reaches the lock.)
     */
    @Test
    void aJoinDecidedWhileTheOtherBranchCommitsSeesItsEnd() throws Exception {
        long id = workflows.submit(Flows.diamond("diamond"), "alice");
        succeed("A", id);
        Map<Long, ShardLease> branches = claimAll();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection b = db.pool.dataSource().getConnection(); Statement st = b.createStatement()) {
            b.setAutoCommit(false);
            b.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            st.executeUpdate("UPDATE shards SET state = 'SUCCEEDED' WHERE job_id = " + job(id, "B"));
            st.executeUpdate("UPDATE jobs SET state = 'SUCCEEDED' WHERE id = " + job(id, "B"));
            st.executeQuery("SELECT state FROM jobs WHERE id = " + job(id, "D") + " FOR UPDATE").close();

            Future<ShardCompletion> c = other.submit(() -> queue.complete(branches.get(job(id, "C")), 10));
            Thread.sleep(300);
            b.commit();
            assertThat(c.get(1, TimeUnit.MINUTES)).isEqualTo(ShardCompletion.RECORDED);
        } finally {
            other.shutdownNow();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(state(id, "D")).isEqualTo(JobState.QUEUED);
    }

    // --- helpers ---

    private long job(long workflowId, String node) throws Exception {
        return workflows.get(workflowId).orElseThrow().job(node).jobId();
    }

    private JobState state(long workflowId, String node) throws Exception {
        return workflows.get(workflowId).orElseThrow().job(node).state();
    }

    private static Map.Entry<String, JobState> entry(String node, JobState state) {
        return Map.entry(node, state);
    }

    private List<Map.Entry<String, JobState>> states(long workflowId) throws Exception {
        List<Map.Entry<String, JobState>> result = new ArrayList<>();
        for (WorkflowJob j : workflows.get(workflowId).orElseThrow().jobs()) {
            result.add(entry(j.node(), j.state()));
        }
        return result;
    }

    private String lastReason(long jobId) throws Exception {
        List<JobTransition> t = jobs.transitions(jobId);
        return t.get(t.size() - 1).reason();
    }

    /** Claims every claimable shard (one per job here), by job. */
    private Map<Long, ShardLease> claimAll() throws Exception {
        Map<Long, ShardLease> leases = new LinkedHashMap<>();
        for (Optional<ShardLease> l = queue.claim("node", LEASE); l.isPresent(); l = queue.claim("node", LEASE)) {
            leases.put(l.get().jobId(), l.get());
        }
        return leases;
    }

    /** Runs the node's job to success; it must be the only claimable job. */
    private void succeed(String node, long workflowId) throws Exception {
        Map<Long, ShardLease> leases = claimAll();
        assertThat(leases.keySet()).containsExactly(job(workflowId, node));
        assertThat(queue.complete(leases.values().iterator().next(), 10)).isEqualTo(ShardCompletion.RECORDED);
    }

    private long queryLong(String sql) throws Exception {
        try (Connection c = db.pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
