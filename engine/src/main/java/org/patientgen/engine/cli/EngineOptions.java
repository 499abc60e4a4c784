package org.patientgen.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.UserDataDirectory;
import org.patientgen.engine.service.EngineConfig;
import picocli.CommandLine.Option;

/**
 * Where an engine node keeps its data and how it works: shared by {@code node} and {@code serve}.
 * The database password is read from a file so that it never appears in a process listing or
 * shell history.
 */
final class EngineOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (embedded database, default job output). Default: the user data directory"
                    + " (PATIENTGEN_DATA_DIR overrides it).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Database, e.g. jdbc:postgresql://db:5432/patientgen. Default: embedded H2 in the data directory.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (with --db-url).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (first line; with --db-url).")
    Path dbPasswordFile;

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name, unique among nodes sharing a database. Default: host name and process id.")
    String nodeName;

    @Option(names = "--region", paramLabel = "LABEL", defaultValue = "",
            description = "Region label reported to clients, e.g. eu-west.")
    String region;

    @Option(names = "--workers", paramLabel = "N",
            description = "Shards this node runs at once (0 = none). Default: one per processor.")
    Integer workers;

    @Option(names = "--shard-lease", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long a claimed shard stays leased without renewal, e.g. 15s, 2m; a dead node's shards"
                    + " run elsewhere after this. Default: ${DEFAULT-VALUE}.")
    String shardLease;

    @Option(names = "--stop-grace", paramLabel = "DURATION", defaultValue = "30s",
            description = "On shutdown, how long running shards may finish before being abandoned to other nodes."
                    + " Default: ${DEFAULT-VALUE}.")
    String stopGrace;

    /** The engine configuration these options describe. @throws UsageException on a bad value */
    EngineConfig config() {
        Path dir = dataDir != null ? dataDir : UserDataDirectory.resolve();
        EngineConfig config = EngineConfig.defaults(dir).withDatabase(database(dir));
        Duration lease = Durations.parse("--shard-lease", shardLease);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new UsageException("--shard-lease must be at least 3s (the lease is renewed every third of it),"
                    + " was " + shardLease);
        }
        Duration grace = Durations.parse("--stop-grace", stopGrace);
        Duration renew = lease.dividedBy(3);
        Duration poll = renew.compareTo(Duration.ofSeconds(1)) < 0 ? renew : Duration.ofSeconds(1);
        int count = workers != null ? workers : config.workers();
        try {
            return config.withWorkers(count, new ShardWorkers.Settings(lease, renew, poll, grace))
                    .withNode(nodeName != null ? nodeName : config.node(), region);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private DatabaseTarget database(Path dir) {
        if (dbUrl == null) {
            if (dbUser != null || dbPasswordFile != null) {
                throw new UsageException("--db-user and --db-password-file need --db-url");
            }
            return DatabaseTarget.embedded(dir);
        }
        String password = "";
        if (dbPasswordFile != null) {
            try {
                String text = Files.readString(dbPasswordFile, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                password = (newline < 0 ? text : text.substring(0, newline)).strip();
            } catch (IOException e) {
                throw new UsageException("cannot read --db-password-file " + dbPasswordFile + ": " + e.getMessage());
            }
        }
        try {
            return new DatabaseTarget(dbUrl, dbUser, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db-url: " + e.getMessage());
        }
    }
}
