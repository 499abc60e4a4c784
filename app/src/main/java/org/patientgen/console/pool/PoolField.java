package org.patientgen.console.pool;

import static org.patientgen.engine.api.PoolSettingsRules.DATABASE_LIMIT_MARGIN_MS;
import static org.patientgen.engine.api.PoolSettingsRules.IDLE_BELOW_LIFETIME_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MAX_DURATION_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MAX_POOL_SIZE;
import static org.patientgen.engine.api.PoolSettingsRules.MIN_IDLE_TIMEOUT_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MIN_KEEPALIVE_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MIN_LEAK_THRESHOLD_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MIN_MAX_LIFETIME_MS;
import static org.patientgen.engine.api.PoolSettingsRules.MIN_TIMEOUT_MS;

import org.patientgen.engine.api.DatabaseLimits;
import org.patientgen.engine.api.PoolProperty;
import org.patientgen.engine.api.TransactionIsolation;

/**
 * The pool editor's fields: one per {@link PoolProperty}, with its label, how it is typed (count,
 * time, text, switch, choice), its section of the form, and its inline help — what it does,
 * HikariCP's limits and the usual mistakes. The limits in the help are the constants of
 * {@link org.patientgen.engine.api.PoolSettingsRules}, the rules the engine checks, so help and
 * validation cannot disagree.
 */
public enum PoolField {
    MAXIMUM_POOL_SIZE(PoolProperty.MAXIMUM_POOL_SIZE, "Maximum pool size", Kind.COUNT, Section.SIZE,
            "Most connections, idle and in use. 1 to " + MAX_POOL_SIZE + ", and below the database's max_connections"
                    + " when known. A common mistake is a large pool: HikariCP's guidance is cores × 2 + disks, and"
                    + " more connections only queue inside the database (see Recommended size)."),
    MINIMUM_IDLE(PoolProperty.MINIMUM_IDLE, "Minimum idle", Kind.COUNT, Section.SIZE,
            "Idle connections kept ready, 0 to the maximum pool size. Equal to the maximum (HikariCP's default"
                    + " and advice) gives a fixed-size pool that meets a burst of work without opening connections."),
    CONNECTION_TIMEOUT(PoolProperty.CONNECTION_TIMEOUT, "Connection timeout", Kind.DURATION, Section.TIMEOUTS,
            "How long a borrower waits for a connection before failing. " + DurationText.format(MIN_TIMEOUT_MS)
                    + " (HikariCP's floor) to " + DurationText.format(MAX_DURATION_MS) + "; 0, wait forever, is"
                    + " refused. A live change takes effect at HikariCP's next housekeeping run, within 30 s."),
    VALIDATION_TIMEOUT(PoolProperty.VALIDATION_TIMEOUT, "Validation timeout", Kind.DURATION, Section.TIMEOUTS,
            "How long a liveness check of a connection may take. At least " + DurationText.format(MIN_TIMEOUT_MS)
                    + " and shorter than the connection timeout, or a borrower times out while its connection is"
                    + " still being checked."),
    LEAK_DETECTION_THRESHOLD(PoolProperty.LEAK_DETECTION_THRESHOLD, "Leak detection", Kind.DURATION,
            Section.TIMEOUTS,
            "Logs a warning when a connection is held longer than this (a likely leak). 0 turns it off; else "
                    + DurationText.format(MIN_LEAK_THRESHOLD_MS) + " to " + DurationText.format(MAX_DURATION_MS)
                    + ", and not above the max lifetime, or HikariCP silently turns it off."),
    INITIALIZATION_FAIL_TIMEOUT(PoolProperty.INITIALIZATION_FAIL_TIMEOUT, "Initialization fail timeout",
            Kind.DURATION, Section.TIMEOUTS,
            "How long a new pool tries to connect before failing. 1 ms (the default) fails at once when the"
                    + " database is unreachable; 0 tries once; -1 starts without connecting."),
    IDLE_TIMEOUT(PoolProperty.IDLE_TIMEOUT, "Idle timeout", Kind.DURATION, Section.LIFETIME,
            "How long a connection above the minimum idle may sit unused before it is closed; it does nothing"
                    + " in a fixed-size pool. 0 keeps idle connections; else " + DurationText.format(MIN_IDLE_TIMEOUT_MS)
                    + " to " + DurationText.format(MAX_DURATION_MS) + " and at least "
                    + DurationText.format(IDLE_BELOW_LIFETIME_MS) + " shorter than the max lifetime, or HikariCP"
                    + " silently disables it."),
    MAX_LIFETIME(PoolProperty.MAX_LIFETIME, "Max lifetime", Kind.DURATION, Section.LIFETIME,
            "Age at which a connection is retired once it is idle. " + DurationText.format(MIN_MAX_LIFETIME_MS)
                    + " to " + DurationText.format(MAX_DURATION_MS) + " (below " + DurationText.format(MIN_MAX_LIFETIME_MS)
                    + " HikariCP silently uses 30 min). The common mistake: keeping it above the database's own"
                    + " connection limit (PostgreSQL's idle_session_timeout) — it must be at least "
                    + DurationText.format(DATABASE_LIMIT_MARGIN_MS) + " shorter, or the database closes"
                    + " connections the pool still hands out. A live change applies to new connections."),
    KEEPALIVE_TIME(PoolProperty.KEEPALIVE_TIME, "Keepalive time", Kind.DURATION, Section.LIFETIME,
            "How often idle connections are pinged so that nothing between the pool and the database drops them."
                    + " 0 turns it off; else at least " + DurationText.format(MIN_KEEPALIVE_MS) + " (below it"
                    + " HikariCP silently turns keepalive off) and shorter than the max lifetime."),
    POOL_NAME(PoolProperty.POOL_NAME, "Pool name", Kind.TEXT, Section.CONNECTIONS,
            "Name in logs, thread names and the pool label of every pool metric (a rename moves the metrics to"
                    + " the new name). 1 to 64 letters, digits, spaces, '.', '_' or '-'; no ':', which JMX forbids."),
    AUTO_COMMIT(PoolProperty.AUTO_COMMIT, "Auto-commit", Kind.FLAG, Section.CONNECTIONS,
            "Default auto-commit mode of pooled connections (the job store runs its own transactions either way)."),
    READ_ONLY(PoolProperty.READ_ONLY, "Read-only", Kind.FLAG, Section.CONNECTIONS,
            "Must stay off: the engine writes jobs, shards and revisions through this pool."),
    TRANSACTION_ISOLATION(PoolProperty.TRANSACTION_ISOLATION, "Transaction isolation", Kind.ISOLATION,
            Section.CONNECTIONS,
            "Default isolation level of pooled connections. Not READ_UNCOMMITTED: the job queue must never see"
                    + " uncommitted claims. The job store runs its own transactions at READ COMMITTED whatever this is."),
    CONNECTION_TEST_QUERY(PoolProperty.CONNECTION_TEST_QUERY, "Connection test query", Kind.TEXT,
            Section.CONNECTIONS,
            "Liveness query for drivers without JDBC4 isValid(). Leave it empty: the H2 and PostgreSQL drivers"
                    + " have isValid(), which HikariCP recommends. At most one short statement.");

