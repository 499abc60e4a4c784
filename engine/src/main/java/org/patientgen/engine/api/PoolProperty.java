package org.patientgen.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The properties of {@link PoolSettings}, by HikariCP's names, in the order an editor shows them,
 * each with whether HikariCP 7.1.0 can change it on a running pool (through its config MXBean) or
 * only on a new pool. The engine applies changes by this table and an editor marks fields by it, so
 * both always agree.
 */
public enum PoolProperty {
    POOL_NAME("poolName", false, PoolSettings::poolName),
    MAXIMUM_POOL_SIZE("maximumPoolSize", true, PoolSettings::maximumPoolSize),
    MINIMUM_IDLE("minimumIdle", true, PoolSettings::minimumIdle),
    CONNECTION_TIMEOUT("connectionTimeout", true, PoolSettings::connectionTimeout),
    VALIDATION_TIMEOUT("validationTimeout", true, PoolSettings::validationTimeout),
    IDLE_TIMEOUT("idleTimeout", true, PoolSettings::idleTimeout),
    /** Live, but only connections opened afterwards get the new lifetime. */
    MAX_LIFETIME("maxLifetime", true, PoolSettings::maxLifetime),
    KEEPALIVE_TIME("keepaliveTime", false, PoolSettings::keepaliveTime),
    LEAK_DETECTION_THRESHOLD("leakDetectionThreshold", true, PoolSettings::leakDetectionThreshold),
    INITIALIZATION_FAIL_TIMEOUT("initializationFailTimeout", false, PoolSettings::initializationFailTimeout),
    AUTO_COMMIT("autoCommit", false, PoolSettings::autoCommit),
    READ_ONLY("readOnly", false, PoolSettings::readOnly),
    TRANSACTION_ISOLATION("transactionIsolation", false, PoolSettings::transactionIsolation),
    CONNECTION_TEST_QUERY("connectionTestQuery", false, PoolSettings::connectionTestQuery);

    private final String hikariName;
    private final boolean live;
    private final Function<PoolSettings, Object> getter;

    PoolProperty(String hikariName, boolean live, Function<PoolSettings, Object> getter) {
        this.hikariName = hikariName;
        this.live = live;
        this.getter = getter;
    }

    /** HikariCP's name, as in {@link SettingsProblem#field()} and {@link PoolChange}. */
    public String hikariName() {
        return hikariName;
    }

    /** Whether a running pool can take a new value; otherwise it applies on the next pool restart. */
    public boolean live() {
        return live;
    }

    /** This property's value in {@code settings} (Integer, Long, Boolean, String or {@link TransactionIsolation}). */
    public Object valueIn(PoolSettings settings) {
        return getter.apply(settings);
    }

    /** The property with HikariCP's name {@code name}. @throws IllegalArgumentException for an unknown name */
    public static PoolProperty named(String name) {
        for (PoolProperty p : values()) {
            if (p.hikariName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no pool property " + name);
    }

    /** The properties whose values differ between {@code from} and {@code to}, in display order. */
    public static List<PoolProperty> changed(PoolSettings from, PoolSettings to) {
        List<PoolProperty> changed = new ArrayList<>();
        for (PoolProperty p : values()) {
            if (!Objects.equals(p.valueIn(from), p.valueIn(to))) {
                changed.add(p);
            }
        }
        return changed;
    }
}
