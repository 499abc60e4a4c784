package org.patientgen.engine.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
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
import org.patientgen.engine.client.internal.Backoff;
import org.patientgen.engine.client.internal.Batches;
import org.patientgen.engine.client.internal.CertificateProbe;
import org.patientgen.engine.client.internal.ConnectionMonitor;
import org.patientgen.engine.client.internal.EventStream;
import org.patientgen.engine.client.internal.HttpApi;
import org.patientgen.engine.client.internal.HttpApi.Retry;
import org.patientgen.engine.wire.BatchRequest;
import org.patientgen.engine.wire.BatchResponse;
import org.patientgen.engine.wire.JobRequest;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.WireJson;

/**
 * The {@link PatientGenService} of a remote PatientGen server, over its REST API and event
 * WebSocket, so the console treats local and remote engines alike.
 *
 * <pre>{@code
 * try (RemoteService remote = RemoteService.builder("https://10.0.0.5:8443")
 *         .token(token)
 *         .pinnedCertificate("1C:5B:E6:…:67:77")   // printed by 'patientgen serve --self-signed'
 *         .build()) {
 *     ServerProbe probe = remote.testConnection(); // version, latency, the token's role
 *     Job job = remote.submit(submission);
 * }
 * }</pre>
 *
 * <p>Each method calls the route of the same name (see {@code docs/server.md}) and returns the same
 * {@code api} records the local engine does. Calls act as the token's name: the server replaces
 * the owner of submitted jobs and templates with it. Failures are {@link PatientGenException}s of
 * the kind the local engine throws (from the server's problem documents); an unreachable server is
 * {@link ErrorKind#UNAVAILABLE} with a message naming it and what to check. Reads and repeatable
 * writes are retried on connection failures, 503 and 429 (bounded); submits and other
 * state-changing calls are sent exactly once. {@link #connectionStatus()} and
 * {@link #addConnectionListener} tell whether the server is reachable.
 *
 * <p>Thread-safe; calls block on I/O, so a UI makes them off its UI thread. {@link #close()} ends
 * subscriptions and the client's threads. The token never appears in {@link #toString()}, logs or
 * messages.
 */
public final class RemoteService implements PatientGenService, AutoCloseable {
    private static final TypeFactory TYPES = WireJson.mapper().getTypeFactory();

    private final URI server;
    private final String pinned;
    private final OkHttpClient http;
    private final OkHttpClient events;
    private final HttpApi api;
    private final ConnectionMonitor monitor;
    private final ScheduledExecutorService scheduler;
    private final Backoff reconnect;
    private final int eventBuffer;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Made by {@link RemoteServiceBuilder#build()}. */
    RemoteService(URI server, String pinned, OkHttpClient http, OkHttpClient events, HttpApi api,
                  ConnectionMonitor monitor, ScheduledExecutorService scheduler, Backoff reconnect, int eventBuffer) {
        this.server = server;
        this.pinned = pinned;
        this.http = http;
        this.events = events;
        this.api = api;
        this.monitor = monitor;
        this.scheduler = scheduler;
        this.reconnect = reconnect;
        this.eventBuffer = eventBuffer;
        // A lost event stream usually means the server went away: its pooled HTTP connections are dead
        // too, and OkHttp only re-checks pooled connections idle for over 10 s before reusing one. Dropping
        // them spares the next submit (which is never retried) a stale connection.
        monitor.addListener(status -> {
            if (status.state() == ConnectionState.RECONNECTING) {
                http.connectionPool().evictAll();
            }
        });
    }

    /** Starts configuring a client of the server at {@code baseUrl} ({@code http://…} or {@code https://…}). */
    public static RemoteServiceBuilder builder(String baseUrl) {
        return new RemoteServiceBuilder(baseUrl);
    }

    /**
     * Reads the certificate the server at {@code url} presents, without trusting it or sending
     * anything (no token): for "trust on first use", show {@link ServerCertificate#fingerprint()}
     * and pin it once the user confirmed it matches what the server printed.
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} for a URL that is not https,
     *                             {@link ErrorKind#UNAVAILABLE} if the server cannot be reached
     */
    public static ServerCertificate probeCertificate(String url) {
        return probeCertificate(url, Duration.ofSeconds(10));
    }

    /** {@link #probeCertificate(String)} with a connect and handshake timeout. */
    public static ServerCertificate probeCertificate(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url").strip());
        } catch (IllegalArgumentException e) {
            throw new PatientGenException(ErrorKind.INVALID, "not a URL; expected e.g. https://127.0.0.1:8443");
        }
        return CertificateProbe.probe(uri, timeout);
    }

