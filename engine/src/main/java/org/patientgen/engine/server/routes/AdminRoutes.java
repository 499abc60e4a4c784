package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.id;
import static org.patientgen.engine.server.http.Params.invalid;
import static org.patientgen.engine.server.routes.ApiContext.store;

import org.patientgen.engine.server.AuditTrail;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/** The audit log and API tokens (admin only). */
final class AdminRoutes {
    private final ApiContext api;

    AdminRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/audit", Role.ADMIN, Doc.of("Audit", "Who changed what, when and from where; newest first")
                .query("actor", "string", "entries by this actor (token name or node)")
                .query("action", "string", "entries whose action starts with this, e.g. job. or pool.apply")
                .query("targetType", "string", "entries about this kind of thing: job, schedule, workflow, pool, token, node")
                .query("targetId", "string", "entries about this thing")
                .query("from", "date-time", "at or after (ISO-8601 instant)")
                .query("to", "date-time", "before (ISO-8601 instant)")
                .query("cursor", "string", "nextCursor of the previous page")
                .query("limit", "integer", "entries per page, 1-" + AuditTrail.MAX_LIMIT + ", default 100")
                .returns(Responses.AuditPage.class), (ctx, caller) -> {
                    AuditTrail.Query query;
                    try {
                        query = new AuditTrail.Query(Params.textQuery(ctx, "actor"), Params.textQuery(ctx, "action"),
                                Params.textQuery(ctx, "targetType"), Params.textQuery(ctx, "targetId"),
                                Params.instantQuery(ctx, "from"), Params.instantQuery(ctx, "to"),
                                Params.textQuery(ctx, "cursor"), Params.intQuery(ctx, "limit", 100, 1,
                                        AuditTrail.MAX_LIMIT));
                    } catch (IllegalArgumentException e) {
                        throw invalid(e.getMessage());
                    }
                    Replies.json(ctx, store(() -> api.audit().page(query)));
                });
        routes.get("/api/v1/tokens", Role.ADMIN, Doc.of("Tokens", "Every API token (never its secret), oldest first")
                .returnsList(Responses.Token.class), (ctx, caller) -> Replies.json(ctx, store(() -> api.tokens().list())));
        routes.post("/api/v1/tokens", Role.ADMIN, Doc.of("Tokens",
                "Create a token; the answer holds its secret, shown this once")
                .body(Requests.TokenCreate.class).returns(201, Responses.TokenCreated.class), (ctx, caller) -> {
                    Requests.TokenCreate body = api.bodies().required(ctx, Requests.TokenCreate.class,
                            "{\"name\": \"ci\", \"role\": \"OPERATOR\"}");
                    if (body.role() == null) {
                        throw invalid("field 'role' is required: VIEWER, OPERATOR or ADMIN");
                    }
                    Responses.TokenCreated created = store(() -> api.tokens().create(body.name(), body.role(),
                            caller.name()));
                    ctx.header("Cache-Control", "no-store");
                    Replies.created(ctx, "/api/v1/tokens/" + created.info().id(), created);
                });
        routes.delete("/api/v1/tokens/{id}", Role.ADMIN, Doc.of("Tokens", "Revoke a token (requests with it fail from now on)")
                .returns(Responses.Token.class), (ctx, caller) -> {
                    long id = id(ctx, "id");
                    Responses.Token revoked = store(() -> api.tokens().revoke(id, caller.name()));
                    api.authenticator().forget(id);
                    Replies.json(ctx, revoked);
                });
    }
}
