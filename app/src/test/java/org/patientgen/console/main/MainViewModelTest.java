package org.patientgen.console.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.console.theme.Theme;
import org.patientgen.engine.api.EngineInfo;

class MainViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    final FakeConnection local = new FakeConnection("Local engine", ConnectionKind.LOCAL);
    final BackgroundTasks tasks = SameThread.tasks();
    final Connections connections = new Connections(local, tasks, new ManualTicker(), CLOCK);
    final InMemorySettingsStore store = new InMemorySettingsStore();
    final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    final Freshness freshness = new Freshness();

    static Screen screen(String id) {
        return new Screen(id, id, MaterialDesignF.FORMAT_LIST_CHECKS, c -> (ScreenView) null);
    }

    MainViewModel viewModel(ConsoleSettings initial) {
        return new MainViewModel(List.of(screen("jobs"), screen("pool")), connections, tasks, theme, freshness, store,
                initial, CLOCK);
    }

    @Test
    void showsTheRememberedScreenAndRemembersNavigation() {
        MainViewModel vm = viewModel(ConsoleSettings.DEFAULTS.withLastScreen("pool"));
        assertThat(vm.currentProperty().get().id()).isEqualTo("pool");
        vm.navigate(0);
        assertThat(vm.currentProperty().get().id()).isEqualTo("jobs");
        assertThat(store.load().lastScreen()).isEqualTo("jobs");
        vm.navigate(7);
        assertThat(vm.currentProperty().get().id()).isEqualTo("jobs");
        assertThat(viewModel(ConsoleSettings.DEFAULTS.withLastScreen("gone")).currentProperty().get().id())
                .isEqualTo("jobs");
    }

    @Test
    void themeTogglesAndIsRemembered() {
        MainViewModel vm = viewModel(ConsoleSettings.DEFAULTS.withTheme("DARK"));
        assertThat(theme.get()).isEqualTo(Theme.DARK);
        assertThat(vm.themeToggleText().get()).isEqualTo("Switch to light theme");
        vm.toggleTheme();
        assertThat(theme.get()).isEqualTo(Theme.LIGHT);
        assertThat(store.load().theme()).isEqualTo("LIGHT");
    }

    @Test
    void statusBarShowsConnectionHealthTasksAndLastUpdate() {
        MainViewModel vm = viewModel(ConsoleSettings.DEFAULTS);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Local engine · Starting…");
        local.health = ConnectionHealth.up(new EngineInfo("1.0", "dev", "n1", "", Instant.EPOCH, "H2", "3", 2,
                List.of("jobs")), Duration.ofMillis(4), Instant.EPOCH);
        connections.checkHealth(local);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Local engine · Up · 4 ms");
        assertThat(vm.activeHealthProperty().get().detail()).contains("Node n1", "Database H2, schema 3");

        assertThat(vm.lastUpdateText().get()).isEqualTo("No data yet");
        freshness.updated(Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(vm.lastUpdateText().get()).isEqualTo("Updated 05:06:07");

        assertThat(vm.tasksTextProperty().get()).isEqualTo("Ready");
        AtomicReference<String> seen = new AtomicReference<>();
        tasks.task("Loading jobs", p -> {
            seen.set(vm.tasksTextProperty().get());
            return 1;
        }).start();
        assertThat(seen.get()).isEqualTo("Loading jobs…");
        assertThat(vm.tasksTextProperty().get()).isEqualTo("Ready");
        tasks.task("Broken", p -> {
            throw new IllegalStateException("boom");
        }).start();
        assertThat(vm.failureText().get()).isEqualTo("Broken failed: IllegalStateException: boom");
    }

    @Test
    void closingRemembersTheWindowAndScreen() {
        MainViewModel vm = viewModel(ConsoleSettings.DEFAULTS);
        ConsoleSettings kept = vm.closing(new ConsoleSettings.WindowPlacement(1, 2, 800, 600, false));
        assertThat(kept.window()).isEqualTo(new ConsoleSettings.WindowPlacement(1, 2, 800, 600, false));
        assertThat(kept.lastScreen()).isEqualTo("jobs");
    }
}