    /**
     * Calls the server once (no retries) as the token: what the console's "Test connection" shows.
     *
     * @throws PatientGenException UNAUTHENTICATED for a bad token, UNAVAILABLE when unreachable or
     *                             when TLS refuses the server (the message says why)
     */
    public ServerProbe testConnection() {
        HttpUrl url = api.url("api/v1/info").build();
        HttpApi.Answer answer = api.exchange("GET", url, null, Retry.NEVER, Set.of());
        Responses.ServerInfo info = api.decode("GET", url, answer, type(Responses.ServerInfo.class));
        return new ServerProbe(server, info.engine(), info.uptimeSeconds(), info.tls(), info.caller(), info.role(),
                info.capabilities(), answer.elapsed());
    }

    /** Whether the server is reachable now, as far as the last call or event stream saw. */
    public ConnectionStatus connectionStatus() {
        return monitor.status();
    }

    /** Tells {@code listener} the current status, then every change; close the handle to stop. */
    public Subscription addConnectionListener(ConnectionListener listener) {
        return monitor.addListener(listener);
    }

    /** The server's base URL (without user info). */
    public URI server() {
        return server;
    }

    // ---- engine ----

    @Override
    public EngineInfo info() {
        return get(url("api/v1/info"), type(Responses.ServerInfo.class), Responses.ServerInfo::engine);
    }

    @Override
    public int workerConcurrency() {
        return get(url("api/v1/workers"), type(Responses.Workers.class), Responses.Workers::concurrency);
    }

    @Override
    public void setWorkerConcurrency(int workers) {
        api.send("PUT", url("api/v1/workers"), new Requests.Workers(workers), Retry.IDEMPOTENT, null);
    }

    // ---- jobs ----

    @Override
    public Job submit(JobSubmission submission) {
        return api.send("POST", url("api/v1/jobs"), JobRequest.of(submission), Retry.NEVER, type(Job.class));
    }

    @Override
    public List<BatchItemResult> submitAll(List<JobSubmission> submissions) {
        return batch(submissions, chunk -> BatchRequest.submit(chunk.stream().map(JobRequest::of).toList()));
    }

    @Override
    public Job job(long jobId) {
        return api.get(job(jobId, ""), type(Job.class));
    }

    @Override
    public JobPage jobs(JobQuery query) {
        HttpUrl.Builder url = api.url("api/v1/jobs");
        query.states().stream().map(JobState::name).sorted().forEach(s -> url.addQueryParameter("state", s));
        query.labels().forEach((k, v) -> url.addQueryParameter("label", k + "=" + v));
        addIfPresent(url, "owner", query.owner());
        addIfPresent(url, "from", query.submittedFrom());
        addIfPresent(url, "to", query.submittedTo());
        addIfPresent(url, "cursor", query.cursor());
        url.addQueryParameter("limit", Integer.toString(query.limit()));
        return api.get(url.build(), type(JobPage.class));
    }

    @Override
    public JobProgress progress(long jobId) {
        return api.get(job(jobId, "/progress"), type(JobProgress.class));
    }

    @Override
    public List<Shard> shards(long jobId) {
        return api.get(job(jobId, "/shards"), listOf(Shard.class));
    }

    @Override
    public List<JobTransition> transitions(long jobId) {
        return api.get(job(jobId, "/transitions"), listOf(JobTransition.class));
    }

    @Override
    public List<ShardFailure> failures(long jobId) {
        return api.get(job(jobId, "/failures"), listOf(ShardFailure.class));
    }

