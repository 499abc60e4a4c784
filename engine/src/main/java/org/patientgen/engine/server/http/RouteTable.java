package org.patientgen.engine.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.wire.Role;

/**
 * Every HTTP route of the server, declared once with the role it needs and its documentation: the
 * table registers each route with Javalin behind the {@link Guard} (authentication, role, rate
 * limit) and with audit entries attributed to the client's address, and the OpenAPI document is
 * built from it. Routes registered with Javalin some other way would be missing from the document,
 * which the OpenAPI test catches.
 */
public final class RouteTable {
    /**
     * One route.
     *
     * @param method HTTP method
     * @param path   Javalin path, {@code {name}} for parameters
     * @param role   the least role allowed, {@code null} for public routes
     * @param doc    its documentation
     */
    public record Route(HandlerType method, String path, Role role, Doc doc) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(doc, "doc");
        }
    }

    private final RoutesConfig routes;
    private final Guard guard;
    private final List<Route> table = new ArrayList<>();

    public RouteTable(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    public void get(String path, Role role, Doc doc, CallHandler handler) {
        add(HandlerType.GET, path, role, doc, handler);
    }

    public void post(String path, Role role, Doc doc, CallHandler handler) {
        add(HandlerType.POST, path, role, doc, handler);
    }

    public void put(String path, Role role, Doc doc, CallHandler handler) {
        add(HandlerType.PUT, path, role, doc, handler);
    }

    public void delete(String path, Role role, Doc doc, CallHandler handler) {
        add(HandlerType.DELETE, path, role, doc, handler);
    }

    /** Registers a route; {@code role} {@code null} makes it public. */
    public void add(HandlerType method, String path, Role role, Doc doc, CallHandler handler) {
        Route route = new Route(method, path, role, doc);
        table.add(route);
        routes.addHttpHandler(method, path, ctx -> {
            Caller caller = role == null ? null : guard.admit(ctx, role, false);
            AuditLog.Origin origin = AuditLog.attribute(ctx.ip());
            try {
                handler.handle(ctx, caller);
            } finally {
                origin.close();
            }
        });
    }

    /**
     * Records a route that is registered elsewhere (the WebSocket upgrade), so it is documented too.
     */
    public void document(Route route) {
        table.add(route);
    }

    /** Every route, in declaration order. */
    public List<Route> routes() {
        return List.copyOf(table);
    }

    /** Request attribute convenience for handlers. */
    public static Caller caller(Context ctx) {
        return ctx.attribute(Guard.CALLER);
    }
}
