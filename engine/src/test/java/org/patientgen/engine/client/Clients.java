package org.patientgen.engine.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.server.ServerConfig;
import org.patientgen.engine.server.ServerFixture;

/** What the client tests share: a server whose rate limit stays out of the way, clients with short backoffs. */
final class Clients {
    private Clients() {
    }

    /** Server settings: the default ones with a rate limit no test reaches unless it means to. */
    static ServerConfig server() {
        return ServerConfig.defaults().withLimits(ServerConfig.DEFAULT_MAX_BODY, 10_000, 10_000);
    }

    /** A builder for {@code url} with test-friendly (short) backoffs and timeouts. */
    static RemoteServiceBuilder builder(String url, String token) {
        return RemoteService.builder(url).token(token)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .retries(3, Duration.ofMillis(20), Duration.ofMillis(100))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    /** A client of the fixture's server acting as {@code token}. */
    static RemoteService connect(ServerFixture f, String token) {
        return builder(f.server.uri().toString(), token).build();
    }

    /** A job of {@code population} patients in shards of {@code shardSize}, written under {@code output}. */
    static JobSubmission job(Path output, long population, int shardSize, Map<String, String> labels) {
        return new JobSubmission(new GenerationSpec(population, 42, "MA", LocalDate.of(2025, 6, 30), 10,
                List.of("fhir-ndjson"), "", output.toString(), shardSize), 0, "ignored-the-server-uses-the-token", labels);
    }

    /** Waits up to 60 s for {@code condition}. */
    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        ServerFixture.await(condition);
    }
}
