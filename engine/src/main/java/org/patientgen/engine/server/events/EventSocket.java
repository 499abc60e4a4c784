package org.patientgen.engine.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Guard;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.server.metrics.HttpMeters;
import org.patientgen.engine.service.EventHub;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.Problem;
import org.patientgen.engine.wire.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket {@code /api/v1/events}: a client subscribes to topics with
 * {@code {"action":"subscribe","topics":["jobs","progress"]}} and receives {@link EventMessage}s.
 *
 * <p><b>Authentication</b> happens on the HTTP upgrade request, with the {@code Authorization:
 * Bearer} header or, because browsers' WebSocket API cannot set headers, a {@code ?token=} query
 * parameter (viewer role or higher). Prefer the header: a URL may end up in a proxy's log. This
 * server never logs query strings.
 *
 * <p>The server pings every {@code heartbeat} (clients answer automatically), which keeps idle
 * connections open through proxies and lets either side notice a dead peer.
 */
public final class EventSocket implements AutoCloseable {
    /** The WebSocket's path. */
    public static final String PATH = "/api/v1/events";
    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);

    private final EventHub hub;
    private final HttpMeters metrics;
    private final Guard guard;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration heartbeat;
    private final int buffer;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public EventSocket(EventHub hub, HttpMeters metrics, Guard guard, ObjectMapper mapper, Clock clock,
                       Duration heartbeat, int buffer) {
        this.hub = hub;
        this.metrics = metrics;
        this.guard = guard;
        this.mapper = mapper;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.buffer = buffer;
    }

    /** Registers the upgrade check and the socket, and documents the route. */
    public void register(RoutesConfig routes, RouteTable table) {
        routes.wsBeforeUpgrade(PATH, ctx -> guard.admit(ctx, Role.VIEWER, true));
        routes.ws(PATH, ws -> {
            ws.onConnect(this::open);
            ws.onMessage(ctx -> command(ctx, ctx.message()));
            ws.onClose(ctx -> closed(ctx.sessionId()));
            ws.onError(ctx -> closed(ctx.sessionId()));
        });
        table.document(new RouteTable.Route(HandlerType.GET, PATH, Role.VIEWER, Doc.of("Events",
                "WebSocket: send {\"action\":\"subscribe\",\"topics\":[\"jobs\"]}, receive {type, topic, sequence, at,"
                        + " data}; topics jobs, progress, metrics, config, logs; token by header or ?token=")
                .query("token", "string", "bearer token, for clients that cannot set headers (browsers)")));
    }

    private void open(WsContext ctx) {
        Caller caller = ctx.attribute(Guard.CALLER);
        EventSession session = new EventSession(new EventSession.Sink() {
            @Override
            public void send(String text, Runnable done, java.util.function.Consumer<Throwable> failed) {
                ctx.session.sendText(text, org.eclipse.jetty.websocket.api.Callback.from(done, failed));
            }

            @Override
            public void close(int code, String reason) {
                LOG.warn("event client {} disconnected: {}", caller == null ? "?" : caller.name(), reason);
                ctx.closeSession(code, reason);
            }
        }, mapper, buffer, metrics::droppedSession);
        clients.put(ctx.sessionId(), new Client(session));
        metrics.sessions(1);
        ctx.enableAutomaticPings(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void command(WsContext ctx, String text) {
        Client client = clients.get(ctx.sessionId());
        if (client == null) {
            return;
        }
        EventMessage.Command command;
        try {
            command = mapper.readValue(text, EventMessage.Command.class);
        } catch (JsonProcessingException e) {
            error(client, "a command must be JSON like {\"action\":\"subscribe\",\"topics\":[\"jobs\"]}: "
                    + e.getOriginalMessage().split("\n")[0]);
            return;
        }
        boolean add = "subscribe".equals(command.action());
        if (!add && !"unsubscribe".equals(command.action())) {
            error(client, "action must be 'subscribe' or 'unsubscribe', was '" + command.action() + "'");
            return;
        }
        Set<EventTopic> topics = EnumSet.noneOf(EventTopic.class);
        for (String name : command.topics() == null ? List.<String>of() : command.topics()) {
            try {
                topics.add(EventTopic.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                error(client, "unknown topic '" + name + "'; topics are jobs, progress, metrics, config, logs");
                return;
            }
        }
        client.change(topics, add);
    }

    private void error(Client client, String detail) {
        client.session.deliver("Error", null, clock.instant(), Problem.of(ErrorKind.INVALID, detail, PATH));
    }

    private void closed(String sessionId) {
        Client client = clients.remove(sessionId);
        if (client != null) {
            client.close();
            metrics.sessions(-1);
        }
    }

    /** Open sessions. */
    public int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        for (String id : new ArrayList<>(clients.keySet())) {
            closed(id);
        }
    }

    /** One connected client: its session and its subscriptions. */
    private final class Client {
        final EventSession session;
        /** Guarded by this. */
        private final Set<EventTopic> topics = EnumSet.noneOf(EventTopic.class);
        private Subscription hubSubscription;

        Client(EventSession session) {
            this.session = session;
        }

        synchronized void change(Set<EventTopic> requested, boolean add) {
            if (add) {
                topics.addAll(requested);
            } else {
                topics.removeAll(requested);
            }
            if (hubSubscription != null) {
                hubSubscription.close();
                hubSubscription = null;
            }
            if (!topics.isEmpty()) {
                hubSubscription = hub.subscribe(EnumSet.copyOf(topics), this::forward);
            }
            List<String> names = topics.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
            session.deliver("Subscribed", null, clock.instant(), Map.of("topics", names));
        }

        /** An engine event as a message; a metrics sample carries its snapshot alone (see {@link EventMessage}). */
        private void forward(EngineEvent event) {
            String topic = event.topic().name().toLowerCase(Locale.ROOT);
            if (event instanceof MetricsSampled sampled) {
                session.deliver(EventMessage.METRICS_SNAPSHOT, topic, sampled.at(), sampled.snapshot());
            } else {
                session.deliver(event.getClass().getSimpleName(), topic, event.at(), event);
            }
        }

        synchronized void close() {
            session.close();
            topics.clear();
            if (hubSubscription != null) {
                hubSubscription.close();
                hubSubscription = null;
            }
        }
    }
}
