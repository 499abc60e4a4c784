package org.patientgen.engine.persistence.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import java.util.List;
import org.patientgen.engine.api.PoolProperty;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.persistence.DatabaseTarget;

/** Translates {@link PoolSettings} to HikariCP: a new pool's config, or live changes to a running one. */
final class HikariSettings {
    private HikariSettings() {
    }

    /** A config for a new pool; the caller owns the password it carries. */
    static HikariConfig config(DatabaseTarget target, PoolSettings s) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(target.jdbcUrl());
        if (!target.username().isEmpty()) {
            c.setUsername(target.username());
        }
        c.setPassword(target.password());
        c.setPoolName(s.poolName());
        c.setMaximumPoolSize(s.maximumPoolSize());
        c.setMinimumIdle(s.minimumIdle());
        c.setConnectionTimeout(s.connectionTimeout());
        c.setValidationTimeout(s.validationTimeout());
        c.setIdleTimeout(s.idleTimeout());
        c.setMaxLifetime(s.maxLifetime());
        c.setKeepaliveTime(s.keepaliveTime());
        c.setLeakDetectionThreshold(s.leakDetectionThreshold());
        c.setInitializationFailTimeout(s.initializationFailTimeout());
        c.setAutoCommit(s.autoCommit());
        c.setReadOnly(s.readOnly());
        c.setTransactionIsolation(s.transactionIsolation().hikariName());
        if (!s.connectionTestQuery().isEmpty()) {
            c.setConnectionTestQuery(s.connectionTestQuery());
        }
        return c;
    }

    /** Names of the properties whose values differ, in display order. */
    static List<String> changed(PoolSettings from, PoolSettings to) {
        return PoolProperty.changed(from, to).stream().map(PoolProperty::hikariName).toList();
    }

    /**
     * Writes the live-changeable values of {@code to} ({@link PoolProperty#live()}) into a running pool. The MXBean's setters do
     * not validate, so {@code to} must already be valid. When the pool shrinks, minimumIdle goes
     * first so the pool never sees minimumIdle above maximumPoolSize, even for an instant.
     */
    static void applyLive(HikariConfigMXBean bean, PoolSettings to) {
        if (to.maximumPoolSize() < bean.getMaximumPoolSize()) {
            bean.setMinimumIdle(to.minimumIdle());
            bean.setMaximumPoolSize(to.maximumPoolSize());
        } else {
            bean.setMaximumPoolSize(to.maximumPoolSize());
            bean.setMinimumIdle(to.minimumIdle());
        }
        bean.setConnectionTimeout(to.connectionTimeout());
        bean.setValidationTimeout(to.validationTimeout());
        bean.setIdleTimeout(to.idleTimeout());
        bean.setMaxLifetime(to.maxLifetime());
        bean.setLeakDetectionThreshold(to.leakDetectionThreshold());
    }
}
