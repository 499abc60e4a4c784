package org.patientgen.console.schedules;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.patientgen.console.screen.BadgeCell;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.JobState;

/** The schedules screen's view: binds {@code fxml/schedules/Schedules.fxml} to the {@link SchedulesViewModel}. */
public final class SchedulesView implements ScreenView {
    /** Style class of the two-line "when" cell. */
    static final String WHEN_CELL = "pg-when-cell";
    /** Style class of the expression in the "when" cell. */
    static final String EXPRESSION = "pg-cron-expression";
    /** Style classes of the enabled badge. */
    static final String ON = "pg-schedule-on";
    static final String OFF = "pg-schedule-off";

    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);

    private final SchedulesViewModel viewModel;
    private final StackPane loaded;
    private ScheduleEditorView editorView;
    private Runnable removeShortcuts = () -> { };

    @FXML
    private StackPane root;
    @FXML
    private VBox listPage;
    @FXML
    private Button newButton;
    @FXML
    private Button editButton;
    @FXML
    private Button toggleButton;
    @FXML
    private Button runNowButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button reloadButton;
    @FXML
    private HBox errorBanner;
    @FXML
    private Label errorText;
    @FXML
    private HBox messageBanner;
    @FXML
    private Label messageText;
    @FXML
    private TableView<ScheduleRow> table;
    @FXML
    private TableColumn<ScheduleRow, String> nameColumn;
    @FXML
    private TableColumn<ScheduleRow, ScheduleRow> whenColumn;
    @FXML
    private TableColumn<ScheduleRow, String> zoneColumn;
    @FXML
    private TableColumn<ScheduleRow, String> nextColumn;
    @FXML
    private TableColumn<ScheduleRow, Boolean> enabledColumn;
    @FXML
    private TableColumn<ScheduleRow, String> misfireColumn;
    @FXML
    private TableColumn<ScheduleRow, String> lastColumn;
    @FXML
    private Label historyTitle;
    @FXML
    private TableView<FireRow> historyTable;
    @FXML
    private TableColumn<FireRow, String> slotColumn;
    @FXML
    private TableColumn<FireRow, String> firedColumn;
    @FXML
    private TableColumn<FireRow, String> nodeColumn;
    @FXML
    private TableColumn<FireRow, String> jobColumn;
    @FXML
    private TableColumn<FireRow, JobState> stateColumn;
    @FXML
    private Label summary;
    @FXML
    private Label hint;

    public SchedulesView(ScreenContext context) {
        this.viewModel = new SchedulesViewModel(context.connections().activeProperty(), context.tasks(),
                context.ticker(), context.dialogs(), context.freshness(), context.clock());
        this.loaded = Fxml.load("/fxml/schedules/Schedules.fxml", this);
    }

    public SchedulesViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        newButton.setTooltip(new javafx.scene.control.Tooltip("New schedule (Ctrl+N)"));
        Controls.action(newButton, "new-schedule", MaterialDesignP.PLUS, viewModel.connectedProperty().not());
        newButton.getStyleClass().add(Styles.ACCENT);
        Controls.action(editButton, "edit-schedule", MaterialDesignP.PENCIL, viewModel.canActProperty().not());
        Controls.action(toggleButton, "toggle-schedule", MaterialDesignT.TOGGLE_SWITCH_OUTLINE,
                viewModel.canActProperty().not());
        toggleButton.textProperty().bind(viewModel.toggleTextProperty());
        Controls.action(runNowButton, "run-schedule-now", MaterialDesignP.PLAY, viewModel.canActProperty().not());
        Controls.action(deleteButton, "delete-schedule", MaterialDesignD.DELETE_OUTLINE, viewModel.canActProperty().not());
        Controls.iconButton(reloadButton, MaterialDesignR.REFRESH, "Reload (F5)");

        Controls.banner(errorBanner, errorText, viewModel.banners().errorProperty());
        Controls.banner(messageBanner, messageText, viewModel.banners().messageProperty());
        messageText.setId("schedules-message");

        buildTable();
        buildHistory();
        summary.textProperty().bind(viewModel.summaryProperty());
        Controls.showWhen(hint, Bindings.isNotEmpty(viewModel.rows()));
        viewModel.editorProperty().addListener((obs, old, now) -> showEditor(now));
    }

    private void buildTable() {
        table.setId("schedules-table");
        table.setItems(viewModel.rows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setPlaceholder(placeholder(viewModel.placeholderProperty()));
        table.setRowFactory(t -> {
            TableRow<ScheduleRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.editSelected();
            }
        });
        value(nameColumn, ScheduleRow::nameProperty);
        whenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        whenColumn.setSortable(false);
        whenColumn.setCellFactory(c -> new WhenCell());
        value(zoneColumn, ScheduleRow::zoneProperty);
        value(nextColumn, ScheduleRow::nextFireProperty);
        enabledColumn.setCellValueFactory(c -> c.getValue().enabledProperty());
        enabledColumn.setCellFactory(c -> new BadgeCell<>(on -> on ? "enabled" : "disabled", on -> on ? ON : OFF));
        value(misfireColumn, ScheduleRow::misfireProperty);
        value(lastColumn, ScheduleRow::lastFiresProperty);
    }

    private void buildHistory() {
        historyTable.setId("schedule-history");
        historyTable.setItems(viewModel.history());
        historyTitle.textProperty().bind(viewModel.historyTitleProperty());
        historyTable.setPlaceholder(placeholder(viewModel.historyPlaceholderProperty()));
        historyValue(slotColumn, FireRow::slot);
        historyValue(firedColumn, FireRow::firedAt);
        historyValue(nodeColumn, FireRow::firedBy);
        historyValue(jobColumn, FireRow::job);
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        stateColumn.setCellFactory(c -> BadgeCell.state());
    }

    private static Label placeholder(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(ConsoleStyles.EMPTY_STATE);
        label.setWrapText(true);
        return label;
    }

    private static <T> void value(TableColumn<ScheduleRow, T> column, Function<ScheduleRow, ObservableValue<T>> property) {
        column.setCellValueFactory(c -> property.apply(c.getValue()));
    }

    private static void historyValue(TableColumn<FireRow, String> column, Function<FireRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** The expression over its description in words. */
    private static final class WhenCell extends TableCell<ScheduleRow, ScheduleRow> {
        private final Label expression = new Label();
        private final Label words = new Label();
        private final VBox box = new VBox(expression, words);

        WhenCell() {
            box.getStyleClass().add(WHEN_CELL);
            expression.getStyleClass().addAll(ConsoleStyles.MONO, EXPRESSION);
            words.getStyleClass().add(ConsoleStyles.MUTED);
        }

        @Override
        protected void updateItem(ScheduleRow row, boolean empty) {
            super.updateItem(row, empty);
            expression.textProperty().unbind();
            words.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            expression.textProperty().bind(row.expressionProperty());
            words.textProperty().bind(row.descriptionProperty());
            setGraphic(box);
        }
    }

    private void showEditor(ScheduleEditorViewModel editor) {
        if (editorView != null) {
            root.getChildren().remove(editorView.root());
            editorView = null;
        }
        listPage.setVisible(editor == null);
        if (editor != null) {
            editorView = new ScheduleEditorView(editor, viewModel::saveEditor, viewModel::closeEditor);
            root.getChildren().add(editorView.root());
        } else {
            table.requestFocus();
        }
    }

    @Override
    public void attach() {
        viewModel.attach();
        removeShortcuts = Controls.shortcuts(root, Map.of(NEW, newButton, RELOAD, reloadButton));
    }

    @Override
    public void detach() {
        viewModel.detach();
        removeShortcuts.run();
    }

    @FXML
    private void newSchedule() {
        viewModel.newSchedule();
    }

    @FXML
    private void edit() {
        viewModel.editSelected();
    }

    @FXML
    private void toggle() {
        viewModel.toggleSelected();
    }

    @FXML
    private void runNow() {
        viewModel.runSelectedNow();
    }

    @FXML
    private void delete() {
        viewModel.deleteSelected();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void dismissError() {
        viewModel.banners().dismissError();
    }

    @FXML
    private void dismissMessage() {
        viewModel.banners().dismissMessage();
    }
}
