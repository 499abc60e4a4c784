package org.patientgen.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who answers: the engine's version and where it runs.
 *
 * @param version       the PatientGen version
 * @param build         build identifier (commit or build time), {@code dev} when unknown
 * @param node          this node's name, unique among nodes sharing a database
 * @param region        the region label configured for this node, empty when none
 * @param startedAt     when this engine started
 * @param database      the database product, e.g. {@code H2} or {@code PostgreSQL}
 * @param schemaVersion the database schema's version
 * @param cores         processors available to the engine
 * @param capabilities  what this engine offers, e.g. {@code jobs}, {@code schedules}, {@code workflows}
 */
public record EngineInfo(String version, String build, String node, String region, Instant startedAt,
                         String database, String schemaVersion, int cores, List<String> capabilities) {
    public EngineInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(node, "node");
        region = region == null ? "" : region;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        capabilities = List.copyOf(capabilities);
    }
}
