package org.patientgen.engine.server.routes;

import org.patientgen.engine.graphql.GraphQlApi;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/**
 * {@code /api/v2/graphql}: the GraphQL API over the caller's service. A body that is not a GraphQL
 * request (bad JSON, unknown members, no {@code query}) is a 400 problem document like any REST
 * call; once it is one, the answer is 200 and problems with the document or its fields are
 * GraphQL {@code errors}, as the GraphQL spec has it. Any token may query; mutations need an
 * operator or admin token.
 */
final class GraphQlRoutes {
    private static final String TAG = "GraphQL";
    private static final String EXAMPLE = "{\"query\": \"{ info { version node } }\"}";

    private final ApiContext api;
    private final String schema = GraphQlApi.schemaText();

    GraphQlRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.post("/api/v2/graphql", Role.VIEWER, Doc.of(TAG, "Run a GraphQL query or mutation (mutations need"
                + " operator); 200 with data and errors once the body is a GraphQL request")
                .body(Requests.GraphQl.class).returns(Responses.GraphQlResult.class), (ctx, caller) -> {
                    Requests.GraphQl body = api.bodies().required(ctx, Requests.GraphQl.class, EXAMPLE);
                    Replies.json(ctx, api.graphQl().execute(body.query(), body.operationName(), body.variables(),
                            api.service(caller), caller.name(), caller.role().allows(Role.OPERATOR)));
                });
        routes.get("/api/v2/graphql/schema", Role.VIEWER, Doc.of(TAG, "The GraphQL schema (SDL)")
                .returnsText("text/plain"), (ctx, caller) -> ctx.contentType("text/plain; charset=utf-8").result(schema));
    }
}
