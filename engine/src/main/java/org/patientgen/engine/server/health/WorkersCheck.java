package org.patientgen.engine.server.health;

import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.wire.Responses.Check;

/**
 * The node's shard workers are alive: as many worker loops run as were asked for (a loop that died
 * is not replaced until the concurrency is set again). A node configured with 0 workers passes:
 * it only serves the API.
 */
public final class WorkersCheck implements ReadinessCheck {
    private final ShardWorkers workers;

    public WorkersCheck(ShardWorkers workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public Check check() {
        int wanted = workers.concurrency();
        int alive = workers.activeWorkers();
        String figures = alive + " of " + wanted + " workers alive, " + workers.runningShards() + " shards running";
        return new Check(name(), alive >= wanted, alive >= wanted ? figures : "missing workers: " + figures);
    }
}
