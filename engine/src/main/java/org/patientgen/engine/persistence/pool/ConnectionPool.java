package org.patientgen.engine.persistence.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.patientgen.engine.api.DatabaseLimits;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolChangePlan;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.PoolUsage;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.DatabaseLimitsProbe;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.SchemaMigrator;
import org.patientgen.engine.persistence.SqlDialect;
import org.patientgen.engine.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one HikariCP pool, with versioned settings.
 *
 * <p>{@link #apply} validates new settings (HikariCP's rules and the database's limits), stores
 * them as a revision, changes on the running pool what HikariCP's config MXBean can change, and
 * reports the rest as needing a restart. {@link #restart} replaces the pool with one built from
 * the latest settings without failing work in flight: borrowers of the old pool finish, then it
 * closes. {@link #dataSource()} always borrows from the current pool.
 *
 * <p>Thread-safety: {@code lock} guards {@code desired} and {@code running} and serialises
 * apply/restart, so two administrators' changes never interleave.
 */
public final class ConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    /** How long a retired pool may keep serving borrowers that started before a restart. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final String ENGINE = "engine";

    private final DatabaseTarget target;
    private final Clock clock;
    private final SwappableDataSource dataSource;
    private final PoolMeters meters;
    private final Transactions tx;
    private final PoolSettingsHistory history;
    private final DatabaseLimits limits;
    private final String schemaVersion;
    private final Object lock = new Object();
    /** The latest applied settings. Guarded by {@code lock}. */
    private PoolSettings desired;
    /** What the running pool actually uses: desired minus changes awaiting a restart. Guarded by {@code lock}. */
    private PoolSettings running;

    private ConnectionPool(DatabaseTarget target, Clock clock, SwappableDataSource dataSource, PoolMeters meters,
                           PoolSettings settings) throws SQLException {
        this.target = target;
        this.clock = clock;
        this.dataSource = dataSource;
        this.meters = meters;
        this.tx = new Transactions(dataSource);
        this.history = new PoolSettingsHistory(tx);
        this.schemaVersion = SchemaMigrator.migrate(dataSource);
        this.limits = DatabaseLimitsProbe.probe(dataSource, target.dialect());
        this.desired = settings;
        this.running = settings;
    }

    /**
     * Starts the pool, brings the schema up to date and resumes the latest stored settings
     * revision (restarting into it if it differs from {@code initial}); on a new database,
     * {@code initial} becomes revision 1.
     *
     * @param initial      settings to start with
     * @param clock        time source for revisions and the audit log
     * @param drainTimeout how long a retired pool may serve borrowers that started before a restart
     * @throws SQLException if the database cannot be reached or migrated
     */
    public static ConnectionPool open(DatabaseTarget target, PoolSettings initial, Clock clock, Duration drainTimeout)
            throws SQLException {
        return open(target, initial, clock, drainTimeout, PoolMeters.NONE);
    }

    /**
     * As {@link #open(DatabaseTarget, PoolSettings, Clock, Duration)}, publishing HikariCP's own pool
     * metrics ({@code hikaricp.connections*}, tagged {@code pool} with the configured pool name) in
     * {@code registry}. The tag stays the same across {@link #restart}s, and the gauges always
     * describe the pool serving new borrows.
     */
    public static ConnectionPool open(DatabaseTarget target, PoolSettings initial, Clock clock, Duration drainTimeout,
                                      MeterRegistry registry) throws SQLException {
        return open(target, initial, clock, drainTimeout, PoolMeters.into(registry));
    }

    /** {@link #open(DatabaseTarget, PoolSettings, Clock, Duration, MeterRegistry)} with the default drain timeout. */
    public static ConnectionPool open(DatabaseTarget target, PoolSettings initial, Clock clock, MeterRegistry registry)
            throws SQLException {
        return open(target, initial, clock, DEFAULT_DRAIN_TIMEOUT, registry);
    }

    private static ConnectionPool open(DatabaseTarget target, PoolSettings initial, Clock clock, Duration drainTimeout,
                                       PoolMeters meters) throws SQLException {
        HikariDataSource first = meters.build(HikariSettings.config(target, initial), initial.poolName());
        SwappableDataSource ds = new SwappableDataSource(first, drainTimeout);
        meters.serving(first);
        ConnectionPool pool;
        try {
            pool = new ConnectionPool(target, clock, ds, meters, initial);
        } catch (SQLException | RuntimeException e) {
            ds.close();
            throw e;
        }
        pool.resumeLatestRevision();
        LOG.info("connection pool '{}' open on {} (schema version {})", pool.desired().poolName(), target,
                pool.schemaVersion);
        return pool;
    }

    /** {@link #open(DatabaseTarget, PoolSettings, Clock, Duration)} with the default drain timeout. */
    public static ConnectionPool open(DatabaseTarget target, PoolSettings initial, Clock clock) throws SQLException {
        return open(target, initial, clock, DEFAULT_DRAIN_TIMEOUT);
    }

    private void resumeLatestRevision() throws SQLException {
        Optional<PoolSettingsRevision> latest = history.latest();
        if (latest.isEmpty()) {
            PoolSettings initial = desired;
            tx.run(c -> history.record(c, clock.instant(), ENGINE, "initial settings", initial, 0));
            return;
        }
        PoolSettings stored = latest.get().settings();
        List<SettingsProblem> problems = stored.problemsOn(limits);
        if (!problems.isEmpty()) {
            LOG.warn("stored pool settings revision {} no longer fits the database: {}", latest.get().revision(),
                    new InvalidSettingsException(problems).getMessage());
        }
        if (!stored.equals(desired)) {
            synchronized (lock) {
                desired = stored;
                swapToNewPool();
            }
        }
    }

    /** Borrows from whichever pool is current; hand this to stores. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The dialect of the database behind the pool. */
    public SqlDialect dialect() {
        return target.dialect();
    }

    /** The limits the database imposes, read at start-up. */
    public DatabaseLimits limits() {
        return limits;
    }

    /** The schema version after start-up migration. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The latest applied settings (some may await a restart). */
    public PoolSettings desired() {
        synchronized (lock) {
            return desired;
        }
    }

    /** The settings the running pool actually uses. */
    public PoolSettings running() {
        synchronized (lock) {
            return running;
        }
    }

    /** Properties applied but not yet in effect because they need a restart. */
    public List<String> pendingRestart() {
        synchronized (lock) {
            return HikariSettings.changed(running, desired);
        }
    }

    /** Problems {@code candidate} would have on this database; empty when it can be applied. */
    public List<SettingsProblem> validate(PoolSettings.Builder candidate) {
        return candidate.problems(limits);
    }

    /**
     * Applies new settings: stores a revision, changes live what the running pool can change and
     * reports the rest as needing a restart.
     *
     * @param who who applies them (stored and audited)
     * @param why the reason (stored and audited)
     * @throws InvalidSettingsException with every problem, when they do not fit this database;
     *                                  nothing is stored or changed then
     */
    public PoolChange apply(PoolSettings next, String who, String why) throws SQLException {
        return apply(next, who, why, 0);
    }

    /**
     * Applies the settings of an earlier revision again, as a new revision that records which one it restored.
     *
     * @throws IllegalArgumentException if there is no such revision
     */
    public PoolChange rollback(long revision, String who, String why) throws SQLException {
        PoolSettingsRevision old = history.get(revision)
                .orElseThrow(() -> new IllegalArgumentException("no pool settings revision " + revision));
        return apply(old.settings(), who, why, revision);
    }

    private PoolChange apply(PoolSettings next, String who, String why, long rollbackOf) throws SQLException {
        List<SettingsProblem> problems = next.problemsOn(limits);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        synchronized (lock) {
            PoolChangePlan plan = PoolChangePlan.of(running, next);
            List<String> live = plan.live();
            List<String> restart = plan.restart();
            PoolSettings afterLive = plan.runningAfter();
            // Live values first, then the revision: recording needs a connection, and a change that
            // enlarges an exhausted pool (an emergency rollback) must take effect before it can get
            // one. If recording fails, the live values are put back: applied and stored, or neither.
            if (!live.isEmpty()) {
                HikariSettings.applyLive(dataSource.current().getHikariConfigMXBean(), next);
            }
            PoolSettingsRevision revision;
            try {
                revision = tx.run(c -> {
                    PoolSettingsRevision r = history.record(c, clock.instant(), who, why, next, rollbackOf);
                    AuditLog.append(c, r.appliedAt(), who, rollbackOf > 0 ? "pool.rollback" : "pool.apply", "pool",
                            next.poolName(), "revision " + r.revision() + (rollbackOf > 0 ? " restores " + rollbackOf : "")
                                    + "; live: " + live + "; needs restart: " + restart + "; reason: " + why);
                    return r;
                });
            } catch (SQLException | RuntimeException e) {
                if (!live.isEmpty()) {
                    HikariSettings.applyLive(dataSource.current().getHikariConfigMXBean(), running);
                }
                throw e;
            }
            running = afterLive;
            desired = next;
            LOG.info("pool settings revision {} applied by {}: live {}, needs restart {}", revision.revision(), who,
                    live, restart);
            return new PoolChange(revision, live, restart);
        }
    }

    /**
     * Replaces the running pool with a new one built from the latest settings. Borrows made before
     * the swap finish on the old pool, which closes once they are returned.
     *
     * @throws SQLException if the new pool cannot connect (the old one keeps serving then)
     */
    public void restart(String who, String why) throws SQLException {
        synchronized (lock) {
            List<String> pending = HikariSettings.changed(running, desired);
            swapToNewPool();
            tx.run(c -> {
                AuditLog.append(c, clock.instant(), who, "pool.restart", "pool", desired.poolName(),
                        "applied " + pending + "; reason: " + why);
                return null;
            });
            LOG.info("pool restarted by {} (applied {}); the old pool closes once its borrowers are done", who, pending);
        }
    }

    /** Caller holds {@code lock}. */
    private void swapToNewPool() {
        HikariDataSource next;
        try {
            next = meters.build(HikariSettings.config(target, desired), desired.poolName());
        } catch (RuntimeException e) {
            // HikariCP reports a failed start as PoolInitializationException; keep the old pool.
            throw new IllegalStateException("the new pool could not start, the old one keeps serving: "
                    + e.getMessage(), e);
        }
        dataSource.swap(next);
        meters.serving(next);
        running = desired;
    }

    /** Every stored revision, newest first. */
    public List<PoolSettingsRevision> history() throws SQLException {
        return history.list();
    }

    /** Retired pools still serving borrowers from before a restart. */
    public int retiringPools() {
        return dataSource.retiringPools();
    }

    /**
     * Waits until retired pools have closed.
     *
     * @return whether they closed within {@code timeout}
     */
    public boolean awaitRetired(Duration timeout) throws InterruptedException {
        return dataSource.awaitRetired(timeout);
    }

    /** Active connections of the current pool (borrowed and not yet returned). */
    public int activeConnections() {
        return dataSource.current().getHikariPoolMXBean().getActiveConnections();
    }

    /** How the current pool's connections are used now. */
    public PoolUsage usage() {
        HikariDataSource pool = dataSource.current();
        com.zaxxer.hikari.HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return new PoolUsage(mx.getActiveConnections(), mx.getIdleConnections(), mx.getThreadsAwaitingConnection(),
                mx.getTotalConnections(), pool.getMaximumPoolSize());
    }

    /** The current pool's config MXBean, to read the values HikariCP is using. */
    public com.zaxxer.hikari.HikariConfigMXBean liveConfig() {
        return dataSource.current().getHikariConfigMXBean();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
