package org.patientgen.engine.persistence;

/**
 * The databases the engine runs on, and the few places where their SQL differs. The schema and
 * almost every statement are shared; differences are named here rather than scattered.
 */
public enum SqlDialect {
    /**
     * Embedded default. H2 2.5 accepts {@code SKIP LOCKED}, but with {@code ORDER BY … FETCH FIRST}
     * it locks <em>every</em> row matching the WHERE clause before sorting and limiting, so a second
     * claimer would skip them all and wrongly see an empty queue. A plain {@code FOR UPDATE} instead
     * makes concurrent claimers wait their turn (claim transactions are a few statements long) and
     * H2 re-evaluates the condition after the wait, so they get the next shard. H2 serves one node,
     * where serialised claims are enough.
     */
    H2("H2", "FOR UPDATE", null),
    /** Production and multi-node coordinator: claimers skip each other's locked rows without waiting. */
    POSTGRESQL("PostgreSQL", "FOR UPDATE SKIP LOCKED", "FOR KEY SHARE SKIP LOCKED");

    private final String productName;
    private final String claimLock;
    private final String claimFenceLock;

    SqlDialect(String productName, String claimLock, String claimFenceLock) {
        this.productName = productName;
        this.claimLock = claimLock;
        this.claimFenceLock = claimFenceLock;
    }

    /** The database product's usual name, e.g. {@code PostgreSQL}. */
    public String productName() {
        return productName;
    }

    /** The locking clause appended to the query that picks the next shard. */
    public String claimLock() {
        return claimLock;
    }

    /**
     * A locking clause that keeps claimers off a row until the holder commits, without waiting for
     * anyone and without blocking other holders of the same clause, or {@code null} where there is
     * none. PostgreSQL's {@code FOR KEY SHARE} conflicts with the claim's {@code FOR UPDATE} and
     * not with itself; H2 has no shared row locks (and would lock every matching row, see
     * {@link #H2}).
     */
    public String claimFenceLock() {
        return claimFenceLock;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the supported URL forms
     */
    public static SqlDialect ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "'; use jdbc:postgresql://HOST:PORT/DATABASE or jdbc:h2:file:PATH");
    }
}
