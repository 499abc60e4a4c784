package org.patientgen.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.graphql.GraphQlApi;
import org.patientgen.engine.server.auth.Authenticator;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.auth.RateLimiter;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.server.events.EventSocket;
import org.patientgen.engine.server.http.Guard;
import org.patientgen.engine.server.http.JsonBodies;
import org.patientgen.engine.server.http.ProblemResponder;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.server.metrics.HttpMeters;
import org.patientgen.engine.server.routes.ApiContext;
import org.patientgen.engine.server.routes.ApiRoutes;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server in front of an {@link Engine}: REST {@code /api/v1/**}, the WebSocket event
 * stream, {@code /metrics} and {@code /health/*}, on Javalin (Jetty), plain HTTP or HTTPS.
 *
 * <p>{@link #close()} stops accepting connections and lets requests in flight finish, then stops the
 * server's own parts; the engine is the caller's to close afterwards (so its workers reach a
 * checkpoint and its pool closes last).
 */
public final class PatientGenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PatientGenServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.patientgen.engine.server.access");

    private final Javalin app;
    private final ServerConfig config;
    private final List<RouteTable.Route> routes;
    private final EventSocket events;
    private final HttpMeters http;
    private final Subscription limits;

    private PatientGenServer(Javalin app, ServerConfig config, List<RouteTable.Route> routes, EventSocket events,
                             HttpMeters http, Subscription limits) {
        this.app = app;
        this.config = config;
        this.routes = routes;
        this.events = events;
        this.http = http;
        this.limits = limits;
    }

    /**
     * Starts a server for {@code engine}; its HTTP meters go to the engine's registry, which
     * {@code /metrics} serves. One server per engine.
     */
    public static PatientGenServer start(Engine engine, ServerConfig config) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Clock clock = engine.config().clock();
        Instant startedAt = clock.instant();
        ObjectMapper mapper = WireJson.mapper();
        TokenStore tokens = new TokenStore(engine.pool().dataSource(), clock);
        Authenticator authenticator = new Authenticator(tokens, clock);
        RateLimiter limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime);
        Guard guard = new Guard(authenticator, limiter);
        JsonBodies bodies = new JsonBodies(mapper, config.maxBodyBytes());
        // The limits live in the engine's running configuration: this server's settings start it,
        // deployments and their rollbacks change it, and the limiter and body reader follow.
        Subscription limits = engine.onConfigChange(running -> follow(running, limiter, bodies));
        engine.startWithLimits(config.requestsPerMinute(), config.maxBodyKiB());
        HttpMeters http = new HttpMeters(engine.metrics().registry(), clock);
        ApiContext api = new ApiContext(engine, config, bodies,
                new JobRequests(engine.config().dataDirectory(), config, clock), tokens, authenticator,
                http, new GraphQlApi(), engine.logs(), new AuditTrail(engine.pool().dataSource(), clock), startedAt);
        EventSocket events = new EventSocket(engine.events(), http, guard, mapper, clock, config.heartbeat(),
                config.eventBuffer());
        AtomicReference<RouteTable> table = new AtomicReference<>();
        Javalin app;
        try {
            app = Javalin.create(cfg -> {
                configure(cfg, config, http);
                new ProblemResponder(mapper).install(cfg.routes);
                RouteTable routes = new RouteTable(cfg.routes, guard);
                ApiRoutes.register(routes, api, config.tls() != null, Generator.version());
                events.register(cfg.routes, routes);
                table.set(routes);
            });
            app.start();
        } catch (RuntimeException e) {
            events.close();
            http.close();
            limits.close();
            throw e;
        }
        PatientGenServer server = new PatientGenServer(app, config, table.get().routes(), events, http, limits);
        LOG.info("server listening on {} (node {}, {} routes)", server.uri(), engine.config().node(),
                server.routes.size());
        return server;
    }

    /** Applies the running configuration's API limits; the rate limit's burst stays as configured. */
    private static void follow(RuntimeConfig running, RateLimiter limiter, JsonBodies bodies) {
        double perSecond = running.requestsPerMinutePerToken() / 60.0;
        long maxBytes = running.maxRequestBodyKiB() * 1_024L;
        if (perSecond != limiter.rate() || maxBytes != bodies.maxBytes()) {
            LOG.info("API limits now {} requests a minute per token, bodies up to {} KiB",
                    running.requestsPerMinutePerToken(), running.maxRequestBodyKiB());
        }
        limiter.setRate(perSecond);
        bodies.setMaxBytes(maxBytes);
    }

    private static void configure(JavalinConfig cfg, ServerConfig config, HttpMeters meters) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        // JsonBodies enforces the running limit; Javalin's own must not be lower than any it may become.
        cfg.http.maxRequestSize = RuntimeConfig.MAX_BODY_KIB * 1_024L;
        cfg.jetty.host = config.bindAddress();
        cfg.jetty.port = config.port();
        Duration idle = config.heartbeat().multipliedBy(2).plusSeconds(15);
        cfg.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(idle));
        if (config.tls() != null) {
            cfg.jetty.addConnector((server, http) -> tlsConnector(server, http, config));
        }
        cfg.requestLogger.http((ctx, ms) -> {
            String route = route(ctx);
            meters.request(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (ms * 1e6)));
            if (ACCESS.isDebugEnabled()) {
                Caller caller = ctx.attribute(Guard.CALLER);
                // The path only, never the query string: it may hold a token (?token= on the WebSocket).
                ACCESS.debug("{} {} -> {} in {} ms (caller {}, from {})", ctx.method(), ctx.path(), ctx.statusCode(),
                        Math.round(ms), caller == null ? "-" : caller.name(), ctx.ip());
            }
        });
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static Connector tlsConnector(Server server, HttpConfiguration http, ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.tls().keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.tls().password());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        // Clients reach a self-signed server by IP as often as by name: do not insist the SNI name matches.
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        return connector;
    }

    /** The port listened on (the actual one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT} or {@code https://HOST:PORT}. */
    public URI uri() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create((config.tls() != null ? "https" : "http") + "://" + host + ":" + port());
    }

    /** Every route with its role and documentation. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    /** The Javalin application (tests compare its registered routes with the documented ones). */
    public Javalin javalin() {
        return app;
    }

    /** Stops accepting, lets requests in flight finish, closes event sessions and background work. */
    @Override
    public void close() {
        LOG.info("server on {} stopping", uri());
        app.stop();
        events.close();
        http.close();
        limits.close();
        LOG.info("server stopped");
    }
}