    @Override
    public String manifest(long jobId) {
        return api.exchange("GET", job(jobId, "/manifest"), null, Retry.IDEMPOTENT, Set.of()).body();
    }

    @Override
    public Job cancel(long jobId, String reason) {
        return api.send("POST", job(jobId, "/cancel"), new Requests.Reason(reason), Retry.NEVER, type(Job.class));
    }

    @Override
    public List<BatchItemResult> cancelAll(List<Long> jobIds, String reason) {
        return batch(jobIds, chunk -> BatchRequest.of(BatchRequest.Action.CANCEL, chunk, reason, null));
    }

    @Override
    public Job retry(long jobId, String reason) {
        return api.send("POST", job(jobId, "/retry"), new Requests.Reason(reason), Retry.NEVER, type(Job.class));
    }

    @Override
    public List<BatchItemResult> retryAll(List<Long> jobIds, String reason) {
        return batch(jobIds, chunk -> BatchRequest.of(BatchRequest.Action.RETRY, chunk, reason, null));
    }

    @Override
    public Job rerun(long jobId) {
        return api.send("POST", job(jobId, "/rerun"), null, Retry.NEVER, type(Job.class));
    }

    @Override
    public Job reprioritise(long jobId, int priority) {
        return api.send("PUT", job(jobId, "/priority"), new Requests.Priority(priority), Retry.IDEMPOTENT,
                type(Job.class));
    }

    @Override
    public List<BatchItemResult> reprioritiseAll(List<Long> jobIds, int priority) {
        return batch(jobIds, chunk -> BatchRequest.of(BatchRequest.Action.REPRIORITISE, chunk, null, priority));
    }

    // ---- schedules ----

    @Override
    public List<Schedule> schedules() {
        return api.get(url("api/v1/schedules"), listOf(Schedule.class));
    }

    @Override
    public Schedule schedule(long scheduleId) {
        return api.get(schedule(scheduleId, ""), type(Schedule.class));
    }

    @Override
    public Schedule createSchedule(ScheduleDefinition definition) {
        return api.send("POST", url("api/v1/schedules"), scheduleBody(definition), Retry.NEVER, type(Schedule.class));
    }

    @Override
    public Schedule updateSchedule(long scheduleId, ScheduleDefinition definition) {
        return api.send("PUT", schedule(scheduleId, ""), scheduleBody(definition), Retry.IDEMPOTENT,
                type(Schedule.class));
    }

    @Override
    public Schedule setScheduleEnabled(long scheduleId, boolean enabled) {
        return api.send("PUT", schedule(scheduleId, "/enabled"), new Requests.Enabled(enabled), Retry.IDEMPOTENT,
                type(Schedule.class));
    }

    /** Sent once: a repeated DELETE would answer 404 for a schedule the first one deleted. */
    @Override
    public void deleteSchedule(long scheduleId) {
        api.send("DELETE", schedule(scheduleId, ""), null, Retry.NEVER, null);
    }

    @Override
    public Job runScheduleNow(long scheduleId) {
        return api.send("POST", schedule(scheduleId, "/run"), null, Retry.NEVER, type(Job.class));
    }

    @Override
    public List<ZonedDateTime> upcomingFires(long scheduleId, int count) {
        return api.get(schedule(scheduleId, "/upcoming").newBuilder().addQueryParameter("count",
                Integer.toString(count)).build(), listOf(ZonedDateTime.class));
    }

    @Override
    public List<ScheduleFire> scheduleFires(long scheduleId, int limit) {
        return api.get(schedule(scheduleId, "/fires").newBuilder().addQueryParameter("limit",
                Integer.toString(limit)).build(), listOf(ScheduleFire.class));
    }

    @Override
    public CronPreview previewCron(String expression, CronSyntax syntax, ZoneId zone, int count) {
        HttpUrl.Builder url = api.url("api/v1/cron/preview").addQueryParameter("expression", expression)
                .addQueryParameter("count", Integer.toString(count));
        addIfPresent(url, "syntax", syntax == null ? null : syntax.name());
        addIfPresent(url, "zone", zone == null ? null : zone.getId());
        return api.get(url.build(), type(CronPreview.class));
    }

