package org.patientgen.console.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.patientgen.engine.api.EngineInfo;

/**
 * The last known health of a connection.
 *
 * @param status    up, down, or still starting
 * @param summary   one line for the badge, e.g. {@code Up · 12 ms}
 * @param detail    what the tooltip shows: version, node, database, or why it is down
 * @param engine    what the engine reported about itself, or {@code null} when it did not answer
 * @param latency   how long the check took, or {@code null}
 * @param checkedAt when the check ran
 */
public record ConnectionHealth(Status status, String summary, String detail, EngineInfo engine, Duration latency,
                               Instant checkedAt) {
    /** What the health badge shows. */
    public enum Status {
        /** Not usable yet: the local engine is starting or a server is being reached. */
        STARTING,
        /** Answering. */
        UP,
        /** Not answering; {@link #detail()} says why. */
        DOWN
    }

    public ConnectionHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** Not checked or not ready yet. */
    public static ConnectionHealth starting(String detail, Instant at) {
        return new ConnectionHealth(Status.STARTING, "Starting…", detail, null, null, at);
    }

    /** Answered {@code engine} in {@code latency}. */
    public static ConnectionHealth up(EngineInfo engine, Duration latency, Instant at) {
        String ms = latency.toMillis() < 1 ? "<1 ms" : latency.toMillis() + " ms";
        String detail = "PatientGen " + engine.version() + " (" + engine.build() + ")\nNode " + engine.node()
                + (engine.region().isEmpty() ? "" : ", region " + engine.region())
                + "\nDatabase " + engine.database() + ", schema " + engine.schemaVersion()
                + "\n" + engine.cores() + " cores\nAnswered in " + ms;
        return new ConnectionHealth(Status.UP, "Up · " + ms, detail, engine, latency, at);
    }

    /** Did not answer, for {@code reason}. */
    public static ConnectionHealth down(String reason, Instant at) {
        return new ConnectionHealth(Status.DOWN, "Down", reason, null, null, at);
    }
}
