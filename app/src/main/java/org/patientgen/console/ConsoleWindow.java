package org.patientgen.console;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.remote.RemoteTuning;
import org.patientgen.console.connection.remote.SavedServers;
import org.patientgen.console.dialog.FxDialogs;
import org.patientgen.console.main.MainView;
import org.patientgen.console.main.MainViewModel;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.ConsoleSettings.WindowPlacement;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.theme.Theme;
import org.patientgen.console.theme.ThemeSwitcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: wires the environment into connections, tasks, theme, screens
 * and the main window on a stage, and takes it all down again. Used by {@link ConsoleApp} and by
 * the UI tests.
 */
public final class ConsoleWindow implements AutoCloseable {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);

    private final ConsoleEnvironment env;
    private final Stage stage;
    private final Connections connections;
    private final SavedServers servers;
    private final ThemeSwitcher themes;
    private final MainViewModel viewModel;
    private final MainView view;
    private final ScreenContext context;
    private boolean closed;

    private ConsoleWindow(ConsoleEnvironment env, Stage stage) {
        this.env = env;
        this.stage = stage;
        ConsoleSettings initial = env.initial();
        themes = new ThemeSwitcher(Theme.parse(initial.theme()));
        BackgroundTasks tasks = new BackgroundTasks(env.io(), env.ui());
        connections = new Connections(env.local(), tasks, env.ticker(), env.clock());
        Freshness freshness = new Freshness();
        servers = new SavedServers(env.servers(), env.tokens(), connections, tasks, RemoteTuning.defaults(),
                env.clock());
        context = new ScreenContext(connections, tasks, env.ticker(), new FxDialogs(() -> stage, themes),
                env.folders(), themes, freshness, env.clock(), servers);
        viewModel = new MainViewModel(Screens.all().all(), connections, tasks, themes.themeProperty(), freshness,
                env.settings(), initial, env.clock());
        view = new MainView(viewModel, context);
    }

    /** Builds the console on {@code stage}, shows it, and starts the local engine in the background. */
    public static ConsoleWindow open(ConsoleEnvironment env, Stage stage) {
        ConsoleWindow window = new ConsoleWindow(env, stage);
        window.show();
        return window;
    }

    private void show() {
        WindowPlacement placement = env.initial().window();
        Scene scene = new Scene(view.load(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        themes.install(scene);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle("PatientGen console");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        place(placement);
        stage.show();
        connections.start();
        servers.restore();
    }

    /** Restores the remembered placement when it is still on a screen; else the default size, centred. */
    private void place(WindowPlacement placement) {
        if (placement != null && !Screen.getScreensForRectangle(new Rectangle2D(placement.x(), placement.y(),
                placement.width(), placement.height())).isEmpty()) {
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
            stage.setMaximized(placement.maximized());
        } else {
            stage.setWidth(placement == null ? DEFAULT_WIDTH : placement.width());
            stage.setHeight(placement == null ? DEFAULT_HEIGHT : placement.height());
            stage.centerOnScreen();
        }
    }

    public Stage stage() {
        return stage;
    }

    public ScreenContext context() {
        return context;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    /**
     * Remembers the window placement, detaches the shown screen, stops the local engine and the
     * worker pool. The settings file and the engine are written and stopped on the worker pool; the
     * UI thread waits for them, which is acceptable only here, as the window is going away.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ConsoleSettings last = viewModel.closing(new WindowPlacement(stage.getX(), stage.getY(),
                Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()), stage.isMaximized()));
        view.detach();
        env.io().execute(() -> env.settings().save(last));
        env.io().execute(connections::close);
        env.io().shutdown();
        try {
            if (!env.io().awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warn("console work still running 20 s after closing; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
