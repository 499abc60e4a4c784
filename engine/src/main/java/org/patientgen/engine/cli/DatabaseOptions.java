package org.patientgen.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.persistence.UserDataDirectory;
import picocli.CommandLine.Option;

/**
 * Which data directory and database a command works on: shared by {@code node}, {@code serve} and
 * {@code token}. The database password is read from a file so that it never appears in a process
 * listing or shell history.
 */
final class DatabaseOptions {
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

    /** The data directory: the option, else the user data directory. */
    Path directory() {
        return dataDir != null ? dataDir : UserDataDirectory.resolve();
    }

    /** The database these options name. @throws UsageException on a bad combination or unreadable file */
    DatabaseTarget target() {
        Path dir = directory();
        if (dbUrl == null) {
            if (dbUser != null || dbPasswordFile != null) {
                throw new UsageException("--db-user and --db-password-file need --db-url");
            }
            return DatabaseTarget.embedded(dir);
        }
        String password = dbPasswordFile == null ? "" : firstLine(dbPasswordFile, "--db-password-file");
        try {
            return new DatabaseTarget(dbUrl, dbUser, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db-url: " + e.getMessage());
        }
    }

    /** The first line of a secret file, stripped. @throws UsageException if it cannot be read */
    static String firstLine(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return (newline < 0 ? text : text.substring(0, newline)).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read " + option + " " + file + ": " + e.getMessage());
        }
    }
}
