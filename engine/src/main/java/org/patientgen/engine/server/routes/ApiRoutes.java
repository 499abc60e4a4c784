package org.patientgen.engine.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.server.openapi.OpenApiDocument;
import org.patientgen.engine.wire.Role;
import org.patientgen.engine.wire.WireJson;

/** Registers every route family (REST v1, GraphQL v2), and the OpenAPI document that describes them. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /** Registers all routes on {@code routes}. */
    public static void register(RouteTable routes, ApiContext api, boolean tls, String version) {
        new SystemRoutes(api, tls).register(routes);
        new JobRoutes(api).register(routes);
        new ScheduleRoutes(api).register(routes);
        new WorkflowRoutes(api).register(routes);
        new PoolRoutes(api).register(routes);
        new ConfigRoutes(api).register(routes);
        new MetricsRoutes(api).register(routes);
        new AdminRoutes(api).register(routes);
        new GraphQlRoutes(api).register(routes);
        AtomicReference<String> document = new AtomicReference<>();
        routes.get("/api/v1/openapi.json", Role.VIEWER, Doc.of("Server", "This API's OpenAPI 3 document")
                .returnsText("application/json"), (ctx, caller) -> {
                    String json = document.get();
                    if (json == null) {
                        ObjectNode doc = OpenApiDocument.build(routes.routes(), WireJson.mapper(), version);
                        json = WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
                        document.set(json);
                    }
                    ctx.contentType("application/json").result(json);
                });
    }
}
