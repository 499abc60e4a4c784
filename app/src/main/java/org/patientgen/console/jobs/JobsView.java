package org.patientgen.console.jobs;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.JobState;

/** The jobs screen's view: binds {@code fxml/jobs/Jobs.fxml} to the {@link JobsViewModel}. */
public final class JobsView implements ScreenView {
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);

    private final ScreenContext context;
    private final JobsViewModel viewModel;
    private final StackPane loaded;
    private JobDetailView detailView;

    @FXML
    private StackPane root;
    @FXML
    private VBox tablePage;
    @FXML
    private Button submitButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button retryButton;
    @FXML
    private Button priorityButton;
    @FXML
    private Button reloadButton;
    @FXML
    private ComboBox<JobFilter> filterBox;
    @FXML
    private CustomTextField searchField;
    @FXML
    private HBox errorBanner;
    @FXML
    private Label errorText;
    @FXML
    private VBox bulkPanel;
    @FXML
    private Label bulkSummary;
    @FXML
    private ListView<String> bulkItems;
    @FXML
    private TableView<JobRow> table;
    @FXML
    private TableColumn<JobRow, Long> idColumn;
    @FXML
    private TableColumn<JobRow, JobState> stateColumn;
    @FXML
    private TableColumn<JobRow, Number> priorityColumn;
    @FXML
    private TableColumn<JobRow, JobRow> progressColumn;
    @FXML
    private TableColumn<JobRow, Number> rateColumn;
    @FXML
    private TableColumn<JobRow, Duration> etaColumn;
    @FXML
    private TableColumn<JobRow, String> ownerColumn;
    @FXML
    private TableColumn<JobRow, String> labelsColumn;
    @FXML
    private TableColumn<JobRow, Instant> submittedColumn;
    @FXML
    private TableColumn<JobRow, Instant> startedColumn;
    @FXML
    private TableColumn<JobRow, Instant> finishedColumn;
    @FXML
    private Label summary;
    @FXML
    private Button moreButton;
    @FXML
    private Label hint;

    public JobsView(ScreenContext context) {
        this.context = context;
        this.viewModel = new JobsViewModel(context.connections().activeProperty(), context.tasks(), context.ticker(),
                context.dialogs(), context.folders(), context.freshness(), context.clock());
        this.loaded = Fxml.load("/fxml/jobs/Jobs.fxml", this);
    }

    public JobsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        Controls.action(submitButton, "submit-job", MaterialDesignP.PLUS, viewModel.connectedProperty().not());
        submitButton.getStyleClass().add(Styles.ACCENT);
        Controls.action(cancelButton, "cancel-jobs", MaterialDesignC.CANCEL, viewModel.canCancelProperty().not());
        Controls.action(retryButton, "retry-jobs", MaterialDesignR.REPLAY, viewModel.canRetryProperty().not());
        Controls.action(priorityButton, "reprioritise-jobs", MaterialDesignS.SORT,
                viewModel.canReprioritiseProperty().not());
        Controls.iconButton(reloadButton, MaterialDesignR.REFRESH, "Reload (F5)");

        filterBox.getItems().setAll(viewModel.filters());
        filterBox.valueProperty().bindBidirectional(viewModel.filterProperty());
        searchField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());

        errorText.textProperty().bind(viewModel.errorProperty());
        Controls.showWhen(errorBanner, viewModel.errorProperty().isNotEmpty());
        Controls.showWhen(bulkPanel, viewModel.lastBulkProperty().isNotNull());
        viewModel.lastBulkProperty().addListener((obs, old, now) -> showBulk(now));

        buildTable();
        summary.textProperty().bind(viewModel.summaryProperty());
        Controls.showWhen(moreButton, viewModel.moreProperty());
        Controls.showWhen(hint, javafx.beans.binding.Bindings.isNotEmpty(viewModel.rows()));
        searchField.setTooltip(new javafx.scene.control.Tooltip("Matches a job's id (e.g. #42), state, owner or labels"));
        viewModel.detailProperty().addListener((obs, old, now) -> showDetail(now));
    }

    private void buildTable() {
        table.setId("jobs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SortedList<JobRow> sorted = new SortedList<>(viewModel.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<JobRow>) c ->
                viewModel.selection().setAll(table.getSelectionModel().getSelectedItems()));
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.getStyleClass().add(ConsoleStyles.EMPTY_STATE);
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<JobRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openDetail(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openDetail(table.getSelectionModel().getSelectedItem());
            }
        });

        JobColumns.value(idColumn, r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.id()));
        JobColumns.text(idColumn, Object::toString, "pg-number");
        JobColumns.value(stateColumn, JobRow::stateProperty);
        JobColumns.state(stateColumn);
        JobColumns.value(priorityColumn, JobRow::priorityProperty);
        JobColumns.text(priorityColumn, Object::toString, "pg-number");
        JobColumns.progress(progressColumn);
        JobColumns.value(rateColumn, JobRow::rateProperty);
        JobColumns.text(rateColumn, n -> JobFormat.rate(n.doubleValue()), "pg-number");
        JobColumns.value(etaColumn, JobRow::etaProperty);
        JobColumns.duration(etaColumn);
        JobColumns.value(ownerColumn, JobRow::ownerProperty);
        JobColumns.value(labelsColumn, JobRow::labelsProperty);
        JobColumns.value(submittedColumn, JobRow::submittedProperty);
        JobColumns.time(submittedColumn, context.clock());
        JobColumns.value(startedColumn, JobRow::startedProperty);
        JobColumns.time(startedColumn, context.clock());
        JobColumns.value(finishedColumn, JobRow::finishedProperty);
        JobColumns.time(finishedColumn, context.clock());
    }

    private void showBulk(BulkOutcome outcome) {
        if (outcome == null) {
            bulkItems.getItems().clear();
            return;
        }
        bulkSummary.setText(outcome.summary());
        bulkPanel.getStyleClass().removeAll(ConsoleStyles.SUCCESS, ConsoleStyles.DANGER);
        bulkPanel.getStyleClass().add(outcome.allSucceeded() ? ConsoleStyles.SUCCESS : ConsoleStyles.DANGER);
        bulkItems.getItems().setAll(outcome.lines());
        // As tall as its lines, up to five; more scroll.
        bulkItems.setPrefHeight(Math.min(5, outcome.lines().size()) * bulkItems.getFixedCellSize() + 4);
    }

    private void showDetail(JobDetailViewModel detail) {
        if (detailView != null) {
            root.getChildren().remove(detailView.root());
            detailView = null;
        }
        tablePage.setVisible(detail == null);
        if (detail != null) {
            detailView = new JobDetailView(detail, viewModel::closeDetail);
            root.getChildren().add(detailView.root());
        } else {
            table.requestFocus();
        }
    }

    @Override
    public void attach() {
        viewModel.attach();
        if (root.getScene() != null) {
            root.getScene().getAccelerators().put(SUBMIT, submitButton::fire);
            root.getScene().getAccelerators().put(RELOAD, reloadButton::fire);
        }
    }

    @Override
    public void detach() {
        viewModel.detach();
        if (root.getScene() != null) {
            root.getScene().getAccelerators().remove(SUBMIT);
            root.getScene().getAccelerators().remove(RELOAD);
        }
    }

    @FXML
    private void submit() {
        new SubmitJobDialog(viewModel.newSubmission(), context, root.getScene().getWindow()).showAndWait()
                .ifPresent(viewModel::submitted);
    }

    @FXML
    private void cancelSelected() {
        viewModel.cancelSelected();
    }

    @FXML
    private void retrySelected() {
        viewModel.retrySelected();
    }

    @FXML
    private void reprioritiseSelected() {
        viewModel.reprioritiseSelected();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void dismissError() {
        viewModel.dismissError();
    }

    @FXML
    private void dismissBulkOutcome() {
        viewModel.dismissBulkOutcome();
    }
}
