package org.patientgen.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a user can do with a PatientGen engine: the one interface behind the console's
 * screens, implemented in process by the local engine and over HTTP by the remote client.
 *
 * <p>Calls act on behalf of one caller (a user, a token's name), fixed when the service object was
 * obtained; state-changing calls are written to the audit log under that name. Every failure is a
 * {@link PatientGenException} whose {@link ErrorKind} says what kind of mistake it was and whose
 * message says how to fix it. Implementations are thread-safe; calls may block on I/O, so a UI must
 * not make them on its UI thread.
 */
public interface PatientGenService {

    // ---- engine ----

    /** Version, node, database and capabilities of the engine. */
    EngineInfo info();

    /** Shards this node runs at once. */
    int workerConcurrency();

    /** Changes how many shards this node runs at once (0 pauses it); takes effect immediately. */
    void setWorkerConcurrency(int workers);

    // ---- jobs ----

    /**
     * Queues a job. Its generation parameters are checked first (state, formats, module path), so a
     * mistake fails the call rather than the job.
     *
     * @return the stored job, {@link JobState#QUEUED}
     */
    Job submit(JobSubmission submission);

    /** Queues several jobs; each succeeds or fails on its own. */
    List<BatchItemResult> submitAll(List<JobSubmission> submissions);

    /** A job. @throws PatientGenException {@link ErrorKind#NOT_FOUND} */
    Job job(long jobId);

    /** Jobs matching the query, newest first, one page. */
    JobPage jobs(JobQuery query);

    /** A job's progress with rate and ETA. */
    JobProgress progress(long jobId);

    /** A job's shards in order, with their state, attempts and lease owner. */
    List<Shard> shards(long jobId);

    /** A job's state changes, oldest first. */
    List<JobTransition> transitions(long jobId);

    /** Every failed attempt of a job's shards. */
    List<ShardFailure> failures(long jobId);

    /**
     * The manifest of a job's output: the job and its completed shards' manifests, as JSON.
     *
     * @throws PatientGenException {@link ErrorKind#NOT_FOUND} for an unknown job
     */
    String manifest(long jobId);

    /** Cancels a waiting, queued or running job. @throws PatientGenException {@link ErrorKind#CONFLICT} if it ended */
    Job cancel(long jobId, String reason);

    /** Cancels several jobs; each succeeds or fails on its own. */
    List<BatchItemResult> cancelAll(List<Long> jobIds, String reason);

    /** Queues a failed job's failed shards again. @throws PatientGenException {@link ErrorKind#CONFLICT} if not failed */
    Job retry(long jobId, String reason);

    /** Retries several failed jobs; each succeeds or fails on its own. */
    List<BatchItemResult> retryAll(List<Long> jobIds, String reason);

    /** Submits a new job with the same parameters as an ended one, linked to it. */
    Job rerun(long jobId);

    /** Changes a queued or waiting job's priority. */
    Job reprioritise(long jobId, int priority);

    /** Changes several jobs' priority; each succeeds or fails on its own. */
    List<BatchItemResult> reprioritiseAll(List<Long> jobIds, int priority);

    // ---- schedules ----

    /** Every schedule, by name. */
    List<Schedule> schedules();

    /** A schedule. */
    Schedule schedule(long scheduleId);

    /** Stores a new schedule; its expression is checked against its syntax. */
    Schedule createSchedule(ScheduleDefinition definition);

    /** Replaces a schedule's definition. */
    Schedule updateSchedule(long scheduleId, ScheduleDefinition definition);

    /** Enables or disables a schedule. */
    Schedule setScheduleEnabled(long scheduleId, boolean enabled);

    /** Deletes a schedule (jobs it submitted stay). */
    void deleteSchedule(long scheduleId);

    /** Submits the schedule's job now, outside its slots. */
    Job runScheduleNow(long scheduleId);

    /** The next {@code count} fire times of a stored schedule, in its zone. */
    List<ZonedDateTime> upcomingFires(long scheduleId, int count);

    /** The slots a schedule fired, newest first. */
    List<ScheduleFire> scheduleFires(long scheduleId, int limit);

    /**
     * Explains a cron expression without storing anything: its description and next fire times.
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} naming what is wrong with the expression
     */
    CronPreview previewCron(String expression, CronSyntax syntax, ZoneId zone, int count);

    // ---- workflows ----

    /** Submits a workflow. @throws PatientGenException {@link ErrorKind#INVALID} naming a cycle */
    Workflow submitWorkflow(WorkflowDefinition definition);

    /** A workflow with the current state of its jobs. */
    Workflow workflow(long workflowId);

    /** The most recent workflows, newest first. */
    List<Workflow> workflows(int limit);

    /** Cancels a workflow's unfinished jobs. */
    Workflow cancelWorkflow(long workflowId, String reason);

    // ---- connection pool ----

    /** The pool's settings and what the editor needs around them. */
    PoolStatus pool();

    /** Every problem of a draft (HikariCP's rules and the database's); empty when it can be applied. */
    List<SettingsProblem> validatePool(PoolSettingsDraft draft);

    /**
     * Applies settings: live where HikariCP allows, the rest staged for a restart.
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} with the {@linkplain PatientGenException#problems() problems}
     */
    PoolChange applyPool(PoolSettings settings, String reason);

    /** Restarts the pool so staged settings take effect, without failing work in flight. */
    PoolStatus restartPool(String reason);

    /** Every applied revision, newest first. */
    List<PoolSettingsRevision> poolHistory();

    /** Applies an earlier revision's settings again, as a new revision. */
    PoolChange rollbackPool(long revision, String reason);

    // ---- metrics ----

    /** The latest metrics snapshot of the node (taken every second). */
    MetricsSnapshot metrics();

    /** Snapshots of the last {@code window} (at most the in-process history, one hour), oldest first. */
    List<MetricsSnapshot> metricsHistory(Duration window);

    /**
     * A persisted series (sampled every minute, kept 30 days) between two instants, for trends.
     *
     * @param metricName the series, as in the Prometheus scrape, e.g. {@code patientgen_patients_generated_total}
     */
    List<MetricSample> metricTrend(String metricName, Instant from, Instant to);

    // ---- runtime configuration and health ----

    /** Whether the engine is ready (database, pool, workers, …), with each check's reason. */
    EngineHealth health();

    /** The runtime configuration running now. */
    RuntimeConfig config();

    /** Every applied configuration revision, newest first. */
    List<ConfigRevision> configHistory();

    /**
     * Applies a runtime configuration as a new revision.
     *
     * @param bakeTime    with a value, a health gate watches readiness for that long and restores the
     *                    previous configuration if health degrades; {@code null} for no gate
     * @param restartPool whether to restart the pool when a pool change cannot be made live
     */
    ConfigDeployment applyConfig(RuntimeConfig config, String reason, Duration bakeTime, boolean restartPool);

    /** A deployment made during this engine's lifetime, with its health gate's state. */
    ConfigDeployment deployment(long revision);

    /** Applies an earlier revision's configuration again (optionally gated), as a new revision. */
    ConfigDeployment rollbackConfig(long revision, String reason, Duration bakeTime, boolean restartPool);

    // ---- logs ----

    /**
     * The engine's most recent log records that {@code query} selects, oldest first: for a job,
     * what its shards' workers logged (claims, retries, failures, completion). Kept in memory: the
     * engine's process keeps its last 2,000 records.
     */
    List<LogRecorded> logs(LogQuery query);

    // ---- events ----

    /**
     * Delivers events of the given topics to {@code listener} until the returned handle is closed.
     * Events arrive on a thread of the service, in order; a listener must return quickly (hand work
     * off) or it may miss events, which shows as a gap in {@link EngineEvent#sequence()}.
     */
    Subscription subscribe(Set<EventTopic> topics, Consumer<EngineEvent> listener);

    /** An event subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
