package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.invalid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.LogQuery;
import org.patientgen.engine.api.LogRecorded;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/** Health, server info, workers and logs. */
final class SystemRoutes {
    /** What the HTTP server adds to the engine's capabilities. */
    static final List<String> CAPABILITIES = List.of("rest", "batch", "websocket", "metrics", "logs", "audit", "tokens",
            "config", "graphql");

    private final ApiContext api;
    private final boolean tls;

    SystemRoutes(ApiContext api, boolean tls) {
        this.api = api;
        this.tls = tls;
    }

    void register(RouteTable routes) {
        routes.get("/health/live", null, Doc.of("Health", "The process answers (no authentication)")
                .returns(Responses.Live.class), (ctx, caller) -> Replies.json(ctx,
                        new Responses.Live("UP", api.engine().config().clock().instant())));
        routes.get("/health/ready", null, Doc.of("Health",
                "Ready for work: database reachable, pool not exhausted, workers alive; 503 with the reasons when not"
                        + " (no authentication)").returns(EngineHealth.class), (ctx, caller) -> {
                    EngineHealth health = api.engine().readiness().check();
                    Replies.json(ctx, health.ready() ? 200 : 503, health);
                });
        routes.get("/api/v1/info", Role.VIEWER, Doc.of("Server", "Version, build, node, region, uptime, capabilities;"
                + " and who is asking").returns(Responses.ServerInfo.class), (ctx, caller) -> {
                    List<String> capabilities = new ArrayList<>(api.engine().info().capabilities());
                    capabilities.addAll(CAPABILITIES);
                    long uptime = Duration.between(api.startedAt(), api.engine().config().clock().instant()).toSeconds();
                    Replies.json(ctx, new Responses.ServerInfo(api.engine().info(), uptime, tls, caller.name(),
                            caller.role(), capabilities));
                });
        routes.get("/api/v1/workers", Role.VIEWER, Doc.of("Server", "This node's shard workers")
                .returns(Responses.Workers.class), (ctx, caller) -> Replies.json(ctx, workers()));
        routes.put("/api/v1/workers", Role.ADMIN, Doc.of("Server", "Set how many shards this node runs at once (0 pauses)")
                .body(Requests.Workers.class).returns(Responses.Workers.class), (ctx, caller) -> {
                    Requests.Workers body = api.bodies().required(ctx, Requests.Workers.class, "{\"concurrency\": 4}");
                    if (body.concurrency() == null) {
                        throw invalid("field 'concurrency' is required: shards to run at once, 0 to pause");
                    }
                    int before = api.engine().workers().concurrency();
                    api.service(caller).setWorkerConcurrency(body.concurrency());
                    api.audit(caller, "workers.set", "node", api.engine().config().node(),
                            "concurrency " + before + " -> " + body.concurrency());
                    Replies.json(ctx, workers());
                });
        routes.get("/api/v1/logs", Role.VIEWER, Doc.of("Logs", "Recent log records of this server, oldest first")
                .query("level", "string", "this level or more severe: ERROR, WARN, INFO, DEBUG, TRACE")
                .query("logger", "string", "loggers whose name starts with this")
                .query("jobId", "integer", "records about this job")
                .query("text", "string", "records containing this text (case-insensitive)")
                .query("limit", "integer", "at most this many (the newest), default 200")
                .returnsList(LogRecorded.class), (ctx, caller) -> Replies.json(ctx, api.logs().query(logQuery(ctx))));
    }

    private Responses.Workers workers() {
        return new Responses.Workers(api.engine().workers().concurrency(), api.engine().workers().activeWorkers(),
                api.engine().workers().runningShards());
    }

    /** The query's filters; LogQuery checks them (a level it does not know is a 400 naming the five). */
    private static LogQuery logQuery(io.javalin.http.Context ctx) {
        try {
            return new LogQuery(Params.textQuery(ctx, "level"), Params.textQuery(ctx, "logger"), jobId(ctx),
                    Params.textQuery(ctx, "text"), Params.intQuery(ctx, "limit", LogQuery.DEFAULT_LIMIT, 1,
                            LogQuery.MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            throw invalid("query parameter 'level': " + e.getMessage()); // the limit is checked above
        }
    }

    private static Long jobId(io.javalin.http.Context ctx) {
        String raw = Params.textQuery(ctx, "jobId");
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid("query parameter 'jobId' must be a job id, was '" + raw + "'");
        }
    }
}
