package org.patientgen.console.connection;

import java.util.Optional;
import java.util.function.Consumer;
import org.patientgen.console.task.Cancellable;
import org.patientgen.engine.api.PatientGenService;

/**
 * An engine the console can talk to: the bundled local engine, or a remote server. Every screen
 * works through {@link #service()} alone, so it behaves the same against either.
 *
 * <p>Implementations are thread-safe. {@link #service()} and {@link #checkHealth()} may block (the
 * local engine starts on first use, a remote one is reached over the network): call them from a
 * {@link org.patientgen.console.task.BackgroundTasks background task}, never on the UI thread.
 */
public interface Connection extends AutoCloseable {
    /** The name shown in the server switcher, unique among connections. */
    String name();

    /** The user this connection acts as: recorded as the owner of submitted jobs and in the audit log. */
    String user();

    /** A label for where the engine runs (e.g. {@code eu-west}), shown beside the name; empty when none. */
    default String region() {
        return "";
    }

    /** Whether the engine runs in this process (its files are on this machine) or on a server. */
    ConnectionKind kind();

    /**
     * The engine's service, acting as this connection's user. Connects, or starts the local engine,
     * on first use; blocks until then.
     *
     * @throws org.patientgen.engine.api.PatientGenException {@code UNAVAILABLE} when the engine
     *         cannot be reached or started, with the reason
     */
    PatientGenService service();

    /** Whether the engine answers now, and how fast; never throws (a failure is a down health). */
    ConnectionHealth checkHealth();

    /**
     * A directory on the engine's machine under which new jobs' output goes by default, when the
     * console knows one (the local engine's data directory); empty for a remote server.
     */
    Optional<String> defaultOutputRoot();

    /** Whether files the engine writes can be opened on this machine (true for the local engine). */
    default boolean sharesFileSystem() {
        return kind() == ConnectionKind.LOCAL;
    }

    /**
     * Tells {@code listener}, on a thread of the connection, when the engine stops answering and when
     * it is back (the current state first). The local engine never loses its link: the default tells
     * nothing. Cancel the handle to stop.
     */
    default Cancellable watchLink(Consumer<LinkStatus> listener) {
        return Cancellable.NONE;
    }

    /** Releases the connection (stops the local engine); blocks until done. */
    @Override
    void close();
}
