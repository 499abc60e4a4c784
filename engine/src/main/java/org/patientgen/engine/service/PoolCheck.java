package org.patientgen.engine.service;

import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.PoolUsage;
import org.patientgen.engine.persistence.pool.ConnectionPool;

/** The connection pool is not exhausted: some connection is free, or nobody waits for one. */
final class PoolCheck implements ReadinessCheck {
    static final String NAME = "pool";

    private final ConnectionPool pool;

    PoolCheck(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthCheck check() {
        PoolUsage u = pool.usage();
        String seen = u.active() + " of " + u.max() + " connections in use, " + u.idle() + " idle, " + u.pending()
                + " waiting";
        return u.exhausted()
                ? new HealthCheck(NAME, false, "pool exhausted: " + seen
                        + "; raise maximumPoolSize (within the database's max_connections) or find slow or leaked borrows")
                : new HealthCheck(NAME, true, seen);
    }
}
