package org.patientgen.engine.api;

import java.util.Objects;

/**
 * Pool settings as typed into an editor, not yet valid: the wire form of {@link PoolSettings.Builder},
 * so a remote engine can validate a draft without applying it. Field meanings and units are those
 * of {@link PoolSettings}.
 */
public record PoolSettingsDraft(String poolName, int maximumPoolSize, int minimumIdle, long connectionTimeout,
                                long validationTimeout, long idleTimeout, long maxLifetime, long keepaliveTime,
                                long leakDetectionThreshold, long initializationFailTimeout, boolean autoCommit,
                                boolean readOnly, TransactionIsolation transactionIsolation,
                                String connectionTestQuery) {
    public PoolSettingsDraft {
        poolName = poolName == null ? "" : poolName;
        transactionIsolation = Objects.requireNonNullElse(transactionIsolation, TransactionIsolation.DRIVER_DEFAULT);
        connectionTestQuery = connectionTestQuery == null ? "" : connectionTestQuery;
    }

    /** The draft of valid settings. */
    public static PoolSettingsDraft of(PoolSettings s) {
        return new PoolSettingsDraft(s.poolName(), s.maximumPoolSize(), s.minimumIdle(), s.connectionTimeout(),
                s.validationTimeout(), s.idleTimeout(), s.maxLifetime(), s.keepaliveTime(), s.leakDetectionThreshold(),
                s.initializationFailTimeout(), s.autoCommit(), s.readOnly(), s.transactionIsolation(),
                s.connectionTestQuery());
    }

    /** The draft a builder holds (e.g. a form's current values). */
    public static PoolSettingsDraft of(PoolSettings.Builder b) {
        return new PoolSettingsDraft(b.poolName, b.maximumPoolSize, b.minimumIdle, b.connectionTimeout,
                b.validationTimeout, b.idleTimeout, b.maxLifetime, b.keepaliveTime, b.leakDetectionThreshold,
                b.initializationFailTimeout, b.autoCommit, b.readOnly, b.transactionIsolation, b.connectionTestQuery);
    }

    /** A builder holding these values, to check or build. */
    public PoolSettings.Builder toBuilder() {
        return PoolSettings.builder().poolName(poolName).maximumPoolSize(maximumPoolSize).minimumIdle(minimumIdle)
                .connectionTimeout(connectionTimeout).validationTimeout(validationTimeout).idleTimeout(idleTimeout)
                .maxLifetime(maxLifetime).keepaliveTime(keepaliveTime).leakDetectionThreshold(leakDetectionThreshold)
                .initializationFailTimeout(initializationFailTimeout).autoCommit(autoCommit).readOnly(readOnly)
                .transactionIsolation(transactionIsolation).connectionTestQuery(connectionTestQuery);
    }
}