    // ---- workflows ----

    @Override
    public Workflow submitWorkflow(WorkflowDefinition definition) {
        Requests.Workflow body = new Requests.Workflow(definition.name(), definition.nodes().stream()
                .map(n -> new Requests.WorkflowNode(n.name(), JobRequest.of(n.job()))).toList(), definition.edges());
        return api.send("POST", url("api/v1/workflows"), body, Retry.NEVER, type(Workflow.class));
    }

    @Override
    public Workflow workflow(long workflowId) {
        return api.get(url("api/v1/workflows/" + workflowId), type(Workflow.class));
    }

    @Override
    public List<Workflow> workflows(int limit) {
        return api.get(api.url("api/v1/workflows").addQueryParameter("limit", Integer.toString(limit)).build(),
                listOf(Workflow.class));
    }

    @Override
    public Workflow cancelWorkflow(long workflowId, String reason) {
        return api.send("POST", url("api/v1/workflows/" + workflowId + "/cancel"), new Requests.Reason(reason),
                Retry.NEVER, type(Workflow.class));
    }

    // ---- connection pool ----

    @Override
    public PoolStatus pool() {
        return api.get(url("api/v1/pool"), type(PoolStatus.class));
    }

    /** A POST that changes nothing on the server, so it is retried like a read. */
    @Override
    public List<SettingsProblem> validatePool(PoolSettingsDraft draft) {
        Responses.PoolValidation validation = api.send("POST", url("api/v1/pool/validate"), draft, Retry.IDEMPOTENT,
                type(Responses.PoolValidation.class));
        return validation.problems();
    }

    /** Sent once: every apply writes a new revision. */
    @Override
    public PoolChange applyPool(PoolSettings settings, String reason) {
        return api.send("PUT", url("api/v1/pool"), new Requests.PoolApply(settings, reason), Retry.NEVER,
                type(PoolChange.class));
    }

    @Override
    public PoolStatus restartPool(String reason) {
        return api.send("POST", url("api/v1/pool/restart"), new Requests.Reason(reason), Retry.NEVER,
                type(PoolStatus.class));
    }

    @Override
    public List<PoolSettingsRevision> poolHistory() {
        return api.get(url("api/v1/pool/history"), listOf(PoolSettingsRevision.class));
    }

    @Override
    public PoolChange rollbackPool(long revision, String reason) {
        return api.send("POST", url("api/v1/pool/rollback"), new Requests.PoolRollback(revision, reason), Retry.NEVER,
                type(PoolChange.class));
    }

    // ---- metrics ----

    @Override
    public MetricsSnapshot metrics() {
        return api.get(url("api/v1/metrics"), type(MetricsSnapshot.class));
    }

    @Override
    public List<MetricsSnapshot> metricsHistory(Duration window) {
        return api.get(api.url("api/v1/metrics/history").addQueryParameter("window", window.toString()).build(),
                listOf(MetricsSnapshot.class));
    }

