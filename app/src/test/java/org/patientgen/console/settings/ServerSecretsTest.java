package org.patientgen.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved servers and their tokens: the token is encrypted, owner-only, and never in a settings file. */
class ServerSecretsTest {
    static final String TOKEN = "pg_s3cret-token-value-0123456789";

    @TempDir
    Path dir;

    @Test
    void tokensRoundTripButNoFileContainsThem() throws Exception {
        JsonServerStore servers = new JsonServerStore(dir.resolve(JsonServerStore.FILE_NAME));
        servers.save(List.of(new ServerEntry("Lab", "https://10.0.0.5:8443", "eu-west", "AB:CD")));
        new EncryptedTokenVault(dir).store("Lab", TOKEN);
        new JsonSettingsStore(dir.resolve(JsonSettingsStore.FILE_NAME)).save(ConsoleSettings.DEFAULTS);

        assertThat(new EncryptedTokenVault(dir).token("Lab")).contains(TOKEN);
        assertThat(servers.load()).containsExactly(new ServerEntry("Lab", "https://10.0.0.5:8443", "eu-west",
                "AB:CD"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String content = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(content).as(f.getFileName().toString()).doesNotContain(TOKEN).doesNotContain("s3cret");
            }
        }
    }

    @Test
    void theKeyAndTokenFilesAreOwnerOnly() throws Exception {
        new EncryptedTokenVault(dir).store("Lab", TOKEN);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(EncryptedTokenVault.KEY_FILE)))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(EncryptedTokenVault.TOKENS_FILE)))).isEqualTo("rw-------");
        }
    }

    @Test
    void aTokenIsBoundToItsServerAndToThisInstallationsKey() throws Exception {
        EncryptedTokenVault vault = new EncryptedTokenVault(dir);
        vault.store("Lab", TOKEN);
        String file = Files.readString(dir.resolve(EncryptedTokenVault.TOKENS_FILE));
        Files.writeString(dir.resolve(EncryptedTokenVault.TOKENS_FILE), file.replace("\"Lab\"", "\"Other\""));
        assertThat(new EncryptedTokenVault(dir).token("Other")).isEmpty();

        Files.writeString(dir.resolve(EncryptedTokenVault.TOKENS_FILE), file);
        Files.delete(dir.resolve(EncryptedTokenVault.KEY_FILE));
        assertThat(new EncryptedTokenVault(dir).token("Lab")).as("another installation's key").isEmpty();
    }

    @Test
    void removingForgetsTheToken() {
        EncryptedTokenVault vault = new EncryptedTokenVault(dir);
        vault.store("Lab", TOKEN);
        vault.store("Lab", "pg_newer");
        vault.store("Prod", "pg_prod");
        vault.remove("Lab");
        assertThat(vault.token("Lab")).isEmpty();
        assertThat(new EncryptedTokenVault(dir).token("Prod")).contains("pg_prod");
    }

    @Test
    void anUnreadableServerListIsEmpty() throws Exception {
        Files.writeString(dir.resolve(JsonServerStore.FILE_NAME), "{ not json");
        assertThat(new JsonServerStore(dir.resolve(JsonServerStore.FILE_NAME)).load()).isEmpty();
    }
}
