package org.patientgen.console.main;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.SettingsStore;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.RunningTask;
import org.patientgen.console.theme.Theme;

/**
 * The main window's state: which screen is shown, the active connection and its health, the
 * status bar (connection, last update, background tasks) and the theme. Remembers the theme and
 * the last screen as they change (saved in the background) and the window placement on exit.
 * UI thread only.
 */
public final class MainViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<Screen> screens;
    private final Connections connections;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Theme> theme;
    private final SettingsStore store;
    private final ZoneId zone;
    private ConsoleSettings settings;

    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<ConnectionHealth> activeHealth = new ReadOnlyObjectWrapper<>(this, "health");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final StringBinding lastUpdateText;
    private final ReadOnlyStringWrapper tasksText = new ReadOnlyStringWrapper(this, "tasksText", "Ready");
    private final ReadOnlyDoubleWrapper tasksProgress = new ReadOnlyDoubleWrapper(this, "tasksProgress");
    private final StringBinding failureText;
    private final StringBinding themeToggleText;
    private final ChangeListener<ConnectionHealth> healthListener = (obs, old, now) -> showHealth(now);
    private ReadOnlyObjectProperty<ConnectionHealth> watchedHealth;
    private final ReadOnlyObjectWrapper<LinkStatus> link = new ReadOnlyObjectWrapper<>(this, "link", LinkStatus.CONNECTED);
    private final StringBinding lostBanner;
    private final StringBinding lostDetail;
    private Cancellable watchedLink = Cancellable.NONE;

    public MainViewModel(List<Screen> screens, Connections connections, BackgroundTasks tasks,
                         ObjectProperty<Theme> theme, Freshness freshness, SettingsStore store,
                         ConsoleSettings initial, Clock clock) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("the console needs at least one screen");
        }
        this.screens = List.copyOf(screens);
        this.connections = Objects.requireNonNull(connections, "connections");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.theme = Objects.requireNonNull(theme, "theme");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(initial, "initial");
        this.zone = clock.getZone();
        theme.set(Theme.parse(initial.theme()));

        ObservableList<RunningTask> running = tasks.running();
        running.addListener((ListChangeListener<RunningTask>) change -> {
            while (change.next()) {
                for (RunningTask added : change.getAddedSubList()) {
                    added.progressProperty().addListener(o -> showTasks(running));
                    added.messageProperty().addListener(o -> showTasks(running));
                }
            }
            showTasks(running);
        });
        lastUpdateText = Bindings.createStringBinding(() -> {
            Instant at = freshness.lastUpdateProperty().get();
            return at == null ? "No data yet" : "Updated " + TIME.format(at.atZone(zone));
        }, freshness.lastUpdateProperty());
        failureText = Bindings.createStringBinding(() -> {
            BackgroundTasks.TaskFailure f = tasks.lastFailureProperty().get();
            return f == null ? "" : f.title() + " failed: " + f.message();
        }, tasks.lastFailureProperty());
        themeToggleText = Bindings.createStringBinding(() -> "Switch to " + theme.get().opposite().label().toLowerCase()
                + " theme", theme);

        lostBanner = Bindings.createStringBinding(() -> lost() ? "Lost connection to " + connections.active().name()
                + " — reconnecting…" : "", link, activeHealth);
        lostDetail = Bindings.createStringBinding(() -> !lost() ? "" : link.get().lost() ? link.get().detail()
                : activeHealth.get().detail(), link, activeHealth);
        connections.activeProperty().addListener((obs, old, now) -> watch(now));
        watch(connections.active());
        showScreen(initial.lastScreen());
    }

    private void showTasks(List<RunningTask> running) {
        tasksText.set(describe(running));
        tasksProgress.set(running.isEmpty() ? 0 : running.get(0).progressProperty().get());
    }

    private static String describe(List<RunningTask> running) {
        if (running.isEmpty()) {
            return "Ready";
        }
        RunningTask first = running.get(0);
        String message = first.messageProperty().get();
        String text = first.title() + (message.isEmpty() ? "…" : ": " + message);
        return running.size() == 1 ? text : text + " (+" + (running.size() - 1) + " more)";
    }

    private void watch(Connection connection) {
        if (watchedHealth != null) {
            watchedHealth.removeListener(healthListener);
        }
        watchedLink.cancel();
        link.set(LinkStatus.CONNECTED);
        try {
            // Told on the client's thread: hand over to the UI thread, and ignore a connection no longer shown.
            watchedLink = connection.watchLink(status -> tasks.ui().execute(() -> {
                if (connections.active() == connection) {
                    showLink(connection, status);
                }
            }));
        } catch (RuntimeException e) {
            watchedLink = Cancellable.NONE; // a closed connection: its health says why
        }
        watchedHealth = connections.healthProperty(connection);
        watchedHealth.addListener(healthListener);
        showHealth(watchedHealth.get());
    }

    private void showLink(Connection connection, LinkStatus status) {
        boolean wasLost = link.get().lost();
        link.set(status);
        if (wasLost && !status.lost()) {
            connections.checkHealth(connection); // clear the banner now, not at the next poll
        }
    }

    /**
     * The active remote server stopped answering: its client noticed (event stream or a call) or
     * the last health check failed. The local engine never shows it (its failures are in the badge).
     */
    private boolean lost() {
        Connection active = connections.active();
        ConnectionHealth health = activeHealth.get();
        return active.kind() == ConnectionKind.REMOTE && (link.get().lost()
                || (health != null && health.status() == ConnectionHealth.Status.DOWN));
    }

    /** E.g. {@code Lost connection to Lab — reconnecting…}, or empty while the active engine answers. */
    public StringBinding lostBannerText() {
        return lostBanner;
    }

    /** Why it was lost, for the banner's tooltip. */
    public StringBinding lostDetailText() {
        return lostDetail;
    }

    private void showHealth(ConnectionHealth health) {
        activeHealth.set(health);
        connectionText.set(connections.active().name() + " · " + health.summary());
    }

    // ---- navigation ----

    /** The screens of the sidebar, in order. */
    public List<Screen> screens() {
        return screens;
    }

    /** The screen shown. */
    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Shows the screen with this id (the first screen for an unknown id) and remembers it. */
    public void navigate(String screenId) {
        showScreen(screenId);
        remember(settings.withLastScreen(current.get().id()));
    }

    /** Shows the {@code index}-th screen (0-based, for Ctrl+1..9); ignored when there is none. */
    public void navigate(int index) {
        if (index >= 0 && index < screens.size()) {
            navigate(screens.get(index).id());
        }
    }

    private void showScreen(String screenId) {
        current.set(screens.stream().filter(s -> s.id().equals(screenId)).findFirst().orElse(screens.get(0)));
    }

    // ---- connections ----

    /** Every connection, for the server switcher. */
    public ObservableList<Connection> connections() {
        return connections.all();
    }

    public ReadOnlyObjectProperty<Connection> activeConnectionProperty() {
        return connections.activeProperty();
    }

    /** Makes {@code connection} the one every screen shows. */
    public void activate(Connection connection) {
        connections.activate(connection);
    }

    /** The active connection's last known health. */
    public ReadOnlyObjectProperty<ConnectionHealth> activeHealthProperty() {
        return activeHealth.getReadOnlyProperty();
    }

    /** E.g. {@code Local engine · Up · 3 ms}. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    // ---- status bar ----

    /** E.g. {@code Updated 12:03:04}. */
    public StringBinding lastUpdateText() {
        return lastUpdateText;
    }

    /** The oldest running task and how many more, or {@code Ready}. */
    public ReadOnlyStringProperty tasksTextProperty() {
        return tasksText.getReadOnlyProperty();
    }

    /** The oldest running task's progress: 0 when idle, negative while unknown. */
    public ReadOnlyDoubleProperty tasksProgressProperty() {
        return tasksProgress.getReadOnlyProperty();
    }

    /** The latest unhandled failure, or empty. */
    public StringBinding failureText() {
        return failureText;
    }

    // ---- theme ----

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Switches between light and dark, and remembers the choice. */
    public void toggleTheme() {
        theme.set(theme.get().opposite());
        remember(settings.withTheme(theme.get().name()));
    }

    /** The toggle's tooltip, e.g. {@code Switch to dark theme}. */
    public StringBinding themeToggleText() {
        return themeToggleText;
    }

    // ---- settings ----

    /** The settings to keep when the window closes at {@code placement}. */
    public ConsoleSettings closing(ConsoleSettings.WindowPlacement placement) {
        settings = settings.withWindow(placement).withLastScreen(current.get().id());
        return settings;
    }

    private void remember(ConsoleSettings changed) {
        settings = changed;
        tasks.task("Saving settings", p -> {
            store.save(changed);
            return null;
        }).quiet().start();
    }
}
