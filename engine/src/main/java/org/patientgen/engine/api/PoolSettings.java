package org.patientgen.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * The connection pool's configuration: every HikariCP property the console edits, by HikariCP's
 * own names, times in milliseconds.
 *
 * <p>An instance is always valid against HikariCP 7.1.0's limits and cross-field rules (see
 * {@link PoolSettingsRules}); the constructor rejects anything else with <em>all</em> problems at
 * once. Drafts being edited live in a {@link Builder}, which can list its problems without
 * throwing. Rules that depend on the database ({@link DatabaseLimits}) are checked again when
 * settings are applied to a pool. Credentials are not part of the settings: they belong to the
 * database target and never enter a stored revision.
 *
 * @param poolName                  name in logs, metrics and thread names
 * @param maximumPoolSize           most connections, idle and in use
 * @param minimumIdle               idle connections kept ready (at most {@code maximumPoolSize})
 * @param connectionTimeout         how long a borrower waits for a connection
 * @param validationTimeout         how long a connection liveness check may take
 * @param idleTimeout               how long an idle connection above {@code minimumIdle} is kept (0 = forever)
 * @param maxLifetime               age at which a connection is retired once idle
 * @param keepaliveTime             how often idle connections are pinged (0 = never)
 * @param leakDetectionThreshold    borrow time after which a leak is logged (0 = off)
 * @param initializationFailTimeout how long start-up tries to connect before failing (-1 = start without)
 * @param autoCommit                default auto-commit of pooled connections
 * @param readOnly                  default read-only flag of pooled connections
 * @param transactionIsolation      default isolation level
 * @param connectionTestQuery       liveness query for drivers without JDBC4 {@code isValid()}; empty = use isValid()
 */
public record PoolSettings(String poolName, int maximumPoolSize, int minimumIdle, long connectionTimeout,
                           long validationTimeout, long idleTimeout, long maxLifetime, long keepaliveTime,
                           long leakDetectionThreshold, long initializationFailTimeout, boolean autoCommit,
                           boolean readOnly, TransactionIsolation transactionIsolation, String connectionTestQuery) {

    /**
     * @throws InvalidSettingsException listing every rule the values break
     */
    public PoolSettings(String poolName, int maximumPoolSize, int minimumIdle, long connectionTimeout,
                        long validationTimeout, long idleTimeout, long maxLifetime, long keepaliveTime,
                        long leakDetectionThreshold, long initializationFailTimeout, boolean autoCommit,
                        boolean readOnly, TransactionIsolation transactionIsolation, String connectionTestQuery) {
        this.poolName = Objects.requireNonNull(poolName, "poolName");
        this.maximumPoolSize = maximumPoolSize;
        this.minimumIdle = minimumIdle;
        this.connectionTimeout = connectionTimeout;
        this.validationTimeout = validationTimeout;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.keepaliveTime = keepaliveTime;
        this.leakDetectionThreshold = leakDetectionThreshold;
        this.initializationFailTimeout = initializationFailTimeout;
        this.autoCommit = autoCommit;
        this.readOnly = readOnly;
        this.transactionIsolation = Objects.requireNonNull(transactionIsolation, "transactionIsolation");
        this.connectionTestQuery = connectionTestQuery == null ? "" : connectionTestQuery.strip();
        List<SettingsProblem> problems = PoolSettingsRules.check(toBuilder(), DatabaseLimits.UNKNOWN);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** HikariCP's defaults, under the pool name {@code patientgen}. */
    public static PoolSettings defaults() {
        return builder().build();
    }

    /** A draft starting from HikariCP's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A draft holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.poolName = poolName;
        b.maximumPoolSize = maximumPoolSize;
        b.minimumIdle = minimumIdle;
        b.connectionTimeout = connectionTimeout;
        b.validationTimeout = validationTimeout;
        b.idleTimeout = idleTimeout;
        b.maxLifetime = maxLifetime;
        b.keepaliveTime = keepaliveTime;
        b.leakDetectionThreshold = leakDetectionThreshold;
        b.initializationFailTimeout = initializationFailTimeout;
        b.autoCommit = autoCommit;
        b.readOnly = readOnly;
        b.transactionIsolation = transactionIsolation;
        b.connectionTestQuery = connectionTestQuery;
        return b;
    }

    /**
     * Problems these settings have on a database with the given limits (HikariCP's rules always
     * hold for an instance; this adds the database's).
     */
    public List<SettingsProblem> problemsOn(DatabaseLimits limits) {
        return PoolSettingsRules.check(toBuilder(), limits);
    }

    /** A mutable draft of pool settings, e.g. behind a console form; not thread-safe. */
    public static final class Builder {
        String poolName = "patientgen";
        int maximumPoolSize = 10;
        int minimumIdle = 10;
        long connectionTimeout = 30_000;
        long validationTimeout = 5_000;
        long idleTimeout = 600_000;
        long maxLifetime = 1_800_000;
        long keepaliveTime = 120_000;
        long leakDetectionThreshold = 0;
        long initializationFailTimeout = 1;
        boolean autoCommit = true;
        boolean readOnly = false;
        TransactionIsolation transactionIsolation = TransactionIsolation.DRIVER_DEFAULT;
        String connectionTestQuery = "";

        private Builder() {
        }

        public Builder poolName(String v) { poolName = v; return this; }
        public Builder maximumPoolSize(int v) { maximumPoolSize = v; return this; }
        public Builder minimumIdle(int v) { minimumIdle = v; return this; }
        public Builder connectionTimeout(long ms) { connectionTimeout = ms; return this; }
        public Builder validationTimeout(long ms) { validationTimeout = ms; return this; }
        public Builder idleTimeout(long ms) { idleTimeout = ms; return this; }
        public Builder maxLifetime(long ms) { maxLifetime = ms; return this; }
        public Builder keepaliveTime(long ms) { keepaliveTime = ms; return this; }
        public Builder leakDetectionThreshold(long ms) { leakDetectionThreshold = ms; return this; }
        public Builder initializationFailTimeout(long ms) { initializationFailTimeout = ms; return this; }
        public Builder autoCommit(boolean v) { autoCommit = v; return this; }
        public Builder readOnly(boolean v) { readOnly = v; return this; }
        public Builder transactionIsolation(TransactionIsolation v) { transactionIsolation = v; return this; }
        public Builder connectionTestQuery(String v) { connectionTestQuery = v; return this; }

        /** Every problem of the draft, HikariCP's rules and the database's; empty when it can be built and applied. */
        public List<SettingsProblem> problems(DatabaseLimits limits) {
            return PoolSettingsRules.check(this, limits);
        }

        /** @throws InvalidSettingsException listing every problem */
        public PoolSettings build() {
            return new PoolSettings(poolName, maximumPoolSize, minimumIdle, connectionTimeout, validationTimeout,
                    idleTimeout, maxLifetime, keepaliveTime, leakDetectionThreshold, initializationFailTimeout,
                    autoCommit, readOnly, transactionIsolation, connectionTestQuery);
        }
    }
}
