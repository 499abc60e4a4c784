package org.patientgen.console.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ServiceSession;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: live figures of the active connection, or of every connection combined ("all
 * servers"), over a chosen time window. UI thread only.
 *
 * <p><b>Data flow.</b> For each shown connection a {@link MetricSource} subscribes to the engine's
 * {@link EventTopic#METRICS} events (one snapshot a second, appended on the service's thread) after
 * reading its history for the window. Every {@link #TICK} a quiet background task builds an
 * immutable {@link DashboardFrame} — servers combined, charts decimated to {@link #columns} pixel
 * columns, texts formatted — and {@link #frameProperty()} publishes it on the UI thread, where the
 * view only sets texts and draws. A tick that finds the previous frame still being built is
 * skipped, so a slow machine draws less often instead of queueing work.
 *
 * <p>In the "all servers" view the connections are followed as they are added and removed, so a
 * remote server appears in the totals as soon as it is connected.
 */
public final class DashboardViewModel {
    /** How often a frame is built: the engine samples once a second. */
    static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final ObservableList<Connection> connections;
    private final ObservableValue<Connection> active;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Freshness freshness;
    private final Clock clock;

    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window", TimeWindow.FIVE_MINUTES);
    private final BooleanProperty allServers = new SimpleBooleanProperty(this, "allServers");
    private final ReadOnlyObjectWrapper<DashboardFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final InvalidationListener scopeChanged = o -> reconcile();

    /** Shown connections and their sources, in connection order; UI thread only. */
    private final Map<Connection, Session> sessions = new LinkedHashMap<>();
    /** Pixel columns of the widest chart; written by the view, read by frame builds. */
    private volatile int columns = 300;
    private Cancellable tick = Cancellable.NONE;
    private boolean attached;
    private boolean building;
    private Instant lastData;

    public DashboardViewModel(ObservableList<Connection> connections, ObservableValue<Connection> active,
                              BackgroundTasks tasks, Ticker ticker, Freshness freshness, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.active = Objects.requireNonNull(active, "active");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
        window.addListener((obs, old, now) -> reloadHistory());
        allServers.addListener(scopeChanged);
    }

    // ---- state ----

    /** The charts' time window. */
    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    /** The windows the selector offers. */
    public List<TimeWindow> windows() {
        return List.of(TimeWindow.values());
    }

    /** Whether the figures combine every connection instead of showing the active one. */
    public BooleanProperty allServersProperty() {
        return allServers;
    }

    /** The latest frame; {@code null} until the first is built. */
    public ReadOnlyObjectProperty<DashboardFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** A line about the "all servers" view when it has little to combine; empty otherwise. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The pixel width of the charts, which frames are decimated to; called by the view on resize. */
    public void setColumns(int pixels) {
        columns = Math.max(1, pixels);
    }

    // ---- lifecycle ----

    /** The screen is shown: subscribe to the shown connections and start building frames. */
    public void attach() {
        if (attached) {
            return;
        }
        attached = true;
        active.addListener(scopeChanged);
        connections.addListener(scopeChanged);
        reconcile();
        tick = ticker.every(TICK, this::tick);
        tick();
    }

    /** The screen is hidden: unsubscribe from every connection and stop the tick. */
    public void detach() {
        if (!attached) {
            return;
        }
        attached = false;
        active.removeListener(scopeChanged);
        connections.removeListener(scopeChanged);
        tick.cancel();
        tick = Cancellable.NONE;
        List.copyOf(sessions.values()).forEach(this::close);
        sessions.clear();
    }

    /** The connections the figures cover now. */
    private List<Connection> shown() {
        if (allServers.get()) {
            return List.copyOf(connections);
        }
        Connection c = active.getValue();
        return c == null ? List.of() : List.of(c);
    }

    /** Opens sources for newly shown connections and closes those no longer shown. */
    private void reconcile() {
        hint.set(allServers.get() && connections.size() == 1
                ? "Only " + connections.get(0).name() + " is connected. Servers you add in the server switcher join"
                + " these totals automatically: rates and counts add up, waits, latencies and CPU show the worst"
                + " server."
                : "");
        if (!attached) {
            return;
        }
        List<Connection> wanted = shown();
        for (Connection c : List.copyOf(sessions.keySet())) {
            if (!wanted.contains(c)) {
                close(sessions.remove(c));
            }
        }
        Map<Connection, Session> ordered = new LinkedHashMap<>();
        for (Connection c : wanted) {
            Session s = sessions.get(c);
            ordered.put(c, s != null ? s : open(c));
        }
        sessions.clear();
        sessions.putAll(ordered);
        tick();
    }

    private Session open(Connection connection) {
        Session session = new Session(new MetricSource(connection));
        TimeWindow w = window.get();
        tasks.task("Reading metrics from " + connection.name(), p -> {
            PatientGenService service = connection.service();
            Subscription sub = service.subscribe(Set.of(EventTopic.METRICS), session.source);
            try {
                loadHistory(service, session.source, w);
            } catch (RuntimeException e) {
                sub.close();
                throw e;
            }
            return new Opened(service, sub);
        }).quiet().onSuccess(opened -> {
            if (session.closed) {
                ServiceSession.closeInBackground(tasks, connection, opened.subscription());
                return;
            }
            session.service = opened.service();
            session.subscription = opened.subscription();
            session.source.connected();
            if (window.get() != w) {
                // The window changed while connecting: read what the new one needs.
                reload(session, window.get());
            }
            tick();
        }).onFailure(e -> {
            LOG.debug("metrics of {} unavailable", connection.name(), e);
            session.source.failed(Failures.message(e));
            tick();
        }).start();
        return session;
    }

    private void close(Session session) {
        session.closed = true;
        Subscription sub = session.subscription;
        session.subscription = null;
        ServiceSession.closeInBackground(tasks, session.source.connection(), sub);
    }



    /** Reads what the new window needs from every shown connection, then draws again. */
    private void reloadHistory() {
        TimeWindow w = window.get();
        for (Session session : sessions.values()) {
            if (session.service != null) {
                reload(session, w);
            }
        }
        tick();
    }

    private void reload(Session session, TimeWindow w) {
        PatientGenService service = session.service;
        String name = session.source.connection().name();
        tasks.task("Reading " + w.label() + " of metrics from " + name, p -> {
            loadHistory(service, session.source, w);
            return null;
        }).quiet()
                .onSuccess(r -> tick())
                .onFailure(e -> LOG.warn("reading the metrics history of {} failed", name, e))
                .start();
    }

    /**
     * Reads the history a window needs (on a worker thread): the in-process 1 s snapshots, and for
     * the day the persisted trend points of this connection's node.
     */
    private void loadHistory(PatientGenService service, MetricSource source, TimeWindow w) {
        Duration live = w.length().compareTo(TimeWindow.LIVE_HISTORY) < 0 ? w.length() : TimeWindow.LIVE_HISTORY;
        source.addHistory(service.metricsHistory(live));
        if (w.fromTrends()) {
            String node = service.info().node();
            Instant to = clock.instant();
            Instant from = to.minus(w.length());
            Set<String> names = new TreeSet<>();
            for (DashboardTile tile : DashboardTile.values()) {
                tile.series().forEach(s -> names.add(s.metric().trendName()));
            }
            List<MetricSample> samples = new ArrayList<>();
            for (String name : names) {
                samples.addAll(service.metricTrend(name, from, to));
            }
            source.setTrend(samples, node);
        }
    }

    /** Builds a frame in the background unless one is being built. */
    void tick() {
        if (!attached || building) {
            return;
        }
        building = true;
        List<MetricSource> sources = sessions.values().stream().map(s -> s.source).toList();
        TimeWindow w = window.get();
        int width = columns;
        Instant now = clock.instant();
        String scope = allServers.get() ? "All servers (" + sources.size() + ")"
                : sources.isEmpty() ? "" : sources.get(0).connection().name();
        tasks.task("Updating the dashboard", p -> FrameBuilder.build(sources, w, now, width, scope))
                .quiet()
                .onSuccess(f -> {
                    building = false;
                    if (!attached) {
                        return;
                    }
                    frame.set(f);
                    if (f.lastData() != null && !f.lastData().equals(lastData)) {
                        lastData = f.lastData();
                        freshness.updated(lastData);
                    }
                })
                .onFailure(e -> {
                    building = false;
                    LOG.warn("building a dashboard frame failed", e);
                })
                .start();
    }

    private record Opened(PatientGenService service, Subscription subscription) {
    }

    /** A shown connection: its figures and, once connected, its service and subscription. UI thread only. */
    private static final class Session {
        final MetricSource source;
        PatientGenService service;
        Subscription subscription;
        boolean closed;

        Session(MetricSource source) {
            this.source = source;
        }
    }
}
