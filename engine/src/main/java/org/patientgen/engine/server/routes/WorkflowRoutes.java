package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.id;
import static org.patientgen.engine.server.http.Params.invalid;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Role;

/** {@code /api/v1/workflows}: submit a DAG of jobs, list, inspect, cancel. */
final class WorkflowRoutes {
    private static final String TAG = "Workflows";
    private static final String EXAMPLE = "{\"name\": \"pair\", \"nodes\": [{\"name\": \"a\", \"job\": {\"population\": 10}},"
            + " {\"name\": \"b\", \"job\": {\"population\": 10}}], \"edges\": [{\"upstream\": \"a\", \"downstream\": \"b\","
            + " \"onUpstreamFailure\": \"SKIP\"}]}";

    private final ApiContext api;

    WorkflowRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/workflows", Role.VIEWER, Doc.of(TAG, "The most recent workflows, newest first")
                .query("limit", "integer", "how many, 1-500, default 50").returnsList(Workflow.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).workflows(Params.intQuery(ctx, "limit", 50, 1, 500))));
        routes.post("/api/v1/workflows", Role.OPERATOR, Doc.of(TAG, "Submit a workflow (jobs with dependencies)")
                .body(Requests.Workflow.class).returns(201, Workflow.class), (ctx, caller) -> {
                    Workflow w = api.service(caller).submitWorkflow(definition(ctx, caller));
                    Replies.created(ctx, "/api/v1/workflows/" + w.id(), w);
                });
        routes.get("/api/v1/workflows/{id}", Role.VIEWER, Doc.of(TAG, "A workflow with its jobs' states")
                .returns(Workflow.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).workflow(id(ctx, "id"))));
        routes.post("/api/v1/workflows/{id}/cancel", Role.OPERATOR, Doc.of(TAG, "Cancel a workflow's unfinished jobs")
                .optionalBody(Requests.Reason.class).returns(Workflow.class), (ctx, caller) -> {
                    Requests.Reason body = api.bodies().optional(ctx, Requests.Reason.class);
                    long id = id(ctx, "id");
                    Workflow w = api.service(caller).cancelWorkflow(id, body == null ? "" : body.reason());
                    api.audit(caller, "workflow.cancel", "workflow", Long.toString(id),
                            body == null || body.reason() == null ? "" : body.reason());
                    Replies.json(ctx, w);
                });
    }


    private WorkflowDefinition definition(Context ctx, Caller caller) {
        Requests.Workflow r = api.bodies().required(ctx, Requests.Workflow.class, EXAMPLE);
        if (r.name() == null || r.nodes() == null) {
            throw invalid("fields 'name' and 'nodes' are required, e.g. " + EXAMPLE);
        }
        Path base = api.jobRequests().dataDirectory().resolve("workflows").resolve(api.jobRequests()
                .generatedName("workflow"));
        List<WorkflowNode> nodes = new ArrayList<>();
        try {
            for (Requests.WorkflowNode n : r.nodes()) {
                if (n == null || n.name() == null || n.job() == null) {
                    throw invalid("every node needs a 'name' and a 'job', e.g. {\"name\": \"a\", \"job\": {\"population\": 10}}");
                }
                String dir = n.name().replaceAll("[^A-Za-z0-9._-]", "_");
                nodes.add(new WorkflowNode(n.name(), api.jobRequests().submission(n.job(), caller.name(),
                        () -> base.resolve(dir))));
            }
            List<WorkflowEdge> edges = r.edges() == null ? List.of() : r.edges();
            return new WorkflowDefinition(r.name(), nodes, edges);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
    }
}
