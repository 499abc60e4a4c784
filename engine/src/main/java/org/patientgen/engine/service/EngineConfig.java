package org.patientgen.engine.service;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.UserDataDirectory;

/**
 * How to run an {@link Engine}.
 *
 * @param dataDirectory    where the embedded database and default job output live
 * @param database         the database (the embedded H2 file in {@code dataDirectory} by default)
 * @param node             this node's name, unique among nodes sharing a database
 * @param region           a free-form region label shown to clients, may be empty
 * @param workers          shards this node runs at once (0 = this node runs no shards)
 * @param shardSettings    lease length and worker timing
 * @param generatorThreads simulation threads per shard
 * @param scheduleTick     how often due schedules are fired
 * @param eventPoll        how often job changes and progress are read for the event stream, and how
 *                         often a configuration's health gate checks readiness
 * @param initialPool      pool settings for a new database (a database keeps its latest revision)
 * @param clock            the engine's time source
 */
public record EngineConfig(Path dataDirectory, DatabaseTarget database, String node, String region, int workers,
                           ShardWorkers.Settings shardSettings, int generatorThreads, Duration scheduleTick,
                           Duration eventPoll, PoolSettings initialPool, Clock clock) {
    public EngineConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(node, "node");
        region = region == null ? "" : region.strip();
        Objects.requireNonNull(shardSettings, "shardSettings");
        Objects.requireNonNull(scheduleTick, "scheduleTick");
        Objects.requireNonNull(eventPoll, "eventPoll");
        Objects.requireNonNull(initialPool, "initialPool");
        Objects.requireNonNull(clock, "clock");
        if (!node.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("node name '" + node + "' must be 1 to 100 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        if (workers < 0 || workers > ShardWorkers.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("workers must be between 0 and " + ShardWorkers.MAX_CONCURRENCY
                    + ", was " + workers);
        }
        if (generatorThreads < 1 || generatorThreads > 256) {
            throw new IllegalArgumentException("generator threads must be between 1 and 256, was " + generatorThreads);
        }
        if (scheduleTick.toMillis() < 1 || eventPoll.toMillis() < 1) {
            throw new IllegalArgumentException("schedule tick and event poll intervals must be positive");
        }
    }

    /**
     * The embedded default: H2 in the user data directory, one worker per processor, 30 s leases.
     */
    public static EngineConfig defaults() {
        return defaults(UserDataDirectory.resolve());
    }

    /** The defaults with the embedded database in {@code dataDirectory}. */
    public static EngineConfig defaults(Path dataDirectory) {
        return new EngineConfig(dataDirectory, DatabaseTarget.embedded(dataDirectory), defaultNodeName(), "",
                Runtime.getRuntime().availableProcessors(), ShardWorkers.Settings.defaults(), 1,
                Duration.ofSeconds(5), Duration.ofSeconds(1), PoolSettings.defaults(), Clock.systemUTC());
    }

    /** The host name (from the environment, no network lookup) and process id, e.g. {@code ws12-4711}. */
    public static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        String base = host == null || host.isBlank() ? "node" : host.replaceAll("[^A-Za-z0-9._-]", "-");
        String name = base + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    public EngineConfig withDatabase(DatabaseTarget target) {
        return new EngineConfig(dataDirectory, target, node, region, workers, shardSettings, generatorThreads,
                scheduleTick, eventPoll, initialPool, clock);
    }

    public EngineConfig withNode(String name, String regionLabel) {
        return new EngineConfig(dataDirectory, database, name, regionLabel, workers, shardSettings, generatorThreads,
                scheduleTick, eventPoll, initialPool, clock);
    }

    public EngineConfig withWorkers(int count, ShardWorkers.Settings settings) {
        return new EngineConfig(dataDirectory, database, node, region, count, settings, generatorThreads,
                scheduleTick, eventPoll, initialPool, clock);
    }

    public EngineConfig withTiming(Duration tick, Duration poll) {
        return new EngineConfig(dataDirectory, database, node, region, workers, shardSettings, generatorThreads,
                tick, poll, initialPool, clock);
    }

    public EngineConfig withInitialPool(PoolSettings settings) {
        return new EngineConfig(dataDirectory, database, node, region, workers, shardSettings, generatorThreads,
                scheduleTick, eventPoll, settings, clock);
    }

    public EngineConfig withClock(Clock engineClock) {
        return new EngineConfig(dataDirectory, database, node, region, workers, shardSettings, generatorThreads,
                scheduleTick, eventPoll, initialPool, engineClock);
    }
}
