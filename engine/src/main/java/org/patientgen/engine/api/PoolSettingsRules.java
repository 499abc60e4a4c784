package org.patientgen.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules pool settings must follow: HikariCP 7.1.0's limits (which HikariCP itself enforces
 * only by silently replacing the value, e.g. a 1 s {@code maxLifetime} becomes 30 min, or not at all
 * when changed at run time through its config MXBean), the database's own limits when known, and
 * what the engine needs (it writes, so the pool cannot be read-only).
 *
 * <p>Every rule is checked independently, so a user sees all problems at once.
 */
public final class PoolSettingsRules {
    /** HikariCP's floor for connection and validation timeouts. */
    public static final long MIN_TIMEOUT_MS = 250;
    /** HikariCP's floor for maxLifetime (below it, HikariCP silently uses 30 min). */
    public static final long MIN_MAX_LIFETIME_MS = 30_000;
    /** HikariCP's floor for a non-zero idleTimeout. */
    public static final long MIN_IDLE_TIMEOUT_MS = 10_000;
    /** HikariCP disables idleTimeout unless it is at least this much shorter than maxLifetime. */
    public static final long IDLE_BELOW_LIFETIME_MS = 1_000;
    /** HikariCP's floor for a non-zero keepaliveTime (below it, keepalive is silently disabled). */
    public static final long MIN_KEEPALIVE_MS = 30_000;
    /** HikariCP's floor for a non-zero leakDetectionThreshold. */
    public static final long MIN_LEAK_THRESHOLD_MS = 2_000;
    /** How much shorter than the database's own limit maxLifetime must be, so the pool retires first. */
    public static final long DATABASE_LIMIT_MARGIN_MS = 5_000;
    /** Longer durations are almost certainly seconds typed as milliseconds. */
    public static final long MAX_DURATION_MS = 86_400_000;
    /** A sanity ceiling; real pools are far smaller (HikariCP's guidance is cores × 2 + disks). */
    public static final int MAX_POOL_SIZE = 1_000;

    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9._ -]{1,64}");

    private PoolSettingsRules() {
    }

    /** Every problem of the draft, in field order; empty when valid. */
    public static List<SettingsProblem> check(PoolSettings.Builder s, DatabaseLimits limits) {
        List<SettingsProblem> p = new ArrayList<>();
        checkPoolName(s, p);
        checkSizes(s, limits, p);
        checkTimeouts(s, p);
        checkLifetimes(s, limits, p);
        checkBehaviour(s, p);
        return List.copyOf(p);
    }

    private static void checkPoolName(PoolSettings.Builder s, List<SettingsProblem> p) {
        if (s.poolName == null || !POOL_NAME.matcher(s.poolName).matches()) {
            p.add(new SettingsProblem("poolName", quoted(s.poolName),
                    "must be 1 to 64 letters, digits, spaces, '.', '_' or '-' (no ':', which JMX forbids)",
                    "Use a short name such as \"patientgen\""));
        }
    }

    private static void checkSizes(PoolSettings.Builder s, DatabaseLimits limits, List<SettingsProblem> p) {
        if (s.maximumPoolSize < 1 || s.maximumPoolSize > MAX_POOL_SIZE) {
            p.add(new SettingsProblem("maximumPoolSize", Integer.toString(s.maximumPoolSize),
                    "must be between 1 and " + MAX_POOL_SIZE, "Use a small pool, e.g. 10 (HikariCP's default)"));
        } else if (limits.maxConnections() > 0 && s.maximumPoolSize >= limits.maxConnections()) {
            p.add(new SettingsProblem("maximumPoolSize", Integer.toString(s.maximumPoolSize),
                    "must be below the database's max_connections (" + limits.maxConnections() + ")",
                    "Lower it below " + limits.maxConnections() + ", leaving room for other clients and administrators"));
        }
        if (s.minimumIdle < 0 || s.minimumIdle > Math.max(1, s.maximumPoolSize)) {
            p.add(new SettingsProblem("minimumIdle", Integer.toString(s.minimumIdle),
                    "must be between 0 and maximumPoolSize (" + s.maximumPoolSize + ")",
                    "Set it to at most " + Math.max(1, s.maximumPoolSize) + "; equal to maximumPoolSize gives a fixed-size pool"));
        }
    }

    private static void checkTimeouts(PoolSettings.Builder s, List<SettingsProblem> p) {
        if (s.connectionTimeout < MIN_TIMEOUT_MS || s.connectionTimeout > MAX_DURATION_MS) {
            p.add(new SettingsProblem("connectionTimeout", millis(s.connectionTimeout),
                    "must be between 250 ms (HikariCP's floor; 0, wait forever, is not allowed) and 24 h",
                    "Use e.g. 30 s (30000 ms), the default"));
        }
        if (s.validationTimeout < MIN_TIMEOUT_MS || s.validationTimeout > MAX_DURATION_MS) {
            p.add(new SettingsProblem("validationTimeout", millis(s.validationTimeout),
                    "must be at least 250 ms (HikariCP's floor)", "Use e.g. 5 s (5000 ms), the default"));
        } else if (s.validationTimeout >= s.connectionTimeout && s.connectionTimeout >= MIN_TIMEOUT_MS) {
            p.add(new SettingsProblem("validationTimeout", millis(s.validationTimeout),
                    "must be shorter than connectionTimeout (" + millis(s.connectionTimeout)
                            + "), or a borrower times out while its connection is still being checked",
                    "Lower it below " + millis(s.connectionTimeout) + " or raise connectionTimeout"));
        }
        if (s.initializationFailTimeout < -1) {
            p.add(new SettingsProblem("initializationFailTimeout", millis(s.initializationFailTimeout),
                    "must be -1 (start without connecting), 0 (try once) or a positive time",
                    "Use 1 ms (the default: fail at start-up if the database is unreachable) or -1"));
        }
    }

    private static void checkLifetimes(PoolSettings.Builder s, DatabaseLimits limits, List<SettingsProblem> p) {
        boolean lifetimeValid = s.maxLifetime >= MIN_MAX_LIFETIME_MS && s.maxLifetime <= MAX_DURATION_MS;
        if (!lifetimeValid) {
            p.add(new SettingsProblem("maxLifetime", millis(s.maxLifetime),
                    "must be between 30 s (below it HikariCP silently uses 30 min; 0, never retire, is not allowed) and 24 h",
                    "Use e.g. 30 min (1800000 ms), the default"));
        } else if (limits.connectionTimeLimitMillis() > 0
                && s.maxLifetime > limits.connectionTimeLimitMillis() - DATABASE_LIMIT_MARGIN_MS) {
            p.add(new SettingsProblem("maxLifetime", millis(s.maxLifetime),
                    "must be at least 5 s shorter than the database's own limit (" + limits.timeLimitSetting() + " = "
                            + millis(limits.connectionTimeLimitMillis())
                            + "), or the database closes connections the pool still hands out",
                    "Set it to " + millis(Math.max(MIN_MAX_LIFETIME_MS, limits.connectionTimeLimitMillis()
                            - DATABASE_LIMIT_MARGIN_MS)) + " or less, or raise the database's limit"));
        }
        if (s.idleTimeout != 0 && (s.idleTimeout < MIN_IDLE_TIMEOUT_MS || s.idleTimeout > MAX_DURATION_MS)) {
            p.add(new SettingsProblem("idleTimeout", millis(s.idleTimeout),
                    "must be 0 (keep idle connections) or between 10 s (HikariCP's floor) and 24 h",
                    "Use e.g. 10 min (600000 ms), the default"));
        } else if (s.idleTimeout != 0 && lifetimeValid && s.idleTimeout + IDLE_BELOW_LIFETIME_MS > s.maxLifetime) {
            p.add(new SettingsProblem("idleTimeout", millis(s.idleTimeout),
                    "must be at least 1 s shorter than maxLifetime (" + millis(s.maxLifetime)
                            + "), or HikariCP silently disables it",
                    "Lower it below " + millis(s.maxLifetime - IDLE_BELOW_LIFETIME_MS) + " or set 0"));
        }
        if (s.keepaliveTime != 0 && (s.keepaliveTime < MIN_KEEPALIVE_MS || s.keepaliveTime > MAX_DURATION_MS)) {
            p.add(new SettingsProblem("keepaliveTime", millis(s.keepaliveTime),
                    "must be 0 (off) or at least 30 s (below it HikariCP silently turns keepalive off)",
                    "Use e.g. 2 min (120000 ms), the default, or 0"));
        } else if (s.keepaliveTime != 0 && lifetimeValid && s.keepaliveTime >= s.maxLifetime) {
            p.add(new SettingsProblem("keepaliveTime", millis(s.keepaliveTime),
                    "must be shorter than maxLifetime (" + millis(s.maxLifetime)
                            + "), or HikariCP silently turns keepalive off",
                    "Lower it below " + millis(s.maxLifetime) + " or set 0"));
        }
        if (s.leakDetectionThreshold != 0
                && (s.leakDetectionThreshold < MIN_LEAK_THRESHOLD_MS || s.leakDetectionThreshold > MAX_DURATION_MS)) {
            p.add(new SettingsProblem("leakDetectionThreshold", millis(s.leakDetectionThreshold),
                    "must be 0 (off) or at least 2 s (HikariCP's floor)",
                    "Use 0, or e.g. 60 s (60000 ms) to log connections held longer than that"));
        } else if (s.leakDetectionThreshold != 0 && lifetimeValid && s.leakDetectionThreshold > s.maxLifetime) {
            p.add(new SettingsProblem("leakDetectionThreshold", millis(s.leakDetectionThreshold),
                    "must not exceed maxLifetime (" + millis(s.maxLifetime) + "), or HikariCP silently turns it off",
                    "Lower it to " + millis(s.maxLifetime) + " or less"));
        }
    }

    private static void checkBehaviour(PoolSettings.Builder s, List<SettingsProblem> p) {
        if (s.readOnly) {
            p.add(new SettingsProblem("readOnly", "true",
                    "the engine writes jobs, shards and revisions through this pool",
                    "Set readOnly to false"));
        }
        if (s.transactionIsolation == null || s.transactionIsolation == TransactionIsolation.READ_UNCOMMITTED) {
            p.add(new SettingsProblem("transactionIsolation", String.valueOf(s.transactionIsolation),
                    "must be set and not READ_UNCOMMITTED: the job queue must never see uncommitted claims",
                    "Use DRIVER_DEFAULT or READ_COMMITTED"));
        }
        String query = s.connectionTestQuery == null ? "" : s.connectionTestQuery.strip();
        if (query.length() > 500 || query.replaceFirst(";$", "").contains(";")) {
            p.add(new SettingsProblem("connectionTestQuery", quoted(query),
                    "must be a single short statement",
                    "Leave it empty (H2 and PostgreSQL drivers check liveness with isValid()) or use SELECT 1"));
        }
    }

    /** A duration as users read it: {@code 250 ms}, {@code 30 s (30000 ms)}, {@code 10 min (600000 ms)}. */
    public static String millis(long ms) {
        if (ms != 0 && ms % 60_000 == 0 && Math.abs(ms) >= 60_000) {
            return ms / 60_000 + " min (" + ms + " ms)";
        }
        if (ms != 0 && ms % 1_000 == 0) {
            return ms / 1_000 + " s (" + ms + " ms)";
        }
        return ms + " ms";
    }

    private static String quoted(String s) {
        return s == null ? "(empty)" : "\"" + s + "\"";
    }
}
