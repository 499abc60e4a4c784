package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.invalid;

import java.util.List;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/** {@code /api/v1/pool}: the connection pool's settings, validated, applied, restarted, rolled back. */
final class PoolRoutes {
    private static final String TAG = "Pool";

    private final ApiContext api;

    PoolRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/pool", Role.VIEWER, Doc.of(TAG, "The pool's settings: desired, running, awaiting restart")
                .returns(PoolStatus.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).pool()));
        routes.post("/api/v1/pool/validate", Role.VIEWER, Doc.of(TAG,
                "Check a settings draft against HikariCP's and the database's rules (changes nothing)")
                .body(PoolSettingsDraft.class).returns(Responses.PoolValidation.class), (ctx, caller) -> {
                    PoolSettingsDraft draft = api.bodies().required(ctx, PoolSettingsDraft.class,
                            "the 'desired' object of GET /api/v1/pool, edited");
                    List<SettingsProblem> problems = api.service(caller).validatePool(draft);
                    Replies.json(ctx, new Responses.PoolValidation(problems.isEmpty(), problems));
                });
        routes.put("/api/v1/pool", Role.ADMIN, Doc.of(TAG,
                "Apply settings: live where HikariCP allows, the rest staged for a restart")
                .body(Requests.PoolApply.class).returns(PoolChange.class), (ctx, caller) -> {
                    Requests.PoolApply body = api.bodies().required(ctx, Requests.PoolApply.class,
                            "{\"settings\": {…}, \"reason\": \"why\"}");
                    if (body.settings() == null) {
                        throw invalid("field 'settings' is required: the complete settings, e.g. the 'desired' object"
                                + " of GET /api/v1/pool with your changes");
                    }
                    Replies.json(ctx, api.service(caller).applyPool(body.settings(), body.reason()));
                });
        routes.post("/api/v1/pool/restart", Role.ADMIN, Doc.of(TAG,
                "Restart the pool so staged settings take effect (work in flight finishes)")
                .optionalBody(Requests.Reason.class).returns(PoolStatus.class), (ctx, caller) -> {
                    Requests.Reason body = api.bodies().optional(ctx, Requests.Reason.class);
                    Replies.json(ctx, api.service(caller).restartPool(body == null ? "" : body.reason()));
                });
        routes.get("/api/v1/pool/history", Role.VIEWER, Doc.of(TAG, "Every applied revision, newest first")
                .returnsList(PoolSettingsRevision.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).poolHistory()));
        routes.post("/api/v1/pool/rollback", Role.ADMIN, Doc.of(TAG,
                "Apply an earlier revision's settings again, as a new revision")
                .body(Requests.PoolRollback.class).returns(PoolChange.class), (ctx, caller) -> {
                    Requests.PoolRollback body = api.bodies().required(ctx, Requests.PoolRollback.class,
                            "{\"revision\": 1, \"reason\": \"why\"}");
                    if (body.revision() == null) {
                        throw invalid("field 'revision' is required: a revision number from GET /api/v1/pool/history");
                    }
                    Replies.json(ctx, api.service(caller).rollbackPool(body.revision(), body.reason()));
                });
    }

}
