package org.patientgen.engine.service;

import static org.patientgen.engine.service.ServiceCalls.call;
import static org.patientgen.engine.service.ServiceCalls.notFound;
import static org.patientgen.engine.service.ServiceCalls.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobRetryResult;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.LogQuery;
import org.patientgen.engine.api.LogRecorded;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.api.ScheduleFire;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.schedules.CronSchedule;

/**
 * The {@link PatientGenService} of an in-process {@link Engine}, acting for one caller. Store
 * failures become {@link PatientGenException}s (see {@link ServiceCalls}).
 */
final class LocalService implements PatientGenService {
    private static final int MAX_PREVIEW = 100;
    private final Engine engine;
    private final String actor;

    LocalService(Engine engine, String actor) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.actor = Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("the acting user's name must not be empty");
        }
    }

    @Override
    public EngineInfo info() {
        return engine.info();
    }

    @Override
    public List<LogRecorded> logs(LogQuery query) {
        return engine.logs().query(Objects.requireNonNull(query, "query"));
    }

    @Override
    public int workerConcurrency() {
        return engine.workers().concurrency();
    }

    @Override
    public void setWorkerConcurrency(int workers) {
        call(() -> {
            engine.workers().setConcurrency(workers);
            return null;
        });
    }

    // ---- jobs ----

    @Override
    public Job submit(JobSubmission submission) {
        checkRunnable(submission.spec());
        return call(() -> requireJob(engine.jobs().submit(submission)));
    }

    /**
     * Checks what the job's record cannot check by itself: that the state, formats and module path
     * exist here and the output location is usable, so a typo fails the submission, not the job.
     */
    private static void checkRunnable(GenerationSpec spec) {
        call(() -> {
            Census.get().state(spec.state());
            ExportFormats.parse(String.join(",", spec.formats()));
            if (!spec.modules().isEmpty() && !Files.exists(Path.of(spec.modules()))) {
                throw new IllegalArgumentException("module path '" + spec.modules() + "' does not exist on the engine's"
                        + " machine; give a directory or jar of GMF modules that exists there, or none");
            }
            Path output = Path.of(spec.output());
            if (!output.isAbsolute()) {
                throw new IllegalArgumentException("output location '" + spec.output() + "' must be an absolute path"
                        + " on the engine's machine");
            }
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new IllegalArgumentException("output location '" + spec.output() + "' is a file; give a"
                        + " directory (it is created if missing)");
            }
            return null;
        });
    }

    @Override
    public List<BatchItemResult> submitAll(List<JobSubmission> submissions) {
        List<BatchItemResult> results = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            JobSubmission s = submissions.get(i);
            try {
                Job job = submit(s);
                results.add(new BatchItemResult(i, job.id(), BatchItemResult.Outcome.OK, "queued as job " + job.id()));
            } catch (PatientGenException e) {
                results.add(new BatchItemResult(i, null, BatchItemResult.Outcome.of(e.kind()), e.getMessage()));
            }
        }
        return results;
    }

    @Override
    public Job job(long jobId) {
        return call(() -> requireJob(jobId));
    }

    private Job requireJob(long jobId) throws java.sql.SQLException {
        return engine.jobs().job(jobId).orElseThrow(() -> notFound("job " + jobId));
    }

    @Override
    public JobPage jobs(JobQuery query) {
        return call(() -> engine.jobs().query(query));
    }

    @Override
    public JobProgress progress(long jobId) {
        return call(() -> engine.workers().progress(jobId).orElseThrow(() -> notFound("job " + jobId)));
    }

    @Override
    public List<Shard> shards(long jobId) {
        return call(() -> {
            requireJob(jobId);
            return engine.jobs().shards(jobId);
        });
    }

    @Override
    public List<JobTransition> transitions(long jobId) {
        return call(() -> {
            requireJob(jobId);
            return engine.jobs().transitions(jobId);
        });
    }

    @Override
    public List<ShardFailure> failures(long jobId) {
        return call(() -> {
            requireJob(jobId);
            return engine.jobs().failures(jobId);
        });
    }

    @Override
    public String manifest(long jobId) {
        return call(() -> JobManifest.of(requireJob(jobId), engine.jobs().shards(jobId)));
    }

    @Override
    public Job cancel(long jobId, String reason) {
        return call(() -> {
            requireJob(jobId);
            engine.jobs().cancel(jobId, actor, reason(reason));
            return requireJob(jobId);
        });
    }

    @Override
    public List<BatchItemResult> cancelAll(List<Long> jobIds, String reason) {
        return each(jobIds, id -> cancel(id, reason), "cancelled");
    }

    @Override
    public Job retry(long jobId, String reason) {
        return call(() -> {
            requireJob(jobId);
            engine.retries().retry(jobId, actor, reason(reason));
            return requireJob(jobId);
        });
    }

    @Override
    public List<BatchItemResult> retryAll(List<Long> jobIds, String reason) {
        List<JobRetryResult> retried = call(() -> engine.retries().retryAll(jobIds, actor, reason(reason)));
        List<BatchItemResult> results = new ArrayList<>(retried.size());
        for (int i = 0; i < retried.size(); i++) {
            JobRetryResult r = retried.get(i);
            BatchItemResult.Outcome outcome;
            switch (r.outcome()) {
                case RETRIED:
                    outcome = BatchItemResult.Outcome.OK;
                    break;
                case NOT_FOUND:
                    outcome = BatchItemResult.Outcome.NOT_FOUND;
                    break;
                default:
                    outcome = BatchItemResult.Outcome.CONFLICT;
            }
            results.add(new BatchItemResult(i, r.jobId(), outcome, r.message()));
        }
        return results;
    }

    @Override
    public Job rerun(long jobId) {
        return call(() -> {
            requireJob(jobId);
            return requireJob(engine.retries().rerun(jobId, actor));
        });
    }

    @Override
    public Job reprioritise(long jobId, int priority) {
        return call(() -> {
            requireJob(jobId);
            engine.jobs().reprioritise(jobId, priority, actor);
            return requireJob(jobId);
        });
    }

    @Override
    public List<BatchItemResult> reprioritiseAll(List<Long> jobIds, int priority) {
        return each(jobIds, id -> reprioritise(id, priority), "priority set to " + priority);
    }

    /** Applies {@code action} to each job on its own, collecting per-item results in request order. */
    private static List<BatchItemResult> each(List<Long> jobIds, LongFunction<Job> action, String done) {
        List<BatchItemResult> results = new ArrayList<>(jobIds.size());
        for (int i = 0; i < jobIds.size(); i++) {
            long id = jobIds.get(i);
            try {
                action.apply(id);
                results.add(new BatchItemResult(i, id, BatchItemResult.Outcome.OK, "job " + id + " " + done));
            } catch (PatientGenException e) {
                results.add(new BatchItemResult(i, id, BatchItemResult.Outcome.of(e.kind()), e.getMessage()));
            }
        }
        return results;
    }

    private static String reason(String reason) {
        return reason == null ? "" : reason.strip();
    }

    // ---- schedules ----

    @Override
    public List<Schedule> schedules() {
        return call(() -> engine.schedules().list());
    }

    @Override
    public Schedule schedule(long scheduleId) {
        return call(() -> engine.schedules().get(scheduleId).orElseThrow(() -> notFound("schedule " + scheduleId)));
    }

    @Override
    public Schedule createSchedule(ScheduleDefinition definition) {
        checkRunnable(definition.template().spec());
        return call(() -> engine.schedules().create(definition, actor));
    }

    @Override
    public Schedule updateSchedule(long scheduleId, ScheduleDefinition definition) {
        checkRunnable(definition.template().spec());
        return call(() -> engine.schedules().update(scheduleId, definition, actor));
    }

    @Override
    public Schedule setScheduleEnabled(long scheduleId, boolean enabled) {
        return call(() -> engine.schedules().setEnabled(scheduleId, enabled, actor));
    }

    @Override
    public void deleteSchedule(long scheduleId) {
        run(() -> {
            if (!engine.schedules().delete(scheduleId, actor)) {
                throw notFound("schedule " + scheduleId);
            }
        });
    }

    @Override
    public Job runScheduleNow(long scheduleId) {
        return call(() -> requireJob(engine.schedules().runNow(scheduleId, actor)));
    }

    @Override
    public List<ZonedDateTime> upcomingFires(long scheduleId, int count) {
        checkCount(count);
        return call(() -> engine.schedules().upcoming(scheduleId, count));
    }

    @Override
    public List<ScheduleFire> scheduleFires(long scheduleId, int limit) {
        checkCount(limit);
        return call(() -> {
            schedule(scheduleId);
            return engine.schedules().fires(scheduleId, limit);
        });
    }

    @Override
    public CronPreview previewCron(String expression, CronSyntax syntax, ZoneId zone, int count) {
        checkCount(count);
        return call(() -> {
            CronSchedule cron = CronSchedule.parse(expression, syntax, zone);
            return new CronPreview(cron.description(), cron.nextFireTimes(engine.config().clock().instant(), count));
        });
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_PREVIEW) {
            throw new PatientGenException(ErrorKind.INVALID, "count must be between 1 and " + MAX_PREVIEW
                    + ", was " + count);
        }
    }

    // ---- workflows ----

    @Override
    public Workflow submitWorkflow(WorkflowDefinition definition) {
        definition.nodes().forEach(n -> checkRunnable(n.job().spec()));
        return call(() -> workflow(engine.workflows().submit(definition, actor)));
    }

    @Override
    public Workflow workflow(long workflowId) {
        return call(() -> engine.workflows().get(workflowId).orElseThrow(() -> notFound("workflow " + workflowId)));
    }

    @Override
    public List<Workflow> workflows(int limit) {
        return call(() -> engine.workflows().recent(limit));
    }

    @Override
    public Workflow cancelWorkflow(long workflowId, String reason) {
        return call(() -> {
            workflow(workflowId);
            engine.workflows().cancel(workflowId, actor, reason(reason));
            return workflow(workflowId);
        });
    }

    // ---- pool ----

    @Override
    public PoolStatus pool() {
        return call(() -> {
            ConnectionPool pool = engine.pool();
            List<PoolSettingsRevision> history = pool.history();
            long revision = history.isEmpty() ? 0 : history.get(0).revision();
            return new PoolStatus(pool.desired(), pool.running(), pool.pendingRestart(), revision, pool.limits(),
                    pool.dialect().productName(), Runtime.getRuntime().availableProcessors());
        });
    }

    @Override
    public List<SettingsProblem> validatePool(PoolSettingsDraft draft) {
        return engine.pool().validate(draft.toBuilder());
    }

    @Override
    public PoolChange applyPool(PoolSettings settings, String reason) {
        return call(() -> engine.pool().apply(settings, actor, reason(reason)));
    }

    @Override
    public PoolStatus restartPool(String reason) {
        run(() -> engine.pool().restart(actor, reason(reason)));
        return pool();
    }

    @Override
    public List<PoolSettingsRevision> poolHistory() {
        return call(() -> engine.pool().history());
    }

    @Override
    public PoolChange rollbackPool(long revision, String reason) {
        return call(() -> engine.pool().rollback(revision, actor, reason(reason)));
    }

    // ---- metrics ----

    @Override
    public MetricsSnapshot metrics() {
        return engine.metrics().snapshot();
    }

    @Override
    public List<MetricsSnapshot> metricsHistory(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new PatientGenException(ErrorKind.INVALID, "history window must be positive, e.g. PT5M");
        }
        return engine.metrics().history(window);
    }

    @Override
    public List<MetricSample> metricTrend(String metricName, Instant from, Instant to) {
        if (metricName == null || metricName.isBlank() || from == null || to == null || !from.isBefore(to)) {
            throw new PatientGenException(ErrorKind.INVALID, "a trend needs a metric name and a time range with"
                    + " 'from' before 'to'");
        }
        return call(() -> engine.metrics().trend(metricName, from, to));
    }

    // ---- runtime configuration and health ----

    @Override
    public EngineHealth health() {
        return engine.readiness().check();
    }

    @Override
    public RuntimeConfig config() {
        return engine.deployments().current();
    }

    @Override
    public List<ConfigRevision> configHistory() {
        return call(() -> engine.deployments().history());
    }

    @Override
    public ConfigDeployment applyConfig(RuntimeConfig config, String reason, Duration bakeTime, boolean restartPool) {
        return call(() -> engine.deployments().apply(config, actor, reason(reason), bakeTime, restartPool));
    }

    @Override
    public ConfigDeployment deployment(long revision) {
        return call(() -> engine.deployments().deployment(revision));
    }

    @Override
    public ConfigDeployment rollbackConfig(long revision, String reason, Duration bakeTime, boolean restartPool) {
        return call(() -> engine.deployments().rollback(revision, actor, reason(reason), bakeTime, restartPool));
    }

    // ---- events ----

    @Override
    public Subscription subscribe(Set<EventTopic> topics, Consumer<EngineEvent> listener) {
        return engine.events().subscribe(topics, listener);
    }
}
