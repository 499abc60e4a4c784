package org.patientgen.engine.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigDeployment.State;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies runtime configurations as versioned deployments, optionally behind a <b>health gate</b>:
 * after applying, the engine's {@link Readiness} is checked every {@code checkEvery} until the bake
 * time ends; if it fails {@link #FAILURES_TO_ROLL_BACK} times in a row, the previous configuration
 * is restored automatically (recorded as a rollback revision by {@code health-gate}). Two checks in
 * a row, not one, so that a single slow answer does not undo a good change.
 *
 * <p>The pool part goes through {@link ConnectionPool#apply} (its own revision history records it
 * too); a change HikariCP cannot make live is applied by restarting the pool when the caller asks,
 * else it waits for the next restart. Workers and API limits change at once. Deployments are kept
 * in memory for this process's life; revisions are stored.
 *
 * <p>Thread-safety: {@code this} serialises applies, rollbacks and the gate's decisions, so a
 * rollback never interleaves with a new deployment.
 */
final class ConfigDeployments implements AutoCloseable {
    static final int FAILURES_TO_ROLL_BACK = 2;
    static final String GATE = "health-gate";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigDeployments.class);

    private final ConnectionPool pool;
    private final ShardWorkers workers;
    private final Readiness readiness;
    private final ConfigRevisions revisions;
    private final Clock clock;
    private final Duration checkEvery;
    private final ScheduledExecutorService gate;
    private final Map<Long, ConfigDeployment> deployments = new ConcurrentHashMap<>();
    /**
     * What a baking deployment's rollback restores, read when it was applied: at rollback time the
     * database may be unreachable through an exhausted pool, which is what the rollback fixes.
     */
    private final Map<Long, ConfigRevision> restoreTo = new ConcurrentHashMap<>();
    private final List<Consumer<RuntimeConfig>> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@code this}. */
    private int requestsPerMinute = RuntimeConfig.DEFAULT_REQUESTS_PER_MINUTE;
    private int maxBodyKiB = RuntimeConfig.DEFAULT_MAX_BODY_KIB;

    ConfigDeployments(ConnectionPool pool, ShardWorkers workers, Readiness readiness, ConfigRevisions revisions,
                      Clock clock, Duration checkEvery) {
        this.pool = pool;
        this.workers = workers;
        this.readiness = readiness;
        this.revisions = revisions;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.gate = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patientgen-health-gate");
            t.setDaemon(true);
            return t;
        });
    }

    /** The configuration running now. */
    synchronized RuntimeConfig current() {
        return new RuntimeConfig(pool.desired(), workers.concurrency(), requestsPerMinute, maxBodyKiB);
    }

    /** Called with the new configuration after every change (e.g. the server's rate limiter) until closed. */
    Subscription onChange(Consumer<RuntimeConfig> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Sets the API limits the running configuration starts with, as a server was configured (its
     * flags): no revision is recorded, as for the worker count a node starts with. The listeners
     * are called.
     *
     * @throws IllegalArgumentException if a limit is out of range (see {@link RuntimeConfig})
     */
    RuntimeConfig startWithLimits(int requestsPerMinutePerToken, int maxRequestBodyKiB) {
        RuntimeConfig now;
        synchronized (this) {
            now = current().withLimits(requestsPerMinutePerToken, maxRequestBodyKiB);
            requestsPerMinute = requestsPerMinutePerToken;
            maxBodyKiB = maxRequestBodyKiB;
        }
        for (Consumer<RuntimeConfig> listener : listeners) {
            listener.accept(now);
        }
        return now;
    }

    List<ConfigRevision> history() throws SQLException {
        return revisions.list();
    }

    /**
     * Applies a configuration and records it as a revision.
     *
     * @param bakeTime    how long the health gate watches, or {@code null} for no gate
     * @param restartPool whether to restart the pool when a pool change cannot be made live
     * @throws InvalidSettingsException if the pool settings do not fit the database
     */
    synchronized ConfigDeployment apply(RuntimeConfig next, String who, String why, Duration bakeTime,
                                        boolean restartPool) throws SQLException {
        return deploy(next, who, why, bakeTime, restartPool, 0);
    }

    private ConfigDeployment deploy(RuntimeConfig next, String who, String why, Duration bakeTime, boolean restartPool,
                                    long rollbackOf) throws SQLException {
        List<SettingsProblem> problems = pool.validate(PoolSettingsDraft.of(next.pool()).toBuilder());
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        if (bakeTime != null && (bakeTime.compareTo(checkEvery.multipliedBy(FAILURES_TO_ROLL_BACK)) < 0
                || bakeTime.compareTo(Duration.ofHours(24)) > 0)) {
            throw new IllegalArgumentException("bake time must be between " + checkEvery.multipliedBy(FAILURES_TO_ROLL_BACK)
                    + " and 24 h (the health gate needs " + FAILURES_TO_ROLL_BACK + " checks, "
                    + checkEvery.toMillis() + " ms apart), was " + bakeTime);
        }
        ConfigRevision previous = latestRevisionOrRecordInitial();
        String poolNote = switchTo(next, who, why, restartPool);
        ConfigRevision revision = revisions.record(clock.instant(), who, why, next, rollbackOf);
        Instant now = clock.instant();
        ConfigDeployment d = bakeTime == null
                ? new ConfigDeployment(revision.revision(), previous.revision(), State.APPLIED, now, null, null,
                        "applied" + poolNote)
                : new ConfigDeployment(revision.revision(), previous.revision(), State.BAKING, now, now.plus(bakeTime), null,
                        "applied" + poolNote + "; health gate watching until " + now.plus(bakeTime));
        deployments.put(revision.revision(), d);
        if (bakeTime != null) {
            restoreTo.put(revision.revision(), previous);
            watch(revision.revision(), 0);
        }
        return d;
    }

    /** Applies an earlier revision's configuration again, as a new revision that records which one it restored. */
    synchronized ConfigDeployment rollback(long revision, String who, String why, Duration bakeTime,
                                           boolean restartPool) throws SQLException {
        ConfigRevision target = revisions.get(revision).orElseThrow(
                () -> new java.util.NoSuchElementException("configuration revision " + revision + " does not exist"));
        ConfigDeployment d = deploy(target.config(), who, why.isBlank() ? "roll back to revision " + revision : why,
                bakeTime, restartPool, revision);
        LOG.info("configuration rolled back to revision {} by {}", revision, who);
        return d;
    }

    /** A deployment of this process, by its revision. */
    ConfigDeployment deployment(long revision) {
        ConfigDeployment d = deployments.get(revision);
        if (d == null) {
            throw new java.util.NoSuchElementException("no deployment of revision " + revision + " in this server's"
                    + " lifetime; see the configuration history for older revisions");
        }
        return d;
    }

    private ConfigRevision latestRevisionOrRecordInitial() throws SQLException {
        List<ConfigRevision> all = revisions.list();
        if (!all.isEmpty()) {
            return all.get(0);
        }
        return revisions.record(clock.instant(), "engine", "configuration before the first deployment", current(), 0);
    }

    /** Makes {@code next} the running configuration; returns a note about the pool for the message. */
    private String switchTo(RuntimeConfig next, String who, String why, boolean restartPool) throws SQLException {
        String note = "";
        if (!next.pool().equals(pool.desired())) {
            PoolChange change = pool.apply(next.pool(), who, why);
            if (change.restartRequired()) {
                if (restartPool) {
                    pool.restart(who, why);
                    note = "; pool restarted for " + change.needsRestart();
                } else {
                    note = "; pool restart needed for " + change.needsRestart();
                }
            }
        }
        workers.setConcurrency(next.workers());
        requestsPerMinute = next.requestsPerMinutePerToken();
        maxBodyKiB = next.maxRequestBodyKiB();
        RuntimeConfig now = current();
        for (Consumer<RuntimeConfig> listener : listeners) {
            listener.accept(now);
        }
        return note;
    }

    private void watch(long revision, int failuresInARow) {
        gate.schedule(() -> judge(revision, failuresInARow), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void judge(long revision, int failuresBefore) {
        ConfigDeployment d = deployments.get(revision);
        if (d == null || d.state() != State.BAKING) {
            return;
        }
        EngineHealth health = readiness.check();
        int failures = health.ready() ? 0 : failuresBefore + 1;
        Instant now = clock.instant();
        try {
            if (failures >= FAILURES_TO_ROLL_BACK) {
                String why = "automatic rollback of revision " + revision + ": " + describe(health);
                ConfigRevision previous = restoreTo.get(revision);
                switchTo(previous.config(), GATE, why, true);
                ConfigRevision restored = revisions.record(now, GATE, why, previous.config(), previous.revision());
                deployments.put(revision, new ConfigDeployment(revision, d.previousRevision(), State.ROLLED_BACK,
                        d.startedAt(), d.bakeUntil(), health, why + " (restored as revision " + restored.revision() + ")"));
                restoreTo.remove(revision);
                LOG.warn("{}", why);
                return;
            }
            if (!now.isBefore(d.bakeUntil())) {
                restoreTo.remove(revision);
                deployments.put(revision, new ConfigDeployment(revision, d.previousRevision(), State.CONFIRMED,
                        d.startedAt(), d.bakeUntil(), health, "healthy for the whole bake time; confirmed"));
                return;
            }
            deployments.put(revision, new ConfigDeployment(revision, d.previousRevision(), State.BAKING, d.startedAt(),
                    d.bakeUntil(), health, health.ready() ? "healthy so far" : "unhealthy: " + describe(health)));
        } catch (SQLException | RuntimeException e) {
            LOG.error("health gate of revision {} could not act; it keeps watching", revision, e);
        }
        watch(revision, failures);
    }

    private static String describe(EngineHealth health) {
        StringBuilder sb = new StringBuilder();
        for (HealthCheck c : health.failures()) {
            sb.append(sb.length() == 0 ? "" : "; ").append(c.name()).append(": ").append(c.detail());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        gate.shutdownNow();
    }
}
