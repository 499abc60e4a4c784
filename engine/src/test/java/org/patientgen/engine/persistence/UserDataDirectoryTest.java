package org.patientgen.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's data directory, and how database targets are named and shown. */
class UserDataDirectoryTest {

    @Test
    void linuxFollowsXdgAndFallsBackToLocalShare() {
        assertThat(UserDataDirectory.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/me"), "/home/me", null))
                .isEqualTo(Path.of("/data/me/patientgen"));
        assertThat(UserDataDirectory.resolve("Linux", Map.of(), "/home/me", null))
                .isEqualTo(Path.of("/home/me/.local/share/patientgen"));
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        assertThat(UserDataDirectory.resolve("Linux", Map.of("XDG_DATA_HOME", "rel"), "/home/me", null))
                .isEqualTo(Path.of("/home/me/.local/share/patientgen"));
    }

    @Test
    void windowsUsesAppDataAndMacApplicationSupport() {
        assertThat(UserDataDirectory.resolve("Windows 11", Map.of("APPDATA", "/C/Users/me/AppData/Roaming"),
                "/C/Users/me", null)).isEqualTo(Path.of("/C/Users/me/AppData/Roaming", "PatientGen"));
        assertThat(UserDataDirectory.resolve("Windows 11", Map.of(), "/C/Users/me", null))
                .isEqualTo(Path.of("/C/Users/me", "AppData", "Roaming", "PatientGen"));
        assertThat(UserDataDirectory.resolve("Mac OS X", Map.of(), "/Users/me", null))
                .isEqualTo(Path.of("/Users/me/Library/Application Support/PatientGen"));
    }

    @Test
    void overridesWinPropertyFirst() {
        Map<String, String> env = Map.of(UserDataDirectory.OVERRIDE_ENV, "/env/dir", "XDG_DATA_HOME", "/data");
        assertThat(UserDataDirectory.resolve("Linux", env, "/home/me", null)).isEqualTo(Path.of("/env/dir"));
        assertThat(UserDataDirectory.resolve("Linux", env, "/home/me", "/prop/dir")).isEqualTo(Path.of("/prop/dir"));
    }

    @Test
    void targetsKnowTheirDialectAndNeverShowPasswords() {
        DatabaseTarget embedded = DatabaseTarget.embedded(Path.of("/var/lib/pg"));
        assertThat(embedded.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/pg/patientgen;LOCK_TIMEOUT=10000");
        assertThat(embedded.dialect()).isEqualTo(SqlDialect.H2);
        DatabaseTarget pg = new DatabaseTarget("jdbc:postgresql://db:5432/pg?user=x&password=hunter2", "pg", "s3cret");
        assertThat(pg.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(pg.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("password=***");
        assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://db/x", "", ""))
                .hasMessageContaining("use jdbc:postgresql://HOST:PORT/DATABASE or jdbc:h2:file:PATH");
    }
}
