package org.patientgen.console.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.remote.RemoteConnection;
import org.patientgen.console.connection.remote.RemoteTuning;
import org.patientgen.console.connection.remote.SavedServers;
import org.patientgen.console.connection.remote.ServerChecks;
import org.patientgen.console.settings.InMemoryServerStore;
import org.patientgen.console.settings.InMemoryTokenVault;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.FakeDialogs;
import org.patientgen.console.testing.LoopbackServers;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;

/** The servers screen and editor against real loopback servers, on the test thread. */
class ServersViewModelTest {
    @TempDir
    Path temp;
    final BackgroundTasks tasks = SameThread.tasks();
    final InMemoryServerStore store = new InMemoryServerStore();
    final InMemoryTokenVault vault = new InMemoryTokenVault();
    final FakeDialogs dialogs = new FakeDialogs();
    final List<LoopbackServers> started = new ArrayList<>();
    Connections connections;
    SavedServers servers;
    ServersViewModel viewModel;

    @BeforeEach
    void setUp() {
        connections = new Connections(new FakeConnection("Local engine", ConnectionKind.LOCAL), tasks,
                new ManualTicker(), Clock.systemUTC());
        servers = new SavedServers(store, vault, connections, tasks, RemoteTuning.quick(), Clock.systemUTC());
        viewModel = new ServersViewModel(connections, servers, ServerChecks.over(RemoteTuning.quick()), tasks, dialogs);
        viewModel.attach();
    }

    @AfterEach
    void tearDown() {
        connections.close();
        started.forEach(LoopbackServers::close);
    }

    private LoopbackServers http() throws Exception {
        LoopbackServers s = LoopbackServers.http(temp.resolve("http" + started.size()), 0);
        started.add(s);
        return s;
    }

    private LoopbackServers selfSigned() throws Exception {
        LoopbackServers s = LoopbackServers.selfSigned(temp.resolve("tls" + started.size()));
        started.add(s);
        return s;
    }

    @Test
    void theFormSaysWhatIsMissingAsTheUserTypes() {
        ServerEditorViewModel editor = viewModel.add();
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.firstError()).contains("name");

        editor.nameProperty().set("local engine");
        assertThat(editor.nameErrorProperty().get()).contains("taken");
        editor.nameProperty().set("Lab");
        editor.urlProperty().set("ftp://lab");
        assertThat(editor.urlErrorProperty().get()).contains("https://10.0.0.5:8443");
        editor.urlProperty().set("http://127.0.0.1:8080");
        assertThat(editor.tokenErrorProperty().get()).contains("patientgen token create");
        editor.tokenProperty().set("pg_x");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(viewModel.emptyProperty().get()).isTrue();
        assertThat(viewModel.emptyText()).contains("Add one");
    }

    @Test
    void testConnectionShowsVersionLatencyAndRole() throws Exception {
        LoopbackServers server = http();
        ServerEditorViewModel editor = viewModel.add();
        editor.urlProperty().set(server.url());
        editor.tokenProperty().set(server.token);

        editor.testConnection();

        assertThat(editor.testFailedProperty().get()).isFalse();
        assertThat(editor.testResultProperty().get()).startsWith("Connected: PatientGen ").contains(" ms")
                .contains("role OPERATOR").contains("'olivia'");

        editor.tokenProperty().set("pg_wrong-token-000000");
        editor.testConnection();
        assertThat(editor.testFailedProperty().get()).isTrue();
        assertThat(editor.testResultProperty().get()).doesNotContain("pg_wrong");
    }

    @Test
    void aSelfSignedCertificateIsShownThenPinnedWhenTrusted() throws Exception {
        LoopbackServers server = selfSigned();
        ServerEditorViewModel editor = viewModel.add();
        editor.nameProperty().set("Secure lab");
        editor.urlProperty().set(server.url());
        editor.tokenProperty().set(server.token);

        editor.testConnection();

        assertThat(editor.testFailedProperty().get()).isTrue();
        assertThat(editor.certificateProperty().get()).isNotNull();
        assertThat(editor.certificateProperty().get().fingerprint().replace(":", "")
                .equalsIgnoreCase(server.fingerprint.replace(":", "")))
                .isTrue();
        assertThat(editor.certificateProperty().get().subject()).contains("CN=");

        editor.trustCertificate();

        assertThat(editor.pinnedProperty().get()).isNotEmpty();
        assertThat(editor.testFailedProperty().get()).isFalse();
        assertThat(editor.testResultProperty().get()).contains("HTTPS");

        editor.save(saved -> { });
        RemoteConnection saved = servers.find("Secure lab");
        assertThat(saved.entry().pinned()).isTrue();
        assertThat(saved.checkHealth().status()).isEqualTo(ConnectionHealth.Status.UP);
    }

    @Test
    void aCertificateThatNoLongerMatchesThePinIsRefusedWithBothFingerprints() throws Exception {
        LoopbackServers server = selfSigned();
        String wrong = "AA:" + "BB:".repeat(30) + "CC";
        store.save(List.of(new ServerEntry("Secure lab", server.url(), "", wrong)));
        vault.store("Secure lab", server.token);
        servers.restore();
        viewModel.selectedProperty().set(viewModel.rows().get(0));
        ServerEditorViewModel editor = viewModel.editSelected();

        editor.testConnection();

        assertThat(editor.testFailedProperty().get()).isTrue();
        assertThat(editor.testResultProperty().get()).contains("Refused").contains("different certificate")
                .contains(wrong);
        assertThat(servers.find("Secure lab").checkHealth().status()).isEqualTo(ConnectionHealth.Status.DOWN);
    }

    @Test
    void savingKeepsTheTokenInTheVaultConnectingActivatesAndRemovingForgets() throws Exception {
        LoopbackServers server = http();
        ServerEditorViewModel editor = viewModel.add();
        editor.nameProperty().set("Lab");
        editor.urlProperty().set(server.url());
        editor.tokenProperty().set(server.token);
        editor.regionProperty().set("eu-test");
        List<RemoteConnection> saved = new ArrayList<>();

        editor.save(saved::add);

        assertThat(saved).hasSize(1);
        assertThat(store.load()).containsExactly(new ServerEntry("Lab", server.url(), "eu-test", ""));
        assertThat(vault.token("Lab")).contains(server.token);
        assertThat(viewModel.rows()).extracting(ServerRow::name).containsExactly("Lab");
        assertThat(viewModel.rows().get(0).health().get().status()).isEqualTo(ConnectionHealth.Status.UP);

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        viewModel.connectSelected();
        assertThat(connections.active().name()).isEqualTo("Lab");

        // Editing without a token keeps the stored one, and the edited server stays active.
        ServerEditorViewModel edit = viewModel.editSelected();
        edit.nameProperty().set("Lab 2");
        edit.save(s -> { });
        assertThat(connections.active().name()).isEqualTo("Lab 2");
        assertThat(vault.token("Lab 2")).contains(server.token);
        assertThat(vault.token("Lab")).isEmpty();

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        viewModel.removeSelected();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(viewModel.rows()).isEmpty();
        assertThat(store.load()).isEmpty();
        assertThat(vault.token("Lab 2")).isEmpty();
        assertThat(connections.active().kind()).isEqualTo(ConnectionKind.LOCAL);
    }
}
