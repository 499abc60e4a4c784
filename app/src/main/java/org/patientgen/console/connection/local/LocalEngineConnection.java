package org.patientgen.console.connection.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.UserDataDirectory;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled engine, run in this process on the embedded H2 database in the user's data
 * directory: no set-up. It starts on first use of {@link #service()} (the console asks for it in
 * the background right after the window opens) and stops on {@link #close()}.
 *
 * <p>This package is the only part of the console that touches engine internals; everything else
 * sees the engine through {@link PatientGenService} (an architecture test enforces it).
 */
public final class LocalEngineConnection implements Connection {
    /** The name the server switcher shows. */
    public static final String NAME = "Local engine";
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngineConnection.class);

    private final Options options;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; read without it for health (volatile). */
    private volatile Engine engine;
    private volatile PatientGenService service;
    private volatile boolean starting;
    private volatile String startFailure;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    public LocalEngineConnection(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * How the console runs its local engine.
     *
     * @param dataDirectory where the database and default job output live
     * @param user          the name recorded as the actor of the console's changes
     * @param workers       shards run at once (0: jobs queue but do not run)
     * @param eventPoll     how often job changes and progress are read for live updates
     * @param idlePoll      how often idle workers look for new shards
     * @param stopGrace     how long closing waits for running shards; unfinished ones are re-run on the
     *                      next start (their leases lapse), so the window never hangs on exit
     */
    public record Options(Path dataDirectory, String user, int workers, Duration eventPoll, Duration idlePoll,
                          Duration stopGrace) {
        public Options {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(eventPoll, "eventPoll");
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(stopGrace, "stopGrace");
            if (user.isBlank()) {
                throw new IllegalArgumentException("the local user's name must not be empty");
            }
        }

        /** The user's data directory and name, one worker per processor. */
        public static Options defaults() {
            String user = System.getProperty("user.name", "");
            return new Options(UserDataDirectory.resolve(), user.isBlank() ? "console" : user,
                    Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(3));
        }

        /** The defaults with another data directory (tests, portable installs). */
        public Options withDataDirectory(Path directory) {
            return new Options(directory, user, workers, eventPoll, idlePoll, stopGrace);
        }

        /** The defaults with another number of workers (0 keeps jobs queued). */
        public Options withWorkers(int count) {
            return new Options(dataDirectory, user, count, eventPoll, idlePoll, stopGrace);
        }

        /** Quick polling, for tests that watch jobs run. */
        public Options quick() {
            return new Options(dataDirectory, user, workers, Duration.ofMillis(100), Duration.ofMillis(50),
                    Duration.ofSeconds(2));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String user() {
        return options.user();
    }

    @Override
    public ConnectionKind kind() {
        return ConnectionKind.LOCAL;
    }

    @Override
    public PatientGenService service() {
        PatientGenService ready = service;
        if (ready != null) {
            return ready;
        }
        synchronized (lock) {
            if (service != null) {
                return service;
            }
            if (closed) {
                throw new PatientGenException(ErrorKind.UNAVAILABLE, "the local engine has been stopped");
            }
            starting = true;
            try {
                engine = Engine.start(config());
                service = engine.as(options.user());
                startFailure = null;
                return service;
            } catch (Exception e) {
                LOG.error("the local engine did not start", e);
                startFailure = "The local engine did not start: " + e.getMessage()
                        + " (is another PatientGen using " + options.dataDirectory() + "?)";
                throw new PatientGenException(ErrorKind.UNAVAILABLE, startFailure, e);
            } finally {
                starting = false;
            }
        }
    }

    private EngineConfig config() {
        ShardWorkers.Settings d = ShardWorkers.Settings.defaults();
        return EngineConfig.defaults(options.dataDirectory())
                .withWorkers(options.workers(), new ShardWorkers.Settings(d.lease(), d.renewEvery(),
                        options.idlePoll(), options.stopGrace()))
                .withTiming(Duration.ofSeconds(5), options.eventPoll());
    }

    @Override
    public ConnectionHealth checkHealth() {
        Clock clock = Clock.systemUTC();
        PatientGenService ready = service;
        if (ready == null) {
            String failure = startFailure;
            if (failure != null && !starting) {
                return ConnectionHealth.down(failure, clock.instant());
            }
            return ConnectionHealth.starting("Opening the database in " + options.dataDirectory(), clock.instant());
        }
        long start = System.nanoTime();
        try {
            EngineInfo info = ready.info();
            return ConnectionHealth.up(info, Duration.ofNanos(System.nanoTime() - start), clock.instant());
        } catch (RuntimeException e) {
            return ConnectionHealth.down(e.getMessage(), clock.instant());
        }
    }

    @Override
    public Optional<String> defaultOutputRoot() {
        return Optional.of(options.dataDirectory().resolve("output").toAbsolutePath().toString());
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            Engine running = engine;
            engine = null;
            service = null;
            if (running != null) {
                running.close();
            }
        }
    }
}
