package org.patientgen.console.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.patientgen.console.ConsoleEnvironment;
import org.patientgen.console.ConsoleWindow;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.connection.remote.RemoteConnection;
import org.patientgen.console.connection.remote.RemoteTuning;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.task.ConsoleThreads;
import org.patientgen.console.task.FxTicker;
import org.patientgen.console.task.FxUiExecutor;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RetryPolicy;

/**
 * Benchmark: the console's memory after a long live dashboard over three servers. This process is
 * the console (as launched by the README, default JVM options): it opens the main window on a local
 * engine, adds two more servers as further connections, shows the dashboard in its "all servers"
 * view, and prints its resident set size (and heap) every 30 s for {@code minutes}. With
 * {@code jobs}, each engine in this process gets a 5,000-patient job every minute so the charts
 * move.
 *
 * <p>Arguments {@code [minutes] [jobs|idle] [URL TOKEN URL TOKEN]}: with two servers' addresses
 * and tokens (operator role, for the jobs; {@code app/bench/start-servers.sh} prints them) they are
 * added as remote connections; without, the two extra servers are engines in this process (each
 * with its own H2 database and pool), which over-states a console with remote connections. Run with
 * {@code app/bench/dashboard-memory.sh}.
 */
public final class DashboardSoakBench {
    private static int minutes = 10;
    private static boolean jobs;
    /** URL and token of each remote server; empty: in-process engines instead. */
    private static final List<String[]> remotes = new ArrayList<>();

    private DashboardSoakBench() {
    }

    public static void main(String[] args) {
        minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        jobs = args.length > 1 && args[1].equals("jobs");
        for (int i = 2; i + 1 < args.length; i += 2) {
            remotes.add(new String[] {args[i], args[i + 1]});
        }
        if (!remotes.isEmpty() && remotes.size() != 2) {
            throw new IllegalArgumentException("give two servers as URL TOKEN URL TOKEN, or none");
        }
        // A plain main class, so JavaFX may sit on the classpath (see Launcher).
        Application.launch(Soak.class, args);
    }

    /** The console, with the soak's extra servers and sampling. */
    public static final class Soak extends Application {
    private final List<Long> rss = new ArrayList<>();
    private ConsoleWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        Path root = Files.createTempDirectory("patientgen-soak");
        LocalEngineConnection local = engine(root.resolve("local"));
        InMemorySettingsStore settings = new InMemorySettingsStore();
        ConsoleEnvironment env = new ConsoleEnvironment(local, settings, settings.load(), ConsoleThreads.io(),
                new FxUiExecutor(), new FxTicker(), folder -> { }, Clock.systemDefaultZone());
        window = ConsoleWindow.open(env, stage);
        List<Connection> servers = new ArrayList<>(List.of(local));
        for (int i = 0; i < 2; i++) {
            Connection server = remotes.isEmpty() ? new Named("Engine " + (i + 2), engine(root.resolve("engine" + i)))
                    : new RemoteConnection(new ServerEntry("Server " + (i + 2), remotes.get(i)[0], "", null),
                            remotes.get(i)[1], RemoteTuning.defaults(), Clock.systemUTC());
            window.context().connections().add(server);
            servers.add(server);
        }
        window.viewModel().navigate("dashboard");
        Platform.runLater(() -> ((ToggleButton) stage.getScene().lookup("#all-servers")).fire());

        long start = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-timer");
            t.setDaemon(true);
            return t;
        });
        System.out.printf("dashboard soak: 3 servers (the local engine + %s), all-servers view, %d min%s,"
                + " java %s, %d cores%n", remotes.isEmpty() ? "2 in-process engines" : "2 remote servers", minutes,
                jobs ? ", a 5,000-patient job per in-process engine per minute" : "",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        timer.scheduleAtFixedRate(() -> sample(start), 1, 30, TimeUnit.SECONDS);
        if (jobs) {
            // Remote servers choose their own output folders, which this console cannot name: jobs go
            // to the in-process engines only.
            timer.scheduleAtFixedRate(() -> servers.stream().filter(s -> s.kind() == ConnectionKind.LOCAL)
                    .forEach(s -> submit(s, root)), 20, 60, TimeUnit.SECONDS);
        }
        timer.schedule(() -> {
            sample(start);
            System.out.printf("RSS after %d min: %,d MB (peak %,d MB); target 400 MB%n", minutes,
                    rss.get(rss.size() - 1), rss.stream().mapToLong(Long::longValue).max().orElse(0));
            Platform.runLater(() -> {
                window.close();
                Platform.exit();
                System.exit(0);
            });
        }, minutes * 60L, TimeUnit.SECONDS);
    }

    private static LocalEngineConnection engine(Path dir) {
        return new LocalEngineConnection(LocalEngineConnection.Options.defaults().withDataDirectory(dir).withWorkers(1));
    }

    private static void submit(Connection server, Path root) {
        try {
            PatientGenService service = server.service();
            service.submit(new JobSubmission(new GenerationSpec(5_000, 1, "MA", LocalDate.of(2025, 6, 30), 5,
                    List.of("fhir-ndjson"), "", root.resolve("out").resolve(server.name().replace(' ', '-')).toString(),
                    5_000), 0, "soak", Map.of(), RetryPolicy.DEFAULT));
        } catch (RuntimeException e) {
            System.out.println("submitting to " + server.name() + " failed: " + e.getMessage());
        }
    }

    private synchronized void sample(long start) {
        long mb = rssMegabytes();
        rss.add(mb);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("t=%4d s  RSS %,5d MB  heap used %,4d MB  heap committed %,4d MB  threads %d  %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), mb,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount(), shown());
    }

    /** What the dashboard says it shows (scope, servers left out), read on the UI thread. */
    private String shown() {
        java.util.concurrent.CompletableFuture<String> text = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.Scene scene = window.stage().getScene();
            javafx.scene.control.Label scope = (javafx.scene.control.Label) scene.lookup("#dashboard-scope");
            javafx.scene.control.Label notice = (javafx.scene.control.Label) scene.lookup("#dashboard-notice");
            javafx.scene.control.Label rate = (javafx.scene.control.Label) scene.lookup("#tile-patients-value");
            text.complete(scope == null ? "" : scope.getText() + ", " + rate.getText() + " patients/s"
                    + (notice.getText().isEmpty() ? "" : " — " + notice.getText()));
        });
        try {
            return text.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(UI thread did not answer in 5 s)";
        }
    }

    private static long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return -1;
    }

    }

    /** Another engine under its own name (connection names are unique). */
    private record Named(String name, Connection delegate) implements Connection {
        @Override
        public String user() {
            return delegate.user();
        }

        @Override
        public ConnectionKind kind() {
            return delegate.kind();
        }

        @Override
        public PatientGenService service() {
            return delegate.service();
        }

        @Override
        public ConnectionHealth checkHealth() {
            return delegate.checkHealth();
        }

        @Override
        public Optional<String> defaultOutputRoot() {
            return delegate.defaultOutputRoot();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

}
