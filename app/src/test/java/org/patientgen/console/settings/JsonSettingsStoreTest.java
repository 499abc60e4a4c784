package org.patientgen.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsStoreTest {
    @TempDir
    Path temp;

    @Test
    void remembersWhatWasSaved() throws Exception {
        JsonSettingsStore store = new JsonSettingsStore(temp.resolve("sub/console.json"));
        assertThat(store.load()).isEqualTo(ConsoleSettings.DEFAULTS);
        ConsoleSettings settings = ConsoleSettings.DEFAULTS.withTheme("DARK").withLastScreen("jobs")
                .withWindow(new ConsoleSettings.WindowPlacement(10, 20, 1000, 700, true));
        store.save(settings);
        assertThat(new JsonSettingsStore(temp.resolve("sub/console.json")).load()).isEqualTo(settings);
        try (var files = Files.list(temp.resolve("sub"))) {
            assertThat(files).containsExactly(temp.resolve("sub/console.json"));
        }
    }

    @Test
    void anUnreadableFileIsIgnored() throws Exception {
        Path file = Files.writeString(temp.resolve("console.json"), "{ not json");
        assertThat(new JsonSettingsStore(file).load()).isEqualTo(ConsoleSettings.DEFAULTS);
        Files.writeString(file, "{\"theme\":\"DARK\",\"window\":{\"x\":0,\"y\":0,\"width\":-5,\"height\":1}}");
        assertThat(new JsonSettingsStore(file).load()).isEqualTo(ConsoleSettings.DEFAULTS);
        Files.writeString(file, "{\"theme\":\"DARK\",\"future\":1}");
        assertThat(new JsonSettingsStore(file).load().theme()).isEqualTo("DARK");
    }
}
