package org.patientgen.engine.server.health;

import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.wire.Responses.Check;

/** The connection pool is not exhausted: some connection is free, or nobody waits for one. */
public final class PoolCheck implements ReadinessCheck {
    private final ConnectionPool pool;

    public PoolCheck(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public Check check() {
        org.patientgen.engine.api.PoolUsage u = pool.usage();
        String figures = u.active() + " of " + u.max() + " connections in use, " + u.idle() + " idle, "
                + u.pending() + " waiting";
        boolean exhausted = u.active() >= u.max() && u.pending() > 0;
        return new Check(name(), !exhausted, exhausted ? "exhausted: " + figures
                + "; raise maximumPoolSize or find what holds connections" : figures);
    }
}
