package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.api.WorkflowEdge;

/** Small request bodies of the REST API. */
public final class Requests {
    private Requests() {
    }

    /** Why: for cancel, retry, pool restart (optional). */
    public record Reason(String reason) {
    }

    /** A job's new priority. */
    public record Priority(Integer priority) {
    }

    /** Worker concurrency of the node that answers. */
    public record Workers(Integer concurrency) {
    }

    /** Pool settings to apply, and why. */
    public record PoolApply(PoolSettings settings, String reason) {
    }

    /** A pool revision to restore, and why. */
    public record PoolRollback(Long revision, String reason) {
    }

    /**
     * A runtime configuration to deploy ({@code POST /api/v1/config}).
     *
     * @param config      the whole configuration (pool, workers, API limits), e.g. {@code GET /api/v1/config} edited
     * @param reason      why, for the history and the audit log
     * @param bakeTime    how long the health gate watches readiness and rolls back if it degrades
     *                    ({@code PT2M}); {@code null} or absent for no gate
     * @param restartPool whether to restart the pool at once when a pool change cannot be made live;
     *                    absent means {@code false} (the change waits for the next restart)
     */
    public record ConfigApply(RuntimeConfig config, String reason, Duration bakeTime, Boolean restartPool) {
    }

    /**
     * An earlier configuration revision to deploy again ({@code POST /api/v1/config/rollback}).
     *
     * @param revision    a revision of {@code GET /api/v1/config/history}
     * @param reason      why; absent: "roll back to revision N"
     * @param bakeTime    as for {@link ConfigApply}
     * @param restartPool as for {@link ConfigApply}
     */
    public record ConfigRollback(Long revision, String reason, Duration bakeTime, Boolean restartPool) {
    }

    /**
     * A GraphQL request ({@code POST /api/v2/graphql}), as the GraphQL-over-HTTP convention has it.
     *
     * @param query         the GraphQL document
     * @param operationName which operation of the document to run; {@code null} when it has one
     * @param variables     variable values by name; {@code null} for none
     */
    public record GraphQl(String query, String operationName, Map<String, Object> variables) {
    }

    /** A new API token's name and role. */
    public record TokenCreate(String name, Role role) {
    }

    /**
     * A schedule as created or replaced over HTTP; like {@code ScheduleDefinition} but with a
     * {@link JobRequest} template (its owner is the caller). {@code syntax} defaults to UNIX,
     * {@code timeZone} to UTC, {@code misfirePolicy} to RUN_ONCE, {@code enabled} to true,
     * {@code population} to SAME_EACH_FIRE.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String name, String cronExpression, CronSyntax syntax, ZoneId timeZone,
                           MisfirePolicy misfirePolicy, JobRequest template, Boolean enabled,
                           PopulationPolicy population) {
    }

    /** A workflow as submitted over HTTP: nodes carry {@link JobRequest}s. */
    public record Workflow(String name, List<WorkflowNode> nodes, List<WorkflowEdge> edges) {
    }

    /** One node of a {@link Workflow}. */
    public record WorkflowNode(String name, JobRequest job) {
    }

    /** Enable or disable a schedule. */
    public record Enabled(Boolean enabled) {
    }
}
