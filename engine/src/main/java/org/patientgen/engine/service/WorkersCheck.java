package org.patientgen.engine.service;

import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.jobs.ShardWorkers;

/**
 * This node's shard workers are alive: as many worker loops run as were asked for (a loop that died
 * is not replaced until the concurrency is set again). A node set to 0 workers passes: it only
 * serves the API or fires schedules.
 */
final class WorkersCheck implements ReadinessCheck {
    static final String NAME = "workers";

    private final ShardWorkers workers;

    WorkersCheck(ShardWorkers workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthCheck check() {
        int wanted = workers.concurrency();
        int alive = workers.activeWorkers();
        String seen = alive + " of " + wanted + " workers alive, " + workers.runningShards() + " shards running";
        return alive >= wanted ? new HealthCheck(NAME, true, seen)
                : new HealthCheck(NAME, false, seen + "; worker threads died — see the log for the cause");
    }
}
