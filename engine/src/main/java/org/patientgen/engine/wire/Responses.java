package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.SettingsProblem;

/** Response bodies of the REST API that are not {@code api} records. */
public final class Responses {
    private Responses() {
    }

    /**
     * Who answers and who asks.
     *
     * @param engine        the engine's version, node, database and capabilities
     * @param uptimeSeconds seconds since the server started
     * @param tls           whether the server speaks HTTPS
     * @param caller        the calling token's name
     * @param role          the calling token's role
     * @param capabilities  what the server offers over HTTP (e.g. {@code rest}, {@code websocket}, {@code metrics})
     */
    public record ServerInfo(EngineInfo engine, long uptimeSeconds, boolean tls, String caller, Role role,
                             List<String> capabilities) {
    }

    /**
     * An API token, without its secret.
     *
     * @param id         stable identifier
     * @param name       who or what uses it; the owner of the jobs it submits
     * @param role       what it may do
     * @param createdAt  when it was created
     * @param createdBy  who created it
     * @param lastUsedAt last accepted request (updated at most once a minute), or {@code null}
     * @param revokedAt  when it was revoked, or {@code null} while valid
     * @param revokedBy  who revoked it, or {@code null}
     */
    public record Token(long id, String name, Role role, Instant createdAt, String createdBy, Instant lastUsedAt,
                        Instant revokedAt, String revokedBy) {
        /** Whether it is still accepted. */
        public boolean active() {
            return revokedAt == null;
        }
    }

    /**
     * A new token: the secret, shown this once, and its description.
     *
     * @param token the bearer token; it is stored only as a hash and cannot be shown again
     * @param info  its description
     */
    public record TokenCreated(String token, Token info) {
        @Override
        public String toString() {
            return "TokenCreated[token=***, info=" + info + "]";
        }
    }

    /**
     * The answer of {@code /health/live}: the process serves HTTP. Readiness ({@code /health/ready})
     * answers the engine's {@link org.patientgen.engine.api.EngineHealth}.
     *
     * @param status always {@code UP}
     * @param at     when it answered
     */
    public record Live(String status, Instant at) {
    }

    /**
     * Whether a pool settings draft can be applied.
     *
     * @param valid    no problems
     * @param problems every problem, in field order
     */
    public record PoolValidation(boolean valid, List<SettingsProblem> problems) {
    }

    /**
     * The node's shard workers.
     *
     * @param concurrency   shards the node runs at once (0 = paused)
     * @param active        worker threads alive (surplus ones stop after their current shard)
     * @param runningShards shards running now
     */
    public record Workers(int concurrency, int active, int runningShards) {
    }

    /**
     * One audit log entry.
     *
     * @param id            increasing identifier
     * @param at            when
     * @param actor         who: a token name, or a node for automatic actions
     * @param action        what, e.g. {@code job.cancel}
     * @param targetType    what kind of thing
     * @param targetId      which one
     * @param details       the change (before/after where the action has them)
     * @param remoteAddress the client address of the HTTP call, or {@code null} for changes made in
     *                      process (CLI, schedules, workers)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String targetId,
                             String details, String remoteAddress) {
    }

    /**
     * One page of the audit log, newest first.
     *
     * @param entries    the entries
     * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
     */
    public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    }

    /**
     * A GraphQL answer ({@code POST /api/v2/graphql}), always HTTP 200 once the request body could be
     * read: {@code data} holds what the query selected, {@code errors} what went wrong (each with
     * {@code message}, {@code locations}, {@code path} and, for service failures,
     * {@code extensions.kind} and {@code extensions.status}). Absent members are left out.
     *
     * @param data       the selected data; absent when the document could not run, {@code null} when
     *                   a failure nulled it
     * @param errors     GraphQL errors; absent when there were none
     * @param extensions extra information; normally absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GraphQlResult(JsonNode data, List<JsonNode> errors, JsonNode extensions) {
    }

    /**
     * The HTTP server's headline figures ({@code GET /api/v1/metrics/http}); the engine's own are
     * {@link org.patientgen.engine.api.MetricsSnapshot} ({@code GET /api/v1/metrics}).
     *
     * @param at                when they were read
     * @param requestsTotal     requests answered since the server started (every route, health
     *                          checks and scrapes included), count
     * @param requestsPerSecond requests answered per second over the last minute (since the start
     *                          while the server is younger), requests/s
     * @param latencyP50Millis  median time to answer a request, over a rolling window of about a
     *                          minute, milliseconds; 0 when there was no request in it
     * @param latencyP95Millis  95th percentile of the same, milliseconds
     * @param latencyP99Millis  99th percentile of the same, milliseconds
     * @param serverErrorsTotal answers with a 5xx status since the server started, count
     * @param eventSessions     WebSocket event sessions open now, count
     */
    public record HttpMetrics(Instant at, long requestsTotal, double requestsPerSecond, double latencyP50Millis,
                              double latencyP95Millis, double latencyP99Millis, long serverErrorsTotal,
                              int eventSessions) {
    }
}
