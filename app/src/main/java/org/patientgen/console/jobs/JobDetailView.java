package org.patientgen.console.jobs;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.api.ShardState;

/** A job's detail: binds {@code fxml/jobs/JobDetail.fxml} to a {@link JobDetailViewModel}. */
final class JobDetailView {
    private final JobDetailViewModel viewModel;
    private final Runnable onBack;
    private final Parent loaded;
    private final ShardGrid grid = new ShardGrid();

    @FXML
    private Button backButton;
    @FXML
    private Label title;
    @FXML
    private Label stateBadge;
    @FXML
    private Button openFolderButton;
    @FXML
    private Button rerunButton;
    @FXML
    private Button reloadButton;
    @FXML
    private Label progressText;
    @FXML
    private Label folderHint;
    @FXML
    private Label errorText;
    @FXML
    private Label messageText;
    @FXML
    private GridPane parameters;
    @FXML
    private Label shardSummary;
    @FXML
    private HBox legend;
    @FXML
    private ScrollPane shardScroll;
    @FXML
    private Label shardHover;
    @FXML
    private GridPane nodes;
    @FXML
    private TableView<JobTransition> transitions;
    @FXML
    private TableColumn<JobTransition, Instant> atColumn;
    @FXML
    private TableColumn<JobTransition, JobState> fromColumn;
    @FXML
    private TableColumn<JobTransition, JobState> toColumn;
    @FXML
    private TableColumn<JobTransition, String> actorColumn;
    @FXML
    private TableColumn<JobTransition, String> reasonColumn;
    @FXML
    private Tab failuresTab;
    @FXML
    private TableView<ShardFailure> failures;
    @FXML
    private TableColumn<ShardFailure, Instant> failedAtColumn;
    @FXML
    private TableColumn<ShardFailure, Integer> shardColumn;
    @FXML
    private TableColumn<ShardFailure, Integer> attemptColumn;
    @FXML
    private TableColumn<ShardFailure, String> nodeColumn;
    @FXML
    private TableColumn<ShardFailure, Instant> retryColumn;
    @FXML
    private TableColumn<ShardFailure, String> errorColumn;
    @FXML
    private Tab logTab;
    @FXML
    private ListView<String> log;
    @FXML
    private ListView<String> manifest;
    @FXML
    private Button copyManifestButton;
    @FXML
    private Label manifestSummary;
    @FXML
    private Tab manifestTab;

    JobDetailView(JobDetailViewModel viewModel, Runnable onBack) {
        this.viewModel = viewModel;
        this.onBack = onBack;
        this.loaded = Fxml.load("/fxml/jobs/JobDetail.fxml", this);
        loaded.setId("job-detail");
    }

    Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        Controls.action(backButton, "job-detail-back", MaterialDesignA.ARROW_LEFT, Styles.FLAT);
        title.setText(viewModel.title());
        viewModel.stateProperty().addListener((obs, old, now) -> showState(now));
        showState(viewModel.stateProperty().get());
        Controls.action(openFolderButton, "open-output-folder", MaterialDesignF.FOLDER_OPEN,
                viewModel.canOpenFolderProperty().not());
        Controls.action(rerunButton, "rerun-job", MaterialDesignR.REPLAY, viewModel.stateProperty().isNull());
        Controls.iconButton(reloadButton, MaterialDesignR.REFRESH, "Reload");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        folderHint.textProperty().bind(viewModel.folderHintProperty());
        Controls.banner(errorText, viewModel.errorProperty());
        Controls.banner(messageText, viewModel.messageProperty());

        fill(parameters, viewModel.parameters());
        fill(nodes, viewModel.nodes());
        viewModel.parameters().addListener((ListChangeListener<JobDetailViewModel.Field>) c -> fill(parameters,
                viewModel.parameters()));
        viewModel.nodes().addListener((ListChangeListener<JobDetailViewModel.Field>) c -> fill(nodes,
                viewModel.nodes()));

