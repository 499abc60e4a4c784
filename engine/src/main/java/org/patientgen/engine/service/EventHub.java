package org.patientgen.engine.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobProgressed;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's event stream. Job state changes and configuration changes are read from the
 * database ({@code job_transitions} and {@code audit_log}, by increasing id), so a subscriber sees
 * what every node sharing the database did, not only this one; progress of running jobs is sampled
 * at the same interval. Other sources (metrics, logs) {@link #publish} directly.
 *
 * <p><b>Delivery.</b> Each subscription has a bounded queue drained by a pooled thread, one drain
 * at a time, so its events arrive in sequence order and a slow subscriber only fills its own
 * queue: when full, further events are dropped for it (visible as a gap in the sequence numbers)
 * and nobody else waits.
 */
public final class EventHub implements AutoCloseable {
    /** Events a subscriber may have pending before further ones are dropped for it. */
    static final int QUEUE_CAPACITY = 1_024;
    private static final int BATCH = 1_000;
    private static final int MAX_PROGRESS_JOBS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final Transactions tx;
    private final ShardWorkers workers;
    private final Duration poll;
    private final String node;
    private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService delivery;
    private ScheduledExecutorService poller;
    /** Last ids read; touched by the poller thread only (and {@link #start} before it runs). */
    private long lastTransitionId;
    private long lastAuditId;

    EventHub(DataSource dataSource, ShardWorkers workers, Duration poll, String node) {
        this.tx = new Transactions(dataSource);
        this.workers = Objects.requireNonNull(workers, "workers");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.node = Objects.requireNonNull(node, "node");
        AtomicInteger n = new AtomicInteger();
        this.delivery = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "patientgen-events-" + node + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading from now on: earlier history is not replayed. */
    synchronized void start() throws SQLException {
        lastTransitionId = maxId("job_transitions");
        lastAuditId = maxId("audit_log");
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patientgen-event-poller-" + node);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long maxId(String table) throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT COALESCE(MAX(id), 0) FROM " + table, rs -> rs.getLong(1)).get(0));
    }

    /** Delivers events of {@code topics} to {@code listener} until the subscription is closed. */
    public Subscription subscribe(Set<EventTopic> topics, Consumer<EngineEvent> listener) {
        Sub sub = new Sub(Set.copyOf(topics), Objects.requireNonNull(listener, "listener"));
        subscriptions.add(sub);
        return () -> {
            sub.closed = true;
            subscriptions.remove(sub);
        };
    }

    /** Whether anyone listens to a topic (sources skip work nobody would see). */
    public boolean wanted(EventTopic topic) {
        for (Sub sub : subscriptions) {
            if (sub.topics.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Publishes an event built with the next sequence number. Sequence numbers are handed out and
     * queued under one lock, so every subscriber sees them in increasing order.
     */
    public synchronized void publish(LongFunction<EngineEvent> event) {
        EngineEvent e = event.apply(sequence.incrementAndGet());
        for (Sub sub : subscriptions) {
            if (sub.topics.contains(e.topic())) {
                sub.offer(e);
            }
        }
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("event stream: reading changes failed, retrying in {}: {}", poll, e.toString());
        }
    }

    /** Reads new transitions, audit entries and progress once (the poller's work; tests call it directly). */
    void pollOnce() throws SQLException {
        if (subscriptions.isEmpty()) {
            lastTransitionId = Math.max(lastTransitionId, maxId("job_transitions"));
            lastAuditId = Math.max(lastAuditId, maxId("audit_log"));
            return;
        }
        long fromTransition = lastTransitionId;
        List<Row<JobTransition>> transitions = tx.run(c -> Rows.list(c, "SELECT id, job_id, from_state, to_state,"
                + " occurred_at, actor, reason FROM job_transitions WHERE id > ? ORDER BY id FETCH FIRST " + BATCH
                + " ROWS ONLY", rs -> {
                    String from = rs.getString(3);
                    return new Row<>(rs.getLong(1), new JobTransition(rs.getLong(2),
                            from == null ? null : JobState.valueOf(from), JobState.valueOf(rs.getString(4)),
                            Transactions.instant(rs, "occurred_at"), rs.getString(6), rs.getString(7)));
                }, fromTransition));
        for (Row<JobTransition> row : transitions) {
            lastTransitionId = row.id;
            publish(seq -> new JobStateChanged(seq, row.value));
        }
        long fromAudit = lastAuditId;
        List<Row<ConfigChanged>> audits = tx.run(c -> Rows.list(c, "SELECT id, occurred_at, actor, action,"
                + " target_type, target_id, details FROM audit_log WHERE id > ? ORDER BY id FETCH FIRST " + BATCH
                + " ROWS ONLY", rs -> new Row<>(rs.getLong(1), new ConfigChanged(0, Transactions.instant(rs, "occurred_at"),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))), fromAudit));
        for (Row<ConfigChanged> row : audits) {
            lastAuditId = row.id;
            ConfigChanged e = row.value;
            publish(seq -> new ConfigChanged(seq, e.at(), e.actor(), e.action(), e.targetType(), e.targetId(),
                    e.detail()));
        }
        if (wanted(EventTopic.PROGRESS)) {
            List<Long> running = tx.run(c -> Rows.list(c, "SELECT id FROM jobs WHERE state = 'RUNNING' ORDER BY id"
                    + " FETCH FIRST " + MAX_PROGRESS_JOBS + " ROWS ONLY", rs -> rs.getLong(1)));
            for (long jobId : running) {
                JobProgress progress = workers.progress(jobId).orElse(null);
                if (progress != null) {
                    publish(seq -> new JobProgressed(seq, progress));
                }
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService p;
        synchronized (this) {
            p = poller;
            poller = null;
        }
        if (p != null) {
            p.shutdownNow();
        }
        subscriptions.clear();
        delivery.shutdown();
    }

    /** A database row's id and what it became. */
    private record Row<T>(long id, T value) {
    }

    /** One subscriber: its topics, its bounded queue, and whether a drain is scheduled. */
    private final class Sub {
        final Set<EventTopic> topics;
        final Consumer<EngineEvent> listener;
        final BlockingQueue<EngineEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final AtomicBoolean draining = new AtomicBoolean();
        volatile boolean closed;
        long dropped;

        Sub(Set<EventTopic> topics, Consumer<EngineEvent> listener) {
            this.topics = topics;
            this.listener = listener;
        }

        /** Called under the hub's lock. */
        void offer(EngineEvent e) {
            if (!queue.offer(e)) {
                if (dropped++ % 100 == 0) {
                    LOG.warn("event subscriber too slow: dropped {} events so far", dropped);
                }
                return;
            }
            if (draining.compareAndSet(false, true)) {
                try {
                    delivery.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            do {
                EngineEvent e;
                while (!closed && (e = queue.poll()) != null) {
                    try {
                        listener.accept(e);
                    } catch (RuntimeException failure) {
                        LOG.warn("event subscriber failed on {}: {}", e.topic(), failure.toString());
                    }
                }
                draining.set(false);
            } while (!closed && !queue.isEmpty() && draining.compareAndSet(false, true));
        }
    }
}
