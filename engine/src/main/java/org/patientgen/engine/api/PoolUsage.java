package org.patientgen.engine.api;

/**
 * How the running pool's connections are used right now.
 *
 * @param active  connections borrowed and not yet returned
 * @param idle    connections open and waiting to be borrowed
 * @param pending threads waiting for a connection (above 0 while all are active: the pool is exhausted)
 * @param total   open connections (active + idle)
 * @param max     the pool's maximum size
 */
public record PoolUsage(int active, int idle, int pending, int total, int max) {
    /** Whether borrowers are queueing because every connection is in use. */
    public boolean exhausted() {
        return pending > 0 && active >= max;
    }
}
