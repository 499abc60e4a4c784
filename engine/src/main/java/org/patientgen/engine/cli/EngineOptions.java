package org.patientgen.engine.cli;

import java.time.Duration;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.service.EngineConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an engine node keeps its data ({@link DatabaseOptions}) and how it works: shared by
 * {@code node} and {@code serve}.
 */
final class EngineOptions {
    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name, unique among nodes sharing a database. Default: host name and process id.")
    String nodeName;

    @Option(names = "--region", paramLabel = "LABEL", defaultValue = "",
            description = "Region label reported to clients, e.g. eu-west.")
    String region;

    @Option(names = "--workers", paramLabel = "N",
            description = "Shards this node runs at once (0 = none). Default: one per processor.")
    Integer workers;

    @Option(names = "--shard-lease", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long a claimed shard stays leased without renewal, e.g. 15s, 2m; a dead node's shards"
                    + " run elsewhere after this. Default: ${DEFAULT-VALUE}.")
    String shardLease;

    @Option(names = "--stop-grace", paramLabel = "DURATION", defaultValue = "30s",
            description = "On shutdown, how long running shards may finish before being abandoned to other nodes."
                    + " Default: ${DEFAULT-VALUE}.")
    String stopGrace;

    /** The engine configuration these options describe. @throws UsageException on a bad value */
    EngineConfig config() {
        EngineConfig config = EngineConfig.defaults(database.directory()).withDatabase(database.target());
        Duration lease = Durations.parse("--shard-lease", shardLease);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new UsageException("--shard-lease must be at least 3s (the lease is renewed every third of it),"
                    + " was " + shardLease);
        }
        Duration grace = Durations.parse("--stop-grace", stopGrace);
        Duration renew = lease.dividedBy(3);
        Duration poll = renew.compareTo(Duration.ofSeconds(1)) < 0 ? renew : Duration.ofSeconds(1);
        int count = workers != null ? workers : config.workers();
        try {
            return config.withWorkers(count, new ShardWorkers.Settings(lease, renew, poll, grace))
                    .withNode(nodeName != null ? nodeName : config.node(), region);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
