package org.patientgen.engine.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which database to use and how to log in. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:h2:…} or {@code jdbc:postgresql://…}
 * @param username login name (empty for H2's default)
 * @param password password (empty when none); never logged
 */
public record DatabaseTarget(String jdbcUrl, String username, String password) {
    /** File name (without H2's {@code .mv.db} suffix) of the embedded database. */
    public static final String EMBEDDED_NAME = "patientgen";

    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        SqlDialect.ofJdbcUrl(jdbcUrl);
    }

    /**
     * The embedded H2 file database in {@code dataDirectory}. A lock timeout of 10 s (H2's default is
     * 1 s) lets claimers queue behind each other on a busy single node instead of failing.
     */
    public static DatabaseTarget embedded(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve(EMBEDDED_NAME);
        return new DatabaseTarget("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000", "sa", "");
    }

    /** The embedded database in the user data directory (see {@link UserDataDirectory}). */
    public static DatabaseTarget embeddedDefault() {
        return embedded(UserDataDirectory.resolve());
    }

    /** Which SQL dialect the target speaks. */
    public SqlDialect dialect() {
        return SqlDialect.ofJdbcUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        // A URL may carry a password too (jdbc:postgresql://h/db?password=...).
        String url = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return "DatabaseTarget[" + url + ", user=" + username + (password.isEmpty() ? "" : ", password=***") + "]";
    }
}