        shardScroll.setContent(grid);
        grid.setOnHover(this::hover);
        viewModel.shards().addListener((ListChangeListener<Shard>) c -> grid.show(viewModel.shards()));
        grid.show(viewModel.shards());
        hover(List.of());
        shardSummary.textProperty().bind(viewModel.shardSummaryProperty());
        for (ShardState s : ShardState.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("pg-shard", "pg-shard-" + s.name().toLowerCase());
            Label item = new Label(s.name().toLowerCase(), swatch);
            legend.getChildren().add(item);
        }

        transitions.setItems(viewModel.transitions());
        transitions.setPlaceholder(new Label("No state changes recorded yet."));
        column(atColumn, JobTransition::at);
        time(atColumn);
        column(fromColumn, JobTransition::from);
        column(toColumn, JobTransition::to);
        column(actorColumn, JobTransition::actor);
        column(reasonColumn, JobTransition::reason);

        failures.setItems(viewModel.failures());
        failures.setPlaceholder(new Label("No failed attempts: every shard that ran succeeded or is still running."));
        column(failedAtColumn, ShardFailure::failedAt);
        time(failedAtColumn);
        column(shardColumn, ShardFailure::shardIndex);
        column(attemptColumn, ShardFailure::attempt);
        column(nodeColumn, ShardFailure::owner);
        column(retryColumn, ShardFailure::retryAt);
        time(retryColumn);
        column(errorColumn, ShardFailure::error);
        viewModel.failures().addListener((ListChangeListener<ShardFailure>) c -> countFailures());
        countFailures();

        log.setItems(viewModel.logLines());
        log.setPlaceholder(new Label("Nothing logged about this job yet: each shard logs a line when it is done,"
                + " and every retry and failure is logged."));
        logTab.selectedProperty().addListener((obs, old, now) -> viewModel.showLog(now));
        manifest.setItems(viewModel.manifestLines());
        manifest.setPlaceholder(new Label("The manifest lists each completed shard's files; it is read when shown."));
        copyManifestButton.disableProperty().bind(viewModel.manifestProperty().isEmpty());
        manifestSummary.textProperty().bind(Bindings.size(viewModel.manifestLines()).asString("%,d lines of JSON"));
        manifestTab.selectedProperty().addListener((obs, old, now) -> viewModel.showManifest(now));
    }

    private void countFailures() {
        failuresTab.setText("Failures (" + viewModel.failures().size() + ")");
    }

    private void showState(JobState state) {
        stateBadge.getStyleClass().removeIf(s -> s.startsWith("pg-state-"));
        if (state != null) {
            stateBadge.getStyleClass().add(ConsoleStyles.stateClass(state));
            stateBadge.setText(state.name().toLowerCase());
        }
    }

    private static void fill(GridPane grid, ObservableList<JobDetailViewModel.Field> fields) {
        grid.getChildren().clear();
        for (int i = 0; i < fields.size(); i++) {
            Label key = new Label(fields.get(i).name());
            key.getStyleClass().add(ConsoleStyles.FIELD_KEY);
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fields.get(i).value());
            value.setWrapText(true);
            grid.addRow(i, key, value);
        }
    }

    private void hover(List<Shard> run) {
        if (run.isEmpty()) {
            shardHover.setText("Point at a shard to see its patients, attempts and node.");
        } else if (run.size() == 1) {
            shardHover.setText(viewModel.describe(run.get(0)));
        } else {
            shardHover.setText("Shards " + run.get(0).index() + "–" + run.get(run.size() - 1).index() + ": "
                    + JobDetailViewModel.summarise(run));
        }
    }

    private static <S, T> void column(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private <S> void time(TableColumn<S, Instant> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : viewModel.time(item));
            }
        });
    }

    @FXML
    private void back() {
        onBack.run();
    }

    @FXML
    private void copyManifest() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.manifestProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void openFolder() {
        viewModel.openFolder();
    }

    @FXML
    private void rerun() {
        viewModel.rerun();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }
}
