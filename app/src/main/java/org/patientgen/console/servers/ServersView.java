package org.patientgen.console.servers;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.remote.RemoteTuning;
import org.patientgen.console.connection.remote.ServerChecks;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;

/** The servers screen's view: binds {@code fxml/servers/Servers.fxml} to the {@link ServersViewModel}. */
public final class ServersView implements ScreenView {
    private final ScreenContext context;
    private final ServersViewModel viewModel;
    private final VBox loaded;

    @FXML
    private Button addButton;
    @FXML
    private Button connectButton;
    @FXML
    private Button editButton;
    @FXML
    private Button removeButton;
    @FXML
    private Button refreshButton;
    @FXML
    private TableView<ServerRow> table;
    @FXML
    private TableColumn<ServerRow, ServerRow> healthColumn;
    @FXML
    private TableColumn<ServerRow, ServerRow> nameColumn;
    @FXML
    private TableColumn<ServerRow, String> regionColumn;
    @FXML
    private TableColumn<ServerRow, String> urlColumn;
    @FXML
    private TableColumn<ServerRow, String> certificateColumn;

    public ServersView(ScreenContext context) {
        this(context, ServerChecks.over(RemoteTuning.defaults()));
    }

    /** With other checks (tests). */
    public ServersView(ScreenContext context, ServerChecks checks) {
        this.context = context;
        this.viewModel = new ServersViewModel(context.connections(), context.servers(), checks, context.tasks(),
                context.dialogs());
        this.loaded = Fxml.load("/fxml/servers/Servers.fxml", this);
    }

    public ServersViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        Controls.action(addButton, "add-server", MaterialDesignP.PLUS, "accent");
        Controls.action(connectButton, "connect-server", MaterialDesignL.LAN_CONNECT, viewModel.nothingSelectedProperty());
        Controls.action(editButton, "edit-server", MaterialDesignP.PENCIL, viewModel.nothingSelectedProperty());
        Controls.action(removeButton, "remove-server", MaterialDesignD.DELETE_OUTLINE, viewModel.nothingSelectedProperty());
        Controls.iconButton(refreshButton, MaterialDesignR.REFRESH, "Check every server now");
        refreshButton.setId("refresh-servers");
        table.setId("servers-table");
        table.setItems(viewModel.rows());
        Label empty = new Label(viewModel.emptyText());
        empty.getStyleClass().add(ConsoleStyles.EMPTY_STATE);
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.selectedProperty().set(now));
        table.setRowFactory(t -> {
            TableRow<ServerRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.connect(row.getItem().server());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.connectSelected();
            }
        });
        healthColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        healthColumn.setCellFactory(c -> new HealthCell());
        healthColumn.setSortable(false);
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nameColumn.setCellFactory(c -> new NameCell());
        nameColumn.setSortable(false);
        regionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().region()));
        urlColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().url()));
        certificateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().certificate()));
        context.connections().activeProperty().addListener(o -> table.refresh());
    }

    /** The badge, following the row's health; the reasons on hover. */
    private static final class HealthCell extends TableCell<ServerRow, ServerRow> {
        private final Label badge = new Label();
        private final Tooltip tip = new Tooltip();
        private ServerRow shown;
        private final javafx.beans.InvalidationListener update = o -> show();

        HealthCell() {
            badge.getStyleClass().add(ConsoleStyles.BADGE);
            badge.setTooltip(tip);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
        }

        @Override
        protected void updateItem(ServerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.health().removeListener(update);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.health().addListener(update);
            show();
            setGraphic(badge);
        }

        private void show() {
            ConnectionHealth health = shown.health().get();
            badge.setText(shown.healthText());
            badge.setId("health-" + shown.name());
            tip.setText(shown.healthDetail());
            badge.getStyleClass().removeAll(ConsoleStyles.HEALTH_UP, ConsoleStyles.HEALTH_DOWN,
                    ConsoleStyles.HEALTH_STARTING);
            badge.getStyleClass().add(switch (health.status()) {
                case UP -> ConsoleStyles.HEALTH_UP;
                case DOWN -> ConsoleStyles.HEALTH_DOWN;
                case STARTING -> ConsoleStyles.HEALTH_STARTING;
            });
        }
    }

    /** The name, bold with a mark for the server the screens show. */
    private final class NameCell extends TableCell<ServerRow, ServerRow> {
        @Override
        protected void updateItem(ServerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove(ConsoleStyles.ACTIVE_SERVER);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean active = viewModel.isActive(row);
            setText(row.name() + (active ? "  (connected)" : ""));
            setGraphic(active ? new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignS.SERVER_NETWORK) : null);
            if (active) {
                getStyleClass().add(ConsoleStyles.ACTIVE_SERVER);
            }
        }
    }

    @Override
    public void attach() {
        viewModel.attach();
    }

    @Override
    public void detach() {
        viewModel.detach();
    }

    @FXML
    private void add() {
        ServerEditorDialog.open(viewModel.add(), context, loaded.getScene().getWindow());
    }

    @FXML
    private void edit() {
        ServerEditorDialog.open(viewModel.editSelected(), context, loaded.getScene().getWindow());
    }

    @FXML
    private void connect() {
        viewModel.connectSelected();
    }

    @FXML
    private void remove() {
        viewModel.removeSelected();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
