package org.patientgen.console.pool;

import atlantafx.base.theme.Styles;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.PoolSettingsRevision;

/** The pool screen's view: binds {@code fxml/pool/Pool.fxml} to the {@link PoolViewModel}. */
public final class PoolView implements ScreenView {
    private final ScreenContext context;
    private final PoolViewModel viewModel;
    private final PoolCharts charts = new PoolCharts();
    private final StackPane loaded;

    @FXML
    private Label headline;
    @FXML
    private Button reloadButton;
    @FXML
    private HBox errorBanner;
    @FXML
    private Label errorText;
    @FXML
    private HBox resultBanner;
    @FXML
    private Label resultText;
    @FXML
    private HBox pendingBanner;
    @FXML
    private Label pendingText;
    @FXML
    private Button restartButton;
    @FXML
    private SplitPane split;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private VBox formBox;
    @FXML
    private Label usageSummary;
    @FXML
    private StackPane connectionsChartHolder;
    @FXML
    private StackPane acquireChartHolder;
    @FXML
    private VBox diffBox;
    @FXML
    private Label restartNote;
    @FXML
    private TextField reasonField;
    @FXML
    private Button applyButton;
    @FXML
    private Button discardButton;
    @FXML
    private Label applyHint;
    @FXML
    private TableView<RevisionRow<PoolSettingsRevision>> historyTable;
    @FXML
    private Button rollbackButton;
    @FXML
    private Tab deployTab;
    @FXML
    private Label rollbackHint;

    public PoolView(ScreenContext context) {
        this.context = context;
        this.viewModel = new PoolViewModel(context.connections().activeProperty(), context.tasks(), context.ticker(),
                context.dialogs(), context.freshness(), context.clock());
        this.loaded = Fxml.load("/fxml/pool/Pool.fxml", this);
    }

    public PoolViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        Controls.iconButton(reloadButton, MaterialDesignR.REFRESH, "Read the pool again (keeps your edits)");
        for (Label banner : new Label[] {errorText, resultText, pendingText}) {
            banner.setMinHeight(Region.USE_PREF_SIZE);
        }
        errorText.textProperty().bind(viewModel.errorProperty());
        Controls.showWhen(errorBanner, viewModel.errorProperty().isNotEmpty());
        resultText.setId("pool-result");
        resultText.textProperty().bind(viewModel.resultProperty());
        Controls.showWhen(resultBanner, viewModel.resultProperty().isNotEmpty());
        pendingText.setId("pool-pending");
        pendingText.textProperty().bind(viewModel.pendingProperty());
        Controls.showWhen(pendingBanner, viewModel.pendingProperty().isNotEmpty());
        Controls.action(restartButton, "restart-pool", MaterialDesignR.RESTART, viewModel.busyProperty());

        PoolFormView.build(formBox, viewModel);
        // ControlsFX draws decorations on the nearest DecorationPane above a control, and without one
        // makes one the scene's root — the main window's, which the theme and every other screen
        // rely on. One inside the scrolled form keeps them here and lets them scroll with their fields.
        formScroll.setContent(null);
        DecorationPane decorations = new DecorationPane();
        decorations.setRoot(formBox);
        formScroll.setContent(decorations);
        split.getDividers().get(0).setPosition(0.56);
        connectionsChartHolder.getChildren().add(charts.connections());
        acquireChartHolder.getChildren().add(charts.acquire());
        usageSummary.textProperty().bind(viewModel.usageSummaryProperty());
        usageSummary.setId("pool-usage");
        viewModel.usageProperty().addListener((obs, old, now) -> charts.show(now));

        viewModel.form().diff().addListener((ListChangeListener<PoolDiffRow>) c -> showDiff());
        viewModel.statusProperty().addListener(o -> showDiff());
        showDiff();
        restartNote.setId("pool-restart-note");
        restartNote.textProperty().bind(viewModel.restartNoteProperty());
        Controls.showWhen(restartNote, viewModel.restartNoteProperty().isNotEmpty());

        reasonField.setId("pool-reason");
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        Controls.action(applyButton, "apply-pool", MaterialDesignC.CHECK, viewModel.canApplyProperty().not());
        applyButton.getStyleClass().add(Styles.ACCENT);
        applyButton.setDefaultButton(false);
        reasonField.setOnAction(e -> viewModel.apply());
        Controls.action(discardButton, "discard-pool-edits", MaterialDesignU.UNDO,
                viewModel.editedProperty().not().or(viewModel.busyProperty()));
        applyHint.setId("pool-apply-hint");
        applyHint.textProperty().bind(viewModel.applyHintProperty());

        buildHistory();
        deployTab.setContent(new DeployView(viewModel.deploy(), context.clock()).root());
    }

    private void showDiff() {
        if (viewModel.form().diff().isEmpty()) {
            Label none = new Label(viewModel.statusProperty().get() == null ? "Reading the running settings…"
                    : "None: the form holds what the pool runs. Edit a field to see the change here.");
            none.getStyleClass().add(ConsoleStyles.MUTED);
            none.setWrapText(true);
            diffBox.getChildren().setAll(none);
            return;
        }
        diffBox.getChildren().setAll(viewModel.form().diff().stream().map(PoolView::diffRow).toList());
    }

    /** Two lines, so that nothing is clipped in a narrow column: the name and its effect, then old → new. */
    private static VBox diffRow(PoolDiffRow row) {
        Label name = new Label(row.field().hikariName());
        name.getStyleClass().add(ConsoleStyles.MONO);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label effect = new Label(row.effect().label());
        effect.getStyleClass().addAll(ConsoleStyles.BADGE, PoolFormView.EFFECT,
                row.effect() == PoolDiffRow.Effect.LIVE ? "pg-pool-live" : "pg-pool-restart");
        effect.setMinWidth(Region.USE_PREF_SIZE);
        Label change = new Label(row.from() + "  \u2192  " + row.to());
        change.getStyleClass().add("pg-pool-diff-change");
        change.setWrapText(true);
        VBox box = new VBox(new HBox(name, gap, effect), change);
        box.getStyleClass().add("pg-pool-diff-row");
        box.setId("pool-diff-" + row.field().hikariName());
        return box;
    }

    private void buildHistory() {
        historyTable.setId("pool-history");
        RevisionTable.show(historyTable, viewModel.history(), context.clock(),
                "No revisions yet: the first applied settings appear here.");
        Controls.action(rollbackButton, "rollback-pool", MaterialDesignB.BACKUP_RESTORE);
        rollbackButton.disableProperty().bind(historyTable.getSelectionModel().selectedIndexProperty().lessThan(1)
                .or(viewModel.busyProperty()));
        rollbackHint.setText("Select an earlier revision to apply its settings again as a new revision.");
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
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void apply() {
        viewModel.apply();
    }

    @FXML
    private void discardEdits() {
        viewModel.discardEdits();
    }

    @FXML
    private void restartPool() {
        viewModel.restartPool();
    }

    @FXML
    private void rollback() {
        viewModel.rollback(historyTable.getSelectionModel().getSelectedItem().revision());
    }

    @FXML
    private void dismissError() {
        viewModel.dismissError();
    }

    @FXML
    private void dismissResult() {
        viewModel.dismissResult();
    }
}
