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
        ConnectionPool.Usage u = pool.usage();
        String figures = u.active() + " of " + u.maximum() + " connections in use, " + u.idle() + " idle, "
                + u.waiting() + " waiting";
        boolean exhausted = u.active() >= u.maximum() && u.waiting() > 0;
        return new Check(name(), !exhausted, exhausted ? "exhausted: " + figures
                + "; raise maximumPoolSize or find what holds connections" : figures);
    }
}
