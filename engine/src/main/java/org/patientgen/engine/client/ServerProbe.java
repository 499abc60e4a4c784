package org.patientgen.engine.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.wire.Role;

/**
 * What "Test connection" found: the server answered an authenticated call, who it is and who the
 * token is.
 *
 * @param server        the server's address (without user info)
 * @param engine        its version, build, node, region, database and capabilities
 * @param uptimeSeconds seconds since the server started
 * @param tls           whether it speaks HTTPS
 * @param caller        the token's name, as jobs and the audit log show it
 * @param role          what the token may do
 * @param capabilities  what the server offers over HTTP (e.g. {@code rest}, {@code websocket})
 * @param latency       round trip of the call, including connecting (and the TLS handshake) if the
 *                      client had no open connection
 */
public record ServerProbe(URI server, EngineInfo engine, long uptimeSeconds, boolean tls, String caller, Role role,
                          List<String> capabilities, Duration latency) {
    public ServerProbe {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(role, "role");
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(latency, "latency");
    }

    /** The server's PatientGen version. */
    public String version() {
        return engine.version();
    }
}
