package org.patientgen.engine.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobRetries;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.jobs.ShardQueue;
import org.patientgen.engine.jobs.ShardRequests;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.metrics.EngineMetrics;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.schedules.ScheduleFirer;
import org.patientgen.engine.schedules.ScheduleStore;
import org.patientgen.engine.workflows.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running engine node: the connection pool, the stores, this node's shard workers, the schedule
 * firer and the event stream, started together and stopped together. Several engines (processes)
 * may share one PostgreSQL database; they cooperate through it alone.
 *
 * <p>Use {@link #as(String)} to act on it through the {@link PatientGenService} interface.
 * {@link #close()} stops claiming, lets running shards finish within the grace period (or
 * releases them to other nodes by letting their leases lapse), then closes the pool.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** What every engine offers; servers add their own (e.g. {@code graphql}). */
    static final List<String> CAPABILITIES = List.of("jobs", "shards", "schedules", "workflows", "pool", "events");

    private final EngineConfig config;
    private final Instant startedAt;
    private final ConnectionPool pool;
    private final JobStore jobs;
    private final ShardQueue queue;
    private final JobRetries retries;
    private final ScheduleStore schedules;
    private final WorkflowStore workflows;
    private final ShardWorkers workers;
    private final ScheduleFirer firer;
    private final EventHub events;
    private final RecentLogs logs;
    private final Readiness readiness;
    private final ConfigDeployments deployments;
    private final EngineMetrics metrics;

    private Engine(EngineConfig config, ConnectionPool pool, EngineMetrics metrics) {
        this.config = config;
        this.startedAt = config.clock().instant();
        this.pool = pool;
        this.metrics = metrics;
        JobQueuePolicy policy = JobQueuePolicy.DEFAULT;
        this.jobs = new JobStore(pool.dataSource(), config.clock(), policy);
        this.queue = new ShardQueue(pool.dataSource(), pool.dialect(), config.clock(), policy);
        this.retries = new JobRetries(pool.dataSource(), config.clock(), policy, jobs);
        this.schedules = new ScheduleStore(pool.dataSource(), config.clock(), jobs);
        this.workflows = new WorkflowStore(pool.dataSource(), config.clock(), jobs);
        this.workers = new ShardWorkers(config.node(), queue, jobs,
                new ShardRequests(config.generatorThreads(), ModuleLoader::builtIn), config.shardSettings(),
                config.clock(), metrics.shardEvents());
        this.firer = new ScheduleFirer(pool.dataSource(), config.clock(), jobs, config.node(),
                ScheduleFirer.DEFAULT_GRACE);
        this.events = new EventHub(pool.dataSource(), workers, config.eventPoll(), config.node());
        this.logs = RecentLogs.install(RecentLogs.DEFAULT_CAPACITY);
        logs.publishTo(events);
        this.readiness = new Readiness(pool, workers, config.clock());
        this.deployments = new ConfigDeployments(pool, workers, readiness, new ConfigRevisions(pool.dataSource()),
                config.clock(), config.eventPoll());
    }

    /**
     * Opens the database (creating or upgrading its schema), then starts the workers, the schedule
     * firer and the event stream.
     *
     * @throws SQLException if the database cannot be reached or migrated
     */
    public static Engine start(EngineConfig config) throws SQLException {
        Objects.requireNonNull(config, "config");
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDirectory()
                    + ": " + e.getMessage() + "; choose another with --data-dir or PATIENTGEN_DATA_DIR", e);
        }
        EngineMetrics metrics = new EngineMetrics(config.node(), EngineMetrics.Settings.defaults(), config.clock());
        ConnectionPool pool;
        try {
            pool = ConnectionPool.open(config.database(), config.initialPool(), config.clock(), metrics.registry());
        } catch (SQLException | RuntimeException e) {
            metrics.close();
            throw e;
        }
        Engine engine;
        try {
            engine = new Engine(config, pool, metrics);
            metrics.bindDatabase(pool.dataSource());
            metrics.bindWorkers(engine.workers);
        } catch (RuntimeException e) {
            pool.close();
            metrics.close();
            throw e;
        }
        engine.workers.setConcurrency(config.workers());
        metrics.subscribe(snapshot -> engine.events.publish(seq -> new MetricsSampled(seq, snapshot)));
        metrics.start();
        engine.firer.start(config.scheduleTick());
        engine.events.start();
        LOG.info("engine node {} started: {} workers, lease {}, database {}", config.node(), config.workers(),
                config.shardSettings().lease(), config.database());
        return engine;
    }

    /** The service acting on behalf of {@code actor} (recorded in the audit log and on transitions). */
    public PatientGenService as(String actor) {
        return new LocalService(this, actor);
    }

    /** What this engine reports about itself. */
    public EngineInfo info() {
        return new EngineInfo(Generator.version(), build(), config.node(), config.region(), startedAt,
                pool.dialect().productName(), pool.schemaVersion(), Runtime.getRuntime().availableProcessors(), CAPABILITIES);
    }

    private static String build() {
        String b = System.getProperty("patientgen.build");
        return b == null || b.isBlank() ? "dev" : b;
    }

    public EngineConfig config() {
        return config;
    }

    public ConnectionPool pool() {
        return pool;
    }

    public JobStore jobs() {
        return jobs;
    }

    public ShardQueue queue() {
        return queue;
    }

    public JobRetries retries() {
        return retries;
    }

    public ScheduleStore schedules() {
        return schedules;
    }

    public WorkflowStore workflows() {
        return workflows;
    }

    public ShardWorkers workers() {
        return workers;
    }

    /** This process's recent log records, kept from this engine's start to its close. */
    public RecentLogs logs() {
        return logs;
    }

    /** The event stream of this node. */
    public EventHub events() {
        return events;
    }

    /** The readiness checks; servers register their own. */
    public Readiness readiness() {
        return readiness;
    }

    /** Metrics of this node: Prometheus registry and scrape, snapshots, history, trends. */
    public EngineMetrics metrics() {
        return metrics;
    }

    ConfigDeployments deployments() {
        return deployments;
    }

    /**
     * Calls {@code listener} with the running configuration after every change (applied, rolled back
     * by hand or by the health gate, or {@link #startWithLimits}) until the returned subscription is
     * closed. Listeners run on the changing thread; keep them short.
     */
    public Subscription onConfigChange(Consumer<RuntimeConfig> listener) {
        return deployments.onChange(listener);
    }

    /**
     * Sets the API limits the running configuration starts with: a server calls this once at start
     * with its configured limits, before it serves; later changes are deployments
     * ({@code applyConfig}). Records no revision; calls the {@link #onConfigChange} listeners.
     *
     * @return the running configuration
     * @throws IllegalArgumentException if a limit is out of {@link RuntimeConfig}'s range
     */
    public RuntimeConfig startWithLimits(int requestsPerMinutePerToken, int maxRequestBodyKiB) {
        return deployments.startWithLimits(requestsPerMinutePerToken, maxRequestBodyKiB);
    }

    @Override
    public void close() {
        LOG.info("engine node {} stopping", config.node());
        deployments.close();
        readiness.close();
        events.close();
        logs.uninstall();
        firer.close();
        workers.close();
        metrics.close();
        pool.close();
        LOG.info("engine node {} stopped", config.node());
    }
}
