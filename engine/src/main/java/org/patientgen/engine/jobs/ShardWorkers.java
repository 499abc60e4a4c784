package org.patientgen.engine.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.generate.GenerationException;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.generate.Generator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard workers of one node: up to {@link #concurrency()} threads, each claiming a shard from
 * the {@link ShardQueue}, generating its patients into the job's {@code shards/NNNNN} directory
 * (see {@link ShardRequests}) and recording its completion with the lease's fencing token.
 *
 * <p><b>Leases.</b> While a shard runs, a renewer thread extends its lease every
 * {@link Settings#renewEvery()}. When renewal finds the lease lost (the job was cancelled, or the
 * lease expired and another node took the shard) the run stops before its next patient and its
 * temporary directory is deleted: nothing of it appears.
 *
 * <p><b>Retried shards.</b> A shard's output is a pure function of the job's parameters and the
 * shard's patient range, and it appears only by an atomic rename together with its
 * {@code manifest.json}. So when an attempt finds the shard's directory already complete (an
 * earlier attempt committed it but died, or lost its lease, before recording), it <i>adopts</i>
 * that output rather than generating it again, and records the completion under its own lease.
 * Nothing is overwritten and no patient is written twice.
 *
 * <p><b>Threads.</b> Worker threads are named {@code patientgen-worker-NODE-N}, bounded by
 * {@link #MAX_CONCURRENCY} (a direct hand-off pool that rejects beyond it); the renewer is one
 * daemon thread. {@link #setConcurrency} changes the number of workers at once: new workers start
 * immediately, surplus ones stop after their current shard. Fields are guarded as noted.
 */
public final class ShardWorkers implements AutoCloseable {
    /** Most worker threads one node runs. */
    public static final int MAX_CONCURRENCY = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ShardWorkers.class);

    /**
     * How the workers behave.
     *
     * @param lease        lease length claimed and renewed
     * @param renewEvery   how often a running shard's lease is renewed (well under {@code lease});
     *                     also bounds how long a cancelled shard keeps running
     * @param idlePoll     how long a worker waits before claiming again when the queue was empty
     * @param stopGrace    how long {@link #close()} lets running shards finish before interrupting them
     */
    public record Settings(Duration lease, Duration renewEvery, Duration idlePoll, Duration stopGrace) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(stopGrace, "stopGrace");
            if (renewEvery.toMillis() < 1 || renewEvery.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("renewEvery (" + renewEvery + ") must be positive and shorter"
                        + " than the lease (" + lease + "); a third of the lease is a good choice");
            }
            if (idlePoll.toMillis() < 1) {
                throw new IllegalArgumentException("idlePoll must be positive, was " + idlePoll);
            }
        }

        /** 30 s leases renewed every 10 s, polling every second, 30 s to stop. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
        }
    }

    /** A shard running on this node. */
    private static final class Running {
        volatile ShardLease lease;
        volatile boolean lost;
        final AtomicLong written = new AtomicLong();

        Running(ShardLease lease) {
            this.lease = lease;
        }
    }

    private final String node;
    private final ShardQueue queue;
    private final JobStore jobs;
    private final ShardRequests requests;
    private final Settings settings;
    private final Clock clock;
    private final ShardEvents events;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService renewer;
    /** Shards running here, by shard id; concurrent map, written by their worker only. */
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Guarded by {@code lock}: wanted workers, and worker loops that have not yet decided to stop. */
    private int target;
    private int loops;
    private volatile boolean stopping;

    /**
     * Creates the workers, not yet running: call {@link #setConcurrency} to start them.
     *
     * @param node     this node's name, recorded as lease owner (unique among nodes)
     * @param queue    where shards are claimed
     * @param jobs     where jobs' parameters and progress are read
     * @param requests turns a shard into a generation run
     * @param settings lease and timing settings
     * @param clock    timestamps progress snapshots (leases use the queue's clock)
     */
    public ShardWorkers(String node, ShardQueue queue, JobStore jobs, ShardRequests requests, Settings settings,
                        Clock clock) {
        this(node, queue, jobs, requests, settings, clock, ShardEvents.NONE);
    }

    /**
     * As {@link #ShardWorkers(String, ShardQueue, JobStore, ShardRequests, Settings, Clock)}, telling
     * {@code events} what the workers do with shards (for metrics).
     */
    public ShardWorkers(String node, ShardQueue queue, JobStore jobs, ShardRequests requests, Settings settings,
                        Clock clock, ShardEvents events) {
        this.node = Objects.requireNonNull(node, "node");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = ShardEvents.guarded(events);
        this.workers = new ThreadPoolExecutor(0, MAX_CONCURRENCY, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads("patientgen-worker-" + node + "-", false), new ThreadPoolExecutor.AbortPolicy());
        ScheduledThreadPoolExecutor renew = new ScheduledThreadPoolExecutor(1,
                threads("patientgen-lease-renewer-" + node + "-", true));
        renew.setRemoveOnCancelPolicy(true);
        this.renewer = renew;
    }

    /**
     * Sets how many shards this node runs at once (0 pauses claiming). Takes effect at once for
     * new workers; workers beyond the new number finish their current shard, then stop.
     */
    public void setConcurrency(int n) {
        if (n < 0 || n > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("worker concurrency must be between 0 and " + MAX_CONCURRENCY
                    + ", was " + n);
        }
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("workers of " + node + " are closed");
            }
            target = n;
            while (loops < target) {
                loops++;
                workers.execute(this::workLoop);
            }
        }
        LOG.info("worker concurrency of {} set to {}", node, n);
    }

    /** The number of workers asked for by {@link #setConcurrency}. */
    public int concurrency() {
        synchronized (lock) {
            return target;
        }
    }

    /** Worker threads currently alive (surplus ones stop after their current shard). */
    public int activeWorkers() {
        synchronized (lock) {
            return loops;
        }
    }

    /** Shards running on this node now. */
    public int runningShards() {
        return running.size();
    }

    private boolean keepWorking() {
        synchronized (lock) {
            if (stopping || loops > target) {
                loops--;
                return false;
            }
            return true;
        }
    }

    private void workLoop() {
        while (keepWorking()) {
            try {
                Optional<ShardLease> lease = queue.claim(node, settings.lease());
                if (lease.isPresent()) {
                    events.claimed(lease.get());
                    runShard(lease.get());
                } else {
                    Thread.sleep(settings.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (lock) {
                    loops--;
                }
                return; // close() timed out; runShard handed its shard back
            } catch (SQLException | RuntimeException e) {
                LOG.warn("worker of {} could not claim or record a shard: {}", node, e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.idlePoll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runShard(ShardLease lease) throws SQLException, InterruptedException {
        long startedNanos = System.nanoTime();
        Running shard = new Running(lease);
        running.put(lease.shardId(), shard);
        long every = settings.renewEvery().toMillis();
        ScheduledFuture<?> renewal = renewer.scheduleWithFixedDelay(() -> renew(shard), every, every,
                TimeUnit.MILLISECONDS);
        try {
            Optional<Job> job = jobs.job(lease.jobId());
            if (job.isEmpty()) {
                reportFailure(lease, "job " + lease.jobId() + " no longer exists");
                return;
            }
            GenerationSpec spec = job.get().submission().spec();
            long patients;
            try {
                patients = produce(spec, shard);
            } catch (CancellationException e) {
                LOG.info("shard {} of job {} stopped on {}: lease lost (job cancelled or shard reclaimed);"
                        + " partial output discarded", lease.shardIndex(), lease.jobId(), node);
                return;
            } catch (InterruptedException e) {
                renewal.cancel(false);
                handBack(shard);
                throw e;
            } catch (IOException | GenerationException | RuntimeException e) {
                if (stopping) {
                    // An interrupted write (ClosedByInterruptException) is the shutdown, not a failure.
                    renewal.cancel(false);
                    handBack(shard);
                    return;
                }
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("shard {} of job {} failed on {}: {}", lease.shardIndex(), lease.jobId(), node, error);
                reportFailure(shard.lease, error);
                return;
            }
            renewal.cancel(false);
            ShardCompletion completion = queue.complete(shard.lease, patients);
            if (completion == ShardCompletion.RECORDED) {
                events.completed(shard.lease, patients);
                // One line per shard: what a job's log shows of a healthy run (the console's job detail).
                LOG.info("shard {} of job {} done on {}: {} patients in {} ms (attempt {})", lease.shardIndex(),
                        lease.jobId(), node, patients, (System.nanoTime() - startedNanos) / 1_000_000, lease.attempt());
            } else if (completion == ShardCompletion.LEASE_LOST) {
                LOG.info("shard {} of job {} finished on {} after its lease was lost; not recorded here (its"
                        + " output is identical to any other attempt's)", lease.shardIndex(), lease.jobId(), node);
            }
        } finally {
            renewal.cancel(false);
            running.remove(lease.shardId());
        }
    }

    /**
     * Releases a shard this node stopped because it is shutting down, so another node takes it at
     * once without counting a failed attempt. The thread's interrupt is set aside for the database
     * call (the pool would refuse an interrupted borrower) and restored after.
     */
    private void handBack(Running shard) {
        boolean interrupted = Thread.interrupted();
        try {
            if (queue.release(shard.lease)) {
                LOG.info("shard {} of job {} handed back by {}: the node is stopping", shard.lease.shardIndex(),
                        shard.lease.jobId(), node);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("shard {} of job {} could not be handed back ({}); its lease expires instead",
                    shard.lease.shardIndex(), shard.lease.jobId(), e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reportFailure(ShardLease lease, String error) throws SQLException {
        ShardQueue.FailedAttempt outcome = queue.failAttempt(lease, error);
        if (outcome == ShardQueue.FailedAttempt.RETRY_SCHEDULED) {
            events.retried(lease, error);
        } else if (outcome == ShardQueue.FailedAttempt.SHARD_FAILED) {
            events.failed(lease, error);
        }
    }

    /** Generates the shard, or adopts a complete output of an earlier attempt; returns its patient count. */
    private long produce(GenerationSpec spec, Running shard)
            throws IOException, GenerationException, InterruptedException {
        GenerationRequest request = requests.forShard(spec, shard.lease);
        Path dir = request.output();
        if (isComplete(dir)) {
            LOG.info("shard {} of job {}: adopting the complete output of an earlier attempt in {}",
                    shard.lease.shardIndex(), shard.lease.jobId(), dir);
            return request.population();
        }
        int abandoned = Generator.discardAbandonedOutput(dir);
        if (abandoned > 0) {
            LOG.info("shard {} of job {}: deleted {} partial output(s) of attempts whose process died",
                    shard.lease.shardIndex(), shard.lease.jobId(), abandoned);
        }
        try {
            return Generator.run(request,
                    (written, total, bytes) -> events.patientsGenerated(shard.lease,
                            written - shard.written.getAndSet(written)),
                    () -> shard.lost).patients();
        } catch (IOException e) {
            if (isComplete(dir)) { // another attempt committed the same bytes first
                return request.population();
            }
            throw e;
        }
    }

    private static boolean isComplete(Path shardDirectory) {
        return Files.isRegularFile(shardDirectory.resolve("manifest.json"));
    }

    private void renew(Running shard) {
        if (shard.lost) {
            return;
        }
        try {
            Optional<ShardLease> renewed = queue.renew(shard.lease, settings.lease());
            if (renewed.isPresent()) {
                shard.lease = renewed.get();
            } else {
                shard.lost = true;
            }
        } catch (SQLException | RuntimeException e) {
            // keep trying: the lease may still be valid at the next attempt
            LOG.warn("could not renew the lease of shard {} of job {}: {}", shard.lease.shardIndex(),
                    shard.lease.jobId(), e.toString());
        }
    }

    /**
     * A job's progress: completed shards from the database, plus patients written so far by its
     * shards running on this node.
     *
     * @return empty if there is no such job
     */
    public Optional<JobProgress> progress(long jobId) throws SQLException {
        Optional<Job> found = jobs.job(jobId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Job job = found.get();
        long inFlight = 0;
        for (Running r : running.values()) {
            if (r.lease.jobId() == jobId && !r.lost) {
                inFlight += r.written.get();
            }
        }
        Instant started = null;
        for (JobTransition t : jobs.transitions(jobId)) {
            if (t.to() == JobState.RUNNING) {
                started = t.at();
                break;
            }
        }
        return Optional.of(new JobProgress(jobId, job.state(), job.submission().spec().population(),
                job.patientsDone(), inFlight, job.shards(), job.shardsSucceeded(), started, clock.instant()));
    }

    /**
     * Stops claiming, lets running shards finish for up to {@link Settings#stopGrace()}, then
     * interrupts them (their partial output is discarded and their leases handed back, so another
     * node re-runs them at once, without counting a failed attempt) and waits for the threads to
     * end. The pool must still be open.
     */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            target = 0;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("workers of {} still running after {}; interrupting them", node, settings.stopGrace());
                workers.shutdownNow();
                if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.error("workers of {} did not stop within 30 s of being interrupted", node);
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            renewer.shutdownNow();
        }
    }

    private static ThreadFactory threads(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }
}
