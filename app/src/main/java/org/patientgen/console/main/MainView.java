package org.patientgen.console.main;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.console.theme.Theme;

/**
 * The main window's view: builds the sidebar from the registered screens, hosts the current
 * screen's view (created once, attached while shown), and binds header and status bar to the
 * {@link MainViewModel}.
 */
public final class MainView {
    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;

    private final MainViewModel viewModel;
    private final ScreenContext context;
    private final Map<String, ScreenView> views = new HashMap<>();
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private final ToggleGroup navGroup = new ToggleGroup();
    private ScreenView shown;

    @FXML
    private BorderPane root;
    @FXML
    private VBox navigation;
    @FXML
    private StackPane content;
    @FXML
    private MenuButton serverSwitcher;
    @FXML
    private Button themeToggle;
    @FXML
    private StatusBar statusBar;
    @FXML
    private Label lostBanner;

    public MainView(MainViewModel viewModel, ScreenContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    /** Loads the window's content. */
    public Parent load() {
        return Fxml.load("/fxml/main/Main.fxml", this);
    }

    @FXML
    private void initialize() {
        buildNavigation();
        buildServerSwitcher();
        buildStatusBar();
        lostBanner.setId("lost-banner");
        lostBanner.setGraphic(new FontIcon(MaterialDesignL.LAN_DISCONNECT));
        Controls.banner(lostBanner, viewModel.lostBannerText());
        Tooltip lostTip = new Tooltip();
        lostTip.textProperty().bind(viewModel.lostDetailText());
        lostTip.setWrapText(true);
        lostTip.setMaxWidth(520);
        lostBanner.setTooltip(lostTip);
        themeToggle.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                viewModel.themeProperty().get() == Theme.LIGHT ? MaterialDesignW.WEATHER_NIGHT
                        : MaterialDesignW.WEATHER_SUNNY), viewModel.themeProperty()));
        themeToggle.setId("theme-toggle");
        Tooltip themeTip = new Tooltip();
        themeTip.textProperty().bind(viewModel.themeToggleText());
        themeToggle.setTooltip(themeTip);
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        viewModel.currentProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.currentProperty().get());
    }

    private void buildNavigation() {
        List<Screen> screens = viewModel.screens();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            ToggleButton button = new ToggleButton(screen.title(), new FontIcon(screen.icon()));
            button.setId("nav-" + screen.id());
            button.setToggleGroup(navGroup);
            button.getStyleClass().add("pg-nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setContentDisplay(ContentDisplay.LEFT);
            if (i < 9) {
                button.setTooltip(new Tooltip(screen.title() + " (" + shortcutText(i) + ")"));
            }
            button.setOnAction(e -> viewModel.navigate(screen.id()));
            navButtons.put(screen.id(), button);
            navigation.getChildren().add(button);
        }
    }

    private static String shortcutText(int index) {
        return new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(index + 1)), SHORTCUT).getDisplayText();
    }

    private void buildServerSwitcher() {
        serverSwitcher.setId("server-switcher");
        serverSwitcher.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.activeConnectionProperty().get().name(), viewModel.activeConnectionProperty()));
        FontIcon dot = new FontIcon(MaterialDesignC.CIRCLE);
        dot.getStyleClass().add("pg-health-dot");
        serverSwitcher.setGraphic(dot);
        Tooltip tip = new Tooltip();
        serverSwitcher.setTooltip(tip);
        viewModel.activeHealthProperty().addListener((obs, old, now) -> showHealth(dot, tip, now));
        showHealth(dot, tip, viewModel.activeHealthProperty().get());
        ToggleGroup group = new ToggleGroup();
        Runnable rebuild = () -> {
            serverSwitcher.getItems().clear();
            for (Connection c : viewModel.connections()) {
                RadioMenuItem item = new RadioMenuItem(c.name());
                item.setToggleGroup(group);
                item.setSelected(c == viewModel.activeConnectionProperty().get());
                item.setOnAction(e -> viewModel.activate(c));
                serverSwitcher.getItems().add(item);
            }
        };
        viewModel.connections().addListener((javafx.collections.ListChangeListener<Connection>) c -> rebuild.run());
        viewModel.activeConnectionProperty().addListener((obs, old, now) -> rebuild.run());
        rebuild.run();
    }

    private static void showHealth(FontIcon dot, Tooltip tip, ConnectionHealth health) {
        dot.getStyleClass().removeAll(ConsoleStyles.HEALTH_UP, ConsoleStyles.HEALTH_DOWN, ConsoleStyles.HEALTH_STARTING);
        dot.getStyleClass().add(switch (health.status()) {
            case UP -> ConsoleStyles.HEALTH_UP;
            case DOWN -> ConsoleStyles.HEALTH_DOWN;
            case STARTING -> ConsoleStyles.HEALTH_STARTING;
        });
        tip.setText(health.summary() + "\n" + health.detail());
    }

    private void buildStatusBar() {
        statusBar.textProperty().bind(viewModel.tasksTextProperty());
        statusBar.progressProperty().bind(viewModel.tasksProgressProperty());
        Label connection = new Label();
        connection.setId("status-connection");
        connection.textProperty().bind(viewModel.connectionTextProperty());
        FontIcon dot = new FontIcon(MaterialDesignC.CIRCLE);
        dot.getStyleClass().add("pg-health-dot");
        viewModel.activeHealthProperty().addListener((obs, old, now) -> showHealth(dot, new Tooltip(), now));
        showHealth(dot, new Tooltip(), viewModel.activeHealthProperty().get());
        connection.setGraphic(dot);
        statusBar.getLeftItems().add(connection);
        Label failure = new Label();
        failure.setId("status-failure");
        failure.getStyleClass().add(ConsoleStyles.DANGER);
        failure.textProperty().bind(viewModel.failureText());
        failure.setMaxWidth(420);
        Tooltip failureTip = new Tooltip();
        failureTip.textProperty().bind(viewModel.failureText());
        failure.setTooltip(failureTip);
        Label updated = new Label();
        updated.setId("status-updated");
        updated.getStyleClass().add(ConsoleStyles.MUTED);
        updated.textProperty().bind(viewModel.lastUpdateText());
        statusBar.getRightItems().addAll(failure, updated);
    }

    private void show(Screen screen) {
        ToggleButton button = navButtons.get(screen.id());
        if (button != null) {
            button.setSelected(true);
        }
        ScreenView next = views.computeIfAbsent(screen.id(), id -> screen.factory().apply(context));
        if (next == shown) {
            return;
        }
        if (shown != null) {
            shown.detach();
        }
        shown = next;
        content.getChildren().setAll(next.root());
        next.attach();
    }

    /** Keyboard shortcuts: Ctrl+1..9 for the screens, Ctrl+Shift+L for the theme, Ctrl+Q to quit. */
    public void installShortcuts(Scene scene) {
        for (int i = 0; i < Math.min(9, viewModel.screens().size()); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)), SHORTCUT),
                    () -> viewModel.navigate(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, SHORTCUT, KeyCombination.SHIFT_DOWN),
                viewModel::toggleTheme);
        // Quitting hides the window: the application then stops as after closing it (settings kept,
        // engine stopped).
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, SHORTCUT), () -> scene.getWindow().hide());
    }

    /** Detaches the shown screen (on exit). */
    public void detach() {
        if (shown != null) {
            shown.detach();
            shown = null;
        }
    }

    @FXML
    private void toggleTheme() {
        viewModel.toggleTheme();
    }
}