    /** How a field is typed. */
    public enum Kind {
        /** A whole number of connections. */
        COUNT,
        /** A time, shown and typed humanely ({@link DurationText}), stored in milliseconds. */
        DURATION,
        /** Free text. */
        TEXT,
        /** On or off. */
        FLAG,
        /** One of {@link TransactionIsolation}. */
        ISOLATION
    }

    /** A group of fields in the form. */
    public enum Section {
        SIZE("Size"),
        TIMEOUTS("Timeouts"),
        LIFETIME("Connection lifetime"),
        CONNECTIONS("Connection defaults");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final PoolProperty property;
    private final String label;
    private final Kind kind;
    private final Section section;
    private final String help;

    PoolField(PoolProperty property, String label, Kind kind, Section section, String help) {
        this.property = property;
        this.label = label;
        this.kind = kind;
        this.section = section;
        this.help = help;
    }

    public PoolProperty property() {
        return property;
    }

    /** HikariCP's name, e.g. {@code maxLifetime}. */
    public String hikariName() {
        return property.hikariName();
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public Section section() {
        return section;
    }

    /** Whether a running pool takes a new value; otherwise it waits for a pool restart. */
    public boolean live() {
        return property.live();
    }

    /** What the field does, HikariCP's limits and the usual mistakes. */
    public String help() {
        return help;
    }

    /** The help with what this database adds (its connection time limit), when it applies to the field. */
    public String help(DatabaseLimits limits) {
        if (this == MAX_LIFETIME && limits.connectionTimeLimitMillis() > 0) {
            return help + " This database: " + limits.timeLimitSetting() + " = "
                    + DurationText.format(limits.connectionTimeLimitMillis()) + ", so at most "
                    + DurationText.format(limits.connectionTimeLimitMillis() - DATABASE_LIMIT_MARGIN_MS) + ".";
        }
        if (this == MAXIMUM_POOL_SIZE && limits.maxConnections() > 0) {
            return help + " This database: max_connections = " + limits.maxConnections() + ".";
        }
        return help;
    }

    /** The field for a HikariCP property name, e.g. from a {@link org.patientgen.engine.api.SettingsProblem}. */
    public static PoolField of(String hikariName) {
        PoolProperty p = PoolProperty.named(hikariName);
        for (PoolField f : values()) {
            if (f.property == p) {
                return f;
            }
        }
        throw new IllegalArgumentException("no field for " + hikariName);
    }

    /**
     * A value as the form shows it: times humanely ({@code 30 s}), switches as on/off, the rest as is;
     * {@code value} is what {@link PoolProperty#valueIn} gives.
     */
    public String format(Object value) {
        return switch (kind) {
            case DURATION -> DurationText.format(((Number) value).longValue());
            case FLAG -> Boolean.TRUE.equals(value) ? "on" : "off";
            case TEXT -> value.toString().isEmpty() ? "(empty)" : value.toString();
            default -> value.toString();
        };
    }

    /**
     * Reads a count, time or text as typed into the value {@link PoolProperty#valueIn} would give.
     *
     * @throws IllegalArgumentException with a message saying how to write it
     */
    Object parse(String text) {
        return switch (kind) {
            case COUNT -> parseCount(text);
            case DURATION -> DurationText.parse(text);
            case TEXT -> this == CONNECTION_TEST_QUERY ? (text == null ? "" : text.strip()) : (text == null ? "" : text);
            default -> throw new IllegalStateException(this + " is not typed as text");
        };
    }

    private Object parseCount(String text) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter a number of connections.");
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a whole number of connections.", e);
        }
    }

    /** The label's key for CSS and test ids, e.g. {@code pool-field-maxLifetime}. */
    public String id() {
        return "pool-field-" + hikariName();
    }
}
