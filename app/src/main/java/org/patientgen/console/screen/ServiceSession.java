package org.patientgen.console.screen;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PatientGenService.Subscription;

/**
 * A shown screen's link to one connection: reaching its service, one event subscription and the
 * first load happen together in the background; later reads and commands go through it; and when
 * the screen is hidden or the active connection changes, {@link #close()} ends the subscription
 * (off the UI thread: closing a remote one may block) and drops every answer still on its way.
 * A screen keeps one session at a time and opens a new one on every (re)connect. UI thread only.
 *
 * <pre>{@code
 * session = new ServiceSession(connection, tasks);
 * session.open("Loading schedules", Set.of(EventTopic.CONFIG), events::accept,
 *         service -> service.schedules(), this::show, this::showError);
 * ...
 * session.read("Refreshing schedules", PatientGenService::schedules, this::show);
 * }</pre>
 */
public final class ServiceSession {
    private final Connection connection;
    private final BackgroundTasks tasks;
    private PatientGenService service;
    private Subscription subscription;
    private boolean closed;
    private boolean reading;

    public ServiceSession(Connection connection, BackgroundTasks tasks) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * Reaches the connection's service (starting the local engine or connecting, which may take a
     * while), subscribes {@code listener} to {@code topics} and runs {@code load}, all in one
     * background task; then, unless the session was closed meanwhile, hands the result to
     * {@code onReady} on the UI thread. A failure of any step goes to {@code onFailure}.
     *
     * @param listener receives events on the service's thread: it must only buffer them
     */
    public <T> void open(String title, Set<EventTopic> topics, Consumer<EngineEvent> listener,
                         Function<PatientGenService, T> load, Consumer<T> onReady, Consumer<Throwable> onFailure) {
        record Opened<T>(PatientGenService service, Subscription subscription, T loaded) {
        }
        tasks.task(title, p -> {
            PatientGenService s = connection.service();
            Subscription sub = s.subscribe(topics, listener);
            try {
                return new Opened<>(s, sub, load.apply(s));
            } catch (RuntimeException e) {
                sub.close();
                throw e;
            }
        }).onSuccess(opened -> {
            subscription = opened.subscription();
            if (closed) {
                unsubscribe();
                return;
            }
            service = opened.service();
            onReady.accept(opened.loaded());
        }).onFailure(e -> {
            if (!closed) {
                onFailure.accept(e);
            }
        }).start();
    }

    /** The connection this session belongs to. */
    public Connection connection() {
        return connection;
    }

    /** Whether the service answered and the session is still open. */
    public boolean ready() {
        return service != null && !closed;
    }

    /**
     * A quiet read (polling, refreshing) unless one is still running; its result reaches
     * {@code onSuccess} only if the session is still open. Failures are dropped: the next read
     * tries again.
     */
    public <T> void read(String title, Function<PatientGenService, T> read, Consumer<T> onSuccess) {
        if (!ready() || reading) {
            return;
        }
        reading = true;
        PatientGenService s = service;
        tasks.task(title, p -> read.apply(s)).quiet()
                .onSuccess(result -> {
                    reading = false;
                    if (!closed) {
                        onSuccess.accept(result);
                    }
                })
                .onFailure(e -> reading = false)
                .start();
    }

    /**
     * A call the user asked for (shown in the status bar while it runs); the result or failure
     * reaches its handler only if the session is still open.
     */
    public <T> void call(String title, Function<PatientGenService, T> call, Consumer<T> onSuccess,
                         Consumer<Throwable> onFailure) {
        if (!ready()) {
            return;
        }
        PatientGenService s = service;
        tasks.task(title, p -> call.apply(s))
                .onSuccess(result -> {
                    if (!closed) {
                        onSuccess.accept(result);
                    }
                })
                .onFailure(e -> {
                    if (!closed) {
                        onFailure.accept(e);
                    }
                })
                .start();
    }

    /** Ends the subscription and drops every answer still on its way. */
    public void close() {
        closed = true;
        unsubscribe();
    }

    private void unsubscribe() {
        Subscription sub = subscription;
        subscription = null;
        closeInBackground(tasks, connection, sub);
    }

    /**
     * Closes {@code subscription} (of {@code connection}; {@code null} is ignored) on a worker
     * thread: closing a remote one may block on the network, which the UI thread must not.
     */
    public static void closeInBackground(BackgroundTasks tasks, Connection connection, Subscription subscription) {
        if (subscription != null) {
            tasks.task("Unsubscribing from " + connection.name(), p -> {
                subscription.close();
                return null;
            }).quiet().start();
        }
    }
}
