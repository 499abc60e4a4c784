package org.patientgen.engine.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.client.RemoteSubscription;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to the server's WebSocket {@code /api/v1/events} that survives lost connections.
 *
 * <p><b>Connection.</b> On open it sends {@code {"action":"subscribe","topics":[…]}}; the server's
 * {@code Subscribed} reply marks the stream connected. When the connection fails or the server
 * closes it (restart, "too slow" code 1008), it reconnects after a {@link Backoff} delay (the
 * count of failures since the last {@code Subscribed} sets the delay) and subscribes again. A 401 or
 * 403 on the upgrade stops it: a rejected token does not heal by waiting. {@link #close()} stops
 * reconnecting and delivery for good.
 *
 * <p><b>Delivery.</b> Messages are decoded on OkHttp's reader thread (one per socket, in order) and
 * handed to one delivery thread with a bounded queue, so the listener sees events in the server's
 * order and a slow listener delays neither reading nor pings; when the queue is full further events
 * are dropped (and logged), as the local engine drops them for a slow subscriber. Events sent while
 * disconnected are lost; the {@link ConnectionMonitor} tells when that may have happened.
 *
 * <p>Locking: {@code this} guards {@link #socket}, {@link #connection}, {@link #closed}, {@link #live},
 * {@link #failures} and {@link #reconnect}; OkHttp and the listener are never called under it.
 */
public final class EventStream implements RemoteSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final ObjectReader READER = WireJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final OkHttpClient http;
    private final Request upgrade;
    private final String command;
    private final Consumer<EngineEvent> listener;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final ConnectionMonitor monitor;
    private final String server;
    private final Consumer<EventStream> onClose;
    private final ThreadPoolExecutor delivery;
    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> unreadableTypes = ConcurrentHashMap.newKeySet();
    private volatile boolean delivering = true;

    private WebSocket socket;
    /** Number of the current connection; callbacks of older ones are ignored. 0 while none is open. */
    private long connection;
    private long connections;
    private boolean closed;
    /** Whether the current connection was acknowledged with {@code Subscribed}. */
    private boolean live;
    private int failures;
    private ScheduledFuture<?> reconnect;

    /**
     * @param upgrade  the upgrade request, with the {@code Authorization} header
     * @param buffer   events that may wait for the listener before further ones are dropped
     * @param onClose  run once when the subscription is closed (the service forgets it)
     */
    public EventStream(OkHttpClient http, Request upgrade, Set<EventTopic> topics, Consumer<EngineEvent> listener,
                       Backoff backoff, ScheduledExecutorService scheduler, ConnectionMonitor monitor, String server,
                       int buffer, Consumer<EventStream> onClose) {
        this.http = Objects.requireNonNull(http, "http");
        this.upgrade = Objects.requireNonNull(upgrade, "upgrade");
        List<String> names = topics.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().toList();
        this.command = WireJson.write(new EventMessage.Command("subscribe", names));
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.server = Objects.requireNonNull(server, "server");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        int id = IDS.incrementAndGet();
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(buffer), r -> {
            Thread t = new Thread(r, "patientgen-client-events-" + id);
            t.setDaemon(true);
            return t;
        }, (task, executor) -> droppedOne());
    }

    /** Opens the first connection; returns at once (failures are retried in the background). */
    public EventStream start() {
        connect();
        return this;
    }

    private void connect() {
        long number;
        synchronized (this) {
            if (closed) {
                return;
            }
            reconnect = null;
            number = ++connections;
            connection = number;
        }
        WebSocket ws = http.newWebSocket(upgrade, new Listener(number));
        synchronized (this) {
            if (connection == number && !closed) {
                socket = ws;
                return;
            }
        }
        ws.cancel();
    }

    /** Connection {@code number} ended; schedules the next unless closed or already done for it. */
    private void lost(long number, String why, boolean retry) {
        Duration delay;
        int attempt;
        synchronized (this) {
            if (closed || connection != number) {
                return;
            }
            connection = 0;
            socket = null;
            live = false;
            attempt = ++failures;
            delay = backoff.delay(attempt - 1);
            if (retry) {
                try {
                    reconnect = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    retry = false;
                }
            }
        }
        monitor.lost(why);
        if (retry) {
            LOG.info("event stream to {} lost: {}; reconnecting in {} ms (attempt {})", server, why, delay.toMillis(),
                    attempt);
        } else {
            LOG.warn("event stream to {} stopped: {}", server, why);
        }
    }

    private void confirmed(long number) {
        synchronized (this) {
            if (closed || connection != number) {
                return;
            }
            failures = 0;
            live = true;
        }
        monitor.reached();
    }

    private void deliver(EngineEvent event) {
        try {
            delivery.execute(() -> {
                if (delivering) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        LOG.warn("an event listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shut down by close(): delivery has stopped
        }
    }

    private void droppedOne() {
        long n = dropped.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.warn("event listener too slow: {} events from {} dropped so far", n, server);
        }
    }

    /** Events dropped because the listener fell behind. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public synchronized boolean subscribed() {
        return live;
    }

    @Override
    public void close() {
        WebSocket ws;
        ScheduledFuture<?> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            live = false;
            ws = socket;
            socket = null;
            connection = 0;
            pending = reconnect;
            reconnect = null;
        }
        delivering = false;
        if (pending != null) {
            pending.cancel(false);
        }
        if (ws != null) {
            ws.close(1000, "client closed the subscription");
        }
        delivery.shutdownNow();
        onClose.accept(this);
    }

    /** Handles the messages of one connection. */
    private final class Listener extends WebSocketListener {
        private final long number;

        Listener(long number) {
            this.number = number;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            webSocket.send(command);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            EventMessage message;
            try {
                message = READER.forType(EventMessage.class).readValue(text);
            } catch (IOException e) {
                LOG.warn("unreadable event message from {}: {}", server, e.getMessage().split("\n")[0]);
                return;
            }
            switch (message.type()) {
                case "Subscribed":
                    confirmed(number);
                    return;
                case "Error":
                    LOG.warn("the server at {} refused an event command: {}", server, message.data().path("detail").asText());
                    return;
                default:
                    decode(message);
            }
        }

        private void decode(EventMessage message) {
            try {
                if (message.type().equals("MetricsSnapshot")) {
                    deliver(new MetricsSampled(message.sequence(), READER.treeToValue(message.data(), MetricsSnapshot.class)));
                } else if (EventMessage.EVENT_TYPES.containsKey(message.type())) {
                    deliver(READER.treeToValue(message.data(), EventMessage.EVENT_TYPES.get(message.type())));
                } else {
                    LOG.debug("ignoring event type {} from {}", message.type(), server);
                }
            } catch (IOException | IllegalArgumentException e) {
                if (unreadableTypes.add(message.type())) {
                    LOG.warn("cannot read {} events from {} ({}); client and server may be different PatientGen"
                            + " versions", message.type(), server, String.valueOf(e.getMessage()).split("\n")[0]);
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            lost(number, "the server closed the event stream (" + code + (reason.isEmpty() ? "" : " " + reason) + ")",
                    true);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(number, "the event stream closed (" + code + ")", true);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (response != null && (response.code() == 401 || response.code() == 403)) {
                lost(number, "the server at " + server + " refused the event stream with HTTP " + response.code()
                        + ": the token is " + (response.code() == 401 ? "unknown or revoked" : "not allowed to read events")
                        + "; subscribe again with a valid token", false);
            } else if (t instanceof IOException io) {
                lost(number, ConnectionFailures.describe(io, server, Duration.ZERO).message(), true);
            } else {
                lost(number, "the event stream to " + server + " failed (" + t + ")", true);
            }
        }
    }
}
