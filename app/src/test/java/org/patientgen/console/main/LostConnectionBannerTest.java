package org.patientgen.console.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.console.theme.Theme;
import org.patientgen.engine.api.EngineInfo;

/** The "Lost connection to X — reconnecting…" banner of the main window. */
class LostConnectionBannerTest {
    final FakeConnection local = new FakeConnection("Local engine", ConnectionKind.LOCAL);
    final FakeConnection lab = new FakeConnection("Lab", ConnectionKind.REMOTE);
    final BackgroundTasks tasks = SameThread.tasks();
    final ManualTicker ticker = new ManualTicker();
    final Connections connections = new Connections(local, tasks, ticker, Clock.systemUTC());
    final MainViewModel vm;

    LostConnectionBannerTest() {
        connections.add(lab);
        vm = new MainViewModel(List.of(MainViewModelTest.screen("jobs")), connections, tasks,
                new SimpleObjectProperty<>(Theme.LIGHT), new Freshness(), new InMemorySettingsStore(),
                ConsoleSettings.DEFAULTS, Clock.systemUTC());
    }

    static ConnectionHealth up() {
        return ConnectionHealth.up(new EngineInfo("1.0", "dev", "n1", "", Instant.EPOCH, "H2", "3", 2, List.of()),
                java.time.Duration.ofMillis(3), Instant.now());
    }

    @Test
    void showsWhenTheActiveServerIsLostAndClearsWhenItIsBack() {
        lab.health = up();
        connections.activate(lab);
        assertThat(vm.lostBannerText().get()).isEmpty();

        lab.link(LinkStatus.lost("cannot reach the PatientGen server at http://lab:8080 (Connection refused)"));
        assertThat(vm.lostBannerText().get()).isEqualTo("Lost connection to Lab — reconnecting…");
        assertThat(vm.lostDetailText().get()).contains("Connection refused");

        lab.link(LinkStatus.CONNECTED);
        assertThat(vm.lostBannerText().get()).isEmpty();
    }

    @Test
    void aFailedHealthCheckShowsItTooUntilAHealthyOne() {
        connections.activate(lab);
        lab.health = ConnectionHealth.down("Not ready:\n✗ database: timed out", Instant.now());
        connections.checkHealth(lab);
        assertThat(vm.lostBannerText().get()).contains("Lab");
        assertThat(vm.lostDetailText().get()).contains("database");

        lab.health = up();
        connections.checkHealth(lab);
        assertThat(vm.lostBannerText().get()).isEmpty();
    }

    @Test
    void onlyTheActiveRemoteConnectionCounts() {
        local.health = ConnectionHealth.down("did not start", Instant.now());
        connections.checkHealth(local);
        assertThat(vm.lostBannerText().get()).as("the local engine's failures are in its badge").isEmpty();

        connections.activate(lab);
        assertThat(lab.linkWatchers()).isEqualTo(1);
        connections.activate(local);
        assertThat(lab.linkWatchers()).isZero();
        lab.link(LinkStatus.lost("gone"));
        assertThat(vm.lostBannerText().get()).isEmpty();
    }
}