    @Override
    public List<MetricSample> metricTrend(String metricName, Instant from, Instant to) {
        return api.get(api.url("api/v1/metrics/trend").addQueryParameter("name", metricName)
                .addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString()).build(),
                listOf(MetricSample.class));
    }

    // ---- logs ----

    @Override
    public List<LogRecorded> logs(LogQuery query) {
        HttpUrl.Builder url = api.url("api/v1/logs");
        addIfPresent(url, "level", query.level());
        addIfPresent(url, "logger", query.logger());
        addIfPresent(url, "jobId", query.jobId());
        addIfPresent(url, "text", query.text());
        url.addQueryParameter("limit", Integer.toString(query.limit()));
        return api.get(url.build(), listOf(LogRecorded.class));
    }

    // ---- runtime configuration and health ----

    /** {@code /health/ready}, whose 503 answer is the health too (not ready), not an error. */
    @Override
    public EngineHealth health() {
        HttpUrl url = url("health/ready");
        return api.decode("GET", url, api.exchange("GET", url, null, Retry.IDEMPOTENT, Set.of(503)),
                type(EngineHealth.class));
    }

    @Override
    public RuntimeConfig config() {
        return api.get(url("api/v1/config"), type(RuntimeConfig.class));
    }

    @Override
    public List<ConfigRevision> configHistory() {
        return api.get(url("api/v1/config/history"), listOf(ConfigRevision.class));
    }

    @Override
    public ConfigDeployment applyConfig(RuntimeConfig config, String reason, Duration bakeTime, boolean restartPool) {
        return api.send("POST", url("api/v1/config"), new Requests.ConfigApply(config, reason, bakeTime,
                restartPool), Retry.NEVER, type(ConfigDeployment.class));
    }

    @Override
    public ConfigDeployment deployment(long revision) {
        return api.get(url("api/v1/config/deployments/" + revision), type(ConfigDeployment.class));
    }

    @Override
    public ConfigDeployment rollbackConfig(long revision, String reason, Duration bakeTime, boolean restartPool) {
        return api.send("POST", url("api/v1/config/rollback"), new Requests.ConfigRollback(revision, reason,
                bakeTime, restartPool), Retry.NEVER, type(ConfigDeployment.class));
    }

    // ---- events ----

    /**
     * Subscribes over the WebSocket {@code /api/v1/events}; returns at once and connects in the
     * background. Events arrive on a thread of this subscription, in the server's order; after a lost
     * connection the subscription reconnects with backoff and subscribes again (events in between
     * are lost: re-read state when {@link #connectionStatus()} is {@link ConnectionState#CONNECTED}
     * again, or {@link RemoteSubscription#subscribed()} is). Job, progress, config and log events carry
     * the engine's sequence numbers;
     * {@link org.patientgen.engine.api.MetricsSampled} ones the connection's message number.
     */
    @Override
    public RemoteSubscription subscribe(Set<EventTopic> topics, Consumer<EngineEvent> listener) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "this client of " + api.server() + " was closed");
        }
        EventStream stream = new EventStream(events, api.upgrade("api/v1/events"), topics, listener,
                reconnect, scheduler, monitor, api.server(), eventBuffer, streams::remove);
        streams.add(stream);
        return stream.start();
    }

    /** Closes every subscription, stops reconnecting and releases the client's threads and connections. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List.copyOf(streams).forEach(EventStream::close);
        api.close();
        monitor.closed();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "RemoteService[" + api.server() + (pinned == null ? "" : ", pinned certificate " + pinned) + ", "
                + monitor.status().state() + "]";
    }

    // ---- helpers ----

    private <T, R> R get(HttpUrl url, JavaType type, Function<T, R> field) {
        T value = api.get(url, type);
        return field.apply(value);
    }

    private <T> List<BatchItemResult> batch(List<T> items, Function<List<T>, BatchRequest> request) {
        return Batches.send(items, request, body -> api.send("POST", url("api/v1/jobs/batch"), body, Retry.NEVER,
                type(BatchResponse.class)));
    }

    private static Requests.Schedule scheduleBody(ScheduleDefinition d) {
        return new Requests.Schedule(d.name(), d.cronExpression(), d.syntax(), d.timeZone(), d.misfirePolicy(),
                JobRequest.of(d.template()), d.enabled(), d.population());
    }

    private HttpUrl url(String path) {
        return api.url(path).build();
    }

    private HttpUrl job(long jobId, String suffix) {
        return url("api/v1/jobs/" + jobId + suffix);
    }

    private HttpUrl schedule(long scheduleId, String suffix) {
        return url("api/v1/schedules/" + scheduleId + suffix);
    }

    private static void addIfPresent(HttpUrl.Builder url, String name, Object value) {
        if (value != null) {
            url.addQueryParameter(name, value.toString());
        }
    }

    private static JavaType type(Class<?> type) {
        return TYPES.constructType(type);
    }

    private static JavaType listOf(Class<?> element) {
        return TYPES.constructCollectionType(List.class, element);
    }

    /** For tests: the live subscriptions. */
    int openSubscriptions() {
        return streams.size();
    }
}
