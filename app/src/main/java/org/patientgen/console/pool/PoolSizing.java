package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.patientgen.engine.api.PoolSettingsRules;
import org.patientgen.engine.api.PoolStatus;

/**
 * A recommended pool size, following HikariCP's pool-sizing guidance ("About Pool Sizing" in
 * HikariCP's wiki, after PostgreSQL's own advice):
 *
 * <pre>connections = (core_count × 2) + effective_spindle_count</pre>
 *
 * <p><b>Why so small.</b> A database runs only as many queries at once as it has cores; a thread
 * per core keeps them busy, and a second one per core covers the time a query waits for the disk or
 * the network. Connections beyond that do not add throughput — they queue inside the database and
 * cost it context switches and memory — so HikariCP advises "a small pool, saturated with threads
 * waiting for connections". The effective spindle count is the number of disks the active data set
 * makes the database wait on: 0 when it is entirely cached, up to the real number of spindles as
 * the cache hit rate falls (an SSD has no seek time and behaves closer to 0).
 *
 * <p><b>What it is fed.</b> {@code cores} is the engine machine's processor count as the JVM
 * reports it ({@link PoolStatus#serverCores()}). The formula means the database server's physical
 * cores: that is the same machine for the embedded H2 database, and for a PostgreSQL server an
 * estimate; the JVM also counts hyper-threads, which HikariCP says not to count, so on such a
 * machine the result is a generous starting point, to be tuned by measurement (the live charts).
 *
 * <p><b>The database's ceiling.</b> When the database reports {@code max_connections}, every node's
 * pool together must fit under it with room left for other clients (administrators, migrations,
 * monitoring; PostgreSQL also reserves 3 connections for superusers by default). This class keeps
 * {@link #headroom()} = the larger of {@value #MIN_HEADROOM} and a tenth of {@code max_connections}
 * free — a choice of ours, not HikariCP's — and divides the rest by the number of engine nodes
 * sharing the database. The recommendation is the smaller of the formula and that share, at least
 * 1; it is also always below {@code max_connections}, which the engine's validation requires.
 *
 * <p>{@code minimumIdle} is recommended equal to the maximum: HikariCP advises a fixed-size pool for
 * the best performance and response to bursts.
 *
 * @param cores          processors of the machine (at least 1)
 * @param spindles       effective spindle count (0 or more)
 * @param maxConnections the database's {@code max_connections}, or 0 when unknown
 * @param nodes          engine nodes sharing the database (at least 1)
 */
public record PoolSizing(int cores, int spindles, int maxConnections, int nodes) {
    /** The fewest connections kept free for other clients when {@code max_connections} is known. */
    public static final int MIN_HEADROOM = 3;
    /** The effective spindle count assumed until the user says otherwise: one disk, as in HikariCP's example. */
    public static final int DEFAULT_SPINDLES = 1;

    public PoolSizing {
        if (cores < 1 || spindles < 0 || maxConnections < 0 || nodes < 1) {
            throw new IllegalArgumentException("cores and nodes must be at least 1, spindles and max_connections"
                    + " not negative: " + cores + ", " + spindles + ", " + maxConnections + ", " + nodes);
        }
    }

    /** Sizing for a pool as the engine describes it. */
    public static PoolSizing of(PoolStatus status, int spindles, int nodes) {
        return new PoolSizing(Math.max(1, status.serverCores()), spindles, status.limits().maxConnections(), nodes);
    }

    /** HikariCP's formula: cores × 2 + effective spindles. */
    public int formula() {
        return cores * 2 + spindles;
    }

    /** Connections kept free for other clients; 0 when {@code max_connections} is unknown. */
    public int headroom() {
        return maxConnections == 0 ? 0 : Math.max(MIN_HEADROOM, maxConnections / 10);
    }

    /** Each node's share of what {@code max_connections} leaves after the headroom; empty when unknown. */
    public OptionalInt perNodeShare() {
        if (maxConnections == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(0, maxConnections - headroom()) / nodes);
    }

    /** The recommended {@code maximumPoolSize}. */
    public int maximumPoolSize() {
        int size = Math.min(formula(), PoolSettingsRules.MAX_POOL_SIZE);
        OptionalInt share = perNodeShare();
        if (share.isPresent()) {
            size = Math.min(size, share.getAsInt());
        }
        return Math.max(1, size);
    }

    /** The recommended {@code minimumIdle}: a fixed-size pool. */
    public int minimumIdle() {
        return maximumPoolSize();
    }

    /** Whether the database's limit, not the formula, decided the size. */
    public boolean limitedByDatabase() {
        return perNodeShare().isPresent() && perNodeShare().getAsInt() < formula();
    }

    /** How the recommendation was reached, one step a line, for the editor to show. */
    public List<String> reasoning() {
        List<String> lines = new ArrayList<>();
        lines.add(cores + (cores == 1 ? " core" : " cores") + " × 2 + " + spindles
                + (spindles == 1 ? " disk" : " disks") + " = " + formula() + " (HikariCP's pool-sizing formula)");
        OptionalInt share = perNodeShare();
        if (share.isPresent()) {
            lines.add("max_connections " + maxConnections + " − " + headroom() + " kept for other clients"
                    + (nodes == 1 ? "" : ", ÷ " + nodes + " nodes") + " = " + share.getAsInt()
                    + (nodes == 1 ? " for this engine" : " per node"));
        } else {
            lines.add("The database does not report max_connections, so only the formula applies");
        }
        lines.add("Recommended: " + maximumPoolSize() + (maximumPoolSize() == 1 ? " connection" : " connections")
                + ", minimum idle the same (a fixed-size pool, as HikariCP advises)"
                + (limitedByDatabase() ? "; the database's limit is the tighter bound" : ""));
        return lines;
    }
}
