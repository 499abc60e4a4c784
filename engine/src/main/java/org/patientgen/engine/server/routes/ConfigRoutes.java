package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.invalid;

import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Role;

/**
 * {@code /api/v1/config}: the server's whole runtime configuration (pool, workers, API limits),
 * versioned, deployed with an optional health gate that rolls back by itself, and rolled back by
 * hand. The revisions and their audit entries are the engine's; this only maps HTTP onto them.
 */
final class ConfigRoutes {
    private static final String TAG = "Config";

    private final ApiContext api;

    ConfigRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/config", Role.VIEWER, Doc.of(TAG, "The runtime configuration running now")
                .returns(RuntimeConfig.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).config()));
        routes.get("/api/v1/config/history", Role.VIEWER, Doc.of(TAG, "Every applied configuration revision, newest first")
                .returnsList(ConfigRevision.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).configHistory()));
        routes.post("/api/v1/config", Role.ADMIN, Doc.of(TAG,
                "Deploy a configuration as a new revision; with a bakeTime the health gate watches readiness and"
                        + " restores the previous revision if it degrades (poll the deployment)")
                .body(Requests.ConfigApply.class).returns(ConfigDeployment.class), (ctx, caller) -> {
                    Requests.ConfigApply body = api.bodies().required(ctx, Requests.ConfigApply.class,
                            "{\"config\": {…GET /api/v1/config, edited…}, \"reason\": \"why\", \"bakeTime\": \"PT2M\"}");
                    if (body.config() == null) {
                        throw invalid("field 'config' is required: the whole configuration, e.g. the answer of"
                                + " GET /api/v1/config with your changes");
                    }
                    Replies.json(ctx, api.service(caller).applyConfig(body.config(), body.reason(), body.bakeTime(),
                            Boolean.TRUE.equals(body.restartPool())));
                });
        routes.get("/api/v1/config/deployments/{revision}", Role.VIEWER, Doc.of(TAG,
                "A deployment of this server's lifetime and what its health gate decided (BAKING until settled)")
                .returns(ConfigDeployment.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).deployment(Params.id(ctx, "revision"))));
        routes.post("/api/v1/config/rollback", Role.ADMIN, Doc.of(TAG,
                "Deploy an earlier revision's configuration again, as a new revision (optionally gated)")
                .body(Requests.ConfigRollback.class).returns(ConfigDeployment.class), (ctx, caller) -> {
                    Requests.ConfigRollback body = api.bodies().required(ctx, Requests.ConfigRollback.class,
                            "{\"revision\": 1, \"reason\": \"why\"}");
                    if (body.revision() == null) {
                        throw invalid("field 'revision' is required: a revision number from GET /api/v1/config/history");
                    }
                    Replies.json(ctx, api.service(caller).rollbackConfig(body.revision(), body.reason(), body.bakeTime(),
                            Boolean.TRUE.equals(body.restartPool())));
                });
    }
}
