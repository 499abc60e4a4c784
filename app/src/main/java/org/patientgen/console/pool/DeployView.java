package org.patientgen.console.pool;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.RuntimeConfig;

/** The pool screen's Deploy tab: binds {@code fxml/pool/Deploy.fxml} to a {@link DeployViewModel}. */
final class DeployView {
    private final DeployViewModel viewModel;
    private final Clock clock;
    private final Parent root;

    @FXML
    private HBox errorBanner;
    @FXML
    private Label errorText;
    @FXML
    private TextField workersField;
    @FXML
    private Label workersNote;
    @FXML
    private TextField requestsField;
    @FXML
    private Label requestsNote;
    @FXML
    private TextField bodyField;
    @FXML
    private Label bodyNote;
    @FXML
    private CheckBox includePoolBox;
    @FXML
    private Label poolSummary;
    @FXML
    private CheckBox restartPoolBox;
    @FXML
    private TextField bakeField;
    @FXML
    private Label bakeNote;
    @FXML
    private TextField reasonField;
    @FXML
    private Button deployButton;
    @FXML
    private Label hint;
    @FXML
    private VBox deploymentCard;
    @FXML
    private Label deploymentState;
    @FXML
    private Label deploymentText;
    @FXML
    private TableView<RevisionRow<ConfigRevision>> historyTable;
    @FXML
    private Button rollbackButton;

    DeployView(DeployViewModel viewModel, Clock clock) {
        this.viewModel = viewModel;
        this.clock = clock;
        this.root = Fxml.load("/fxml/pool/Deploy.fxml", this);
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        errorText.setMinHeight(Region.USE_PREF_SIZE);
        errorText.textProperty().bind(viewModel.errorProperty());
        Controls.showWhen(errorBanner, viewModel.errorProperty().isNotEmpty());

        field(workersField, "deploy-workers", viewModel.workersProperty(), workersNote, viewModel.workersErrorProperty(),
                running(c -> c.workers() + " now; shards this node runs at once, 0 pauses it"));
        field(requestsField, "deploy-requests", viewModel.requestsPerMinuteProperty(), requestsNote,
                viewModel.requestsErrorProperty(),
                running(c -> c.requestsPerMinutePerToken() + " now; more calls get HTTP 429"));
        field(bodyField, "deploy-body", viewModel.maxBodyKiBProperty(), bodyNote, viewModel.bodyErrorProperty(),
                running(c -> c.maxRequestBodyKiB() + " KiB now"));
        field(bakeField, "deploy-bake", viewModel.bakeTimeProperty(), bakeNote, viewModel.bakeErrorProperty(),
                new javafx.beans.property.SimpleStringProperty("How long the gate watches readiness (empty or 0: no"
                        + " gate)."));
        includePoolBox.setId("deploy-include-pool");
        includePoolBox.selectedProperty().bindBidirectional(viewModel.includePoolProperty());
        poolSummary.textProperty().bind(viewModel.poolSummaryProperty());
        restartPoolBox.setId("deploy-restart-pool");
        restartPoolBox.selectedProperty().bindBidirectional(viewModel.restartPoolProperty());

        reasonField.setId("deploy-reason");
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        Controls.action(deployButton, "deploy-config", MaterialDesignR.ROCKET_LAUNCH, viewModel.canDeployProperty().not());
        deployButton.getStyleClass().add(Styles.ACCENT);
        hint.setId("deploy-hint");
        hint.textProperty().bind(viewModel.hintProperty());

        deploymentCard.setId("deploy-deployment");
        Controls.showWhen(deploymentCard, viewModel.deploymentProperty().isNotNull());
        deploymentState.setId("deploy-state");
        deploymentText.setId("deploy-message");
        deploymentText.textProperty().bind(viewModel.deploymentTextProperty());
        viewModel.deploymentProperty().addListener((obs, old, now) -> showState(now));

        historyTable.setId("deploy-history");
        RevisionTable.show(historyTable, viewModel.history(), clock,
                "No configuration revisions yet: the first deployment records the configuration before it, then itself.");
        Controls.action(rollbackButton, "deploy-rollback", MaterialDesignB.BACKUP_RESTORE);
        rollbackButton.disableProperty().bind(historyTable.getSelectionModel().selectedIndexProperty().lessThan(1)
                .or(viewModel.busyProperty()));
    }

    private ObservableStringValue running(java.util.function.Function<RuntimeConfig, String> text) {
        return Bindings.createStringBinding(() -> viewModel.currentProperty().get() == null ? ""
                : text.apply(viewModel.currentProperty().get()), viewModel.currentProperty());
    }

    /** A field with its note: the problem when there is one, else what it holds now. */
    private static void field(TextField field, String id, javafx.beans.property.StringProperty value, Label note,
                              ObservableStringValue error, ObservableStringValue normal) {
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        note.setId(id + "-note");
        note.textProperty().bind(Bindings.when(Bindings.isNotEmpty(error)).then(error).otherwise(normal));
        error.addListener((obs, old, now) -> {
            note.getStyleClass().remove("pg-pool-error");
            if (!now.isEmpty()) {
                note.getStyleClass().add("pg-pool-error");
            }
        });
    }

    private void showState(ConfigDeployment d) {
        deploymentState.getStyleClass().setAll("label", ConsoleStyles.BADGE);
        if (d == null) {
            deploymentState.setText("");
            return;
        }
        deploymentState.setText(d.state().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        deploymentState.getStyleClass().add(switch (d.state()) {
            case BAKING -> "pg-deploy-baking";
            case CONFIRMED, APPLIED -> "pg-deploy-confirmed";
            case ROLLED_BACK -> "pg-deploy-rolled-back";
        });
    }

    @FXML
    private void deploy() {
        viewModel.deploy();
    }

    @FXML
    private void rollback() {
        viewModel.rollback(historyTable.getSelectionModel().getSelectedItem().revision());
    }

    @FXML
    private void dismissError() {
        viewModel.dismissError();
    }
}
