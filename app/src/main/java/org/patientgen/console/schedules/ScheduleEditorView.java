package org.patientgen.console.schedules;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.patientgen.console.jobs.JobForm;
import org.patientgen.console.schedules.ScheduleEditorViewModel.PreviewState;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.MisfirePolicy;

/** The schedule editor's view: binds {@code fxml/schedules/ScheduleEditor.fxml} to a {@link ScheduleEditorViewModel}. */
final class ScheduleEditorView {
    /** Style class of a next fire time. */
    static final String NEXT_FIRE = "pg-next-fire";
    /** Style class of the preview while a newer answer is awaited. */
    static final String STALE = "pg-stale";

    private final ScheduleEditorViewModel viewModel;
    private final Runnable onSave;
    private final Runnable onCancel;
    private final Parent loaded;

    @FXML
    private VBox root;
    @FXML
    private Button backButton;
    @FXML
    private Label title;
    @FXML
    private Button cancelButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label saveError;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameError;
    @FXML
    private ToggleButton unixToggle;
    @FXML
    private ToggleButton quartzToggle;
    @FXML
    private TextField cronField;
    @FXML
    private MenuButton examplesButton;
    @FXML
    private Label syntaxHint;
    @FXML
    private SearchableComboBox<String> zoneBox;
    @FXML
    private Label zoneNote;
    @FXML
    private ComboBox<MisfirePolicy> misfireBox;
    @FXML
    private Label misfireExplanation;
    @FXML
    private CheckBox enabledBox;
    @FXML
    private CheckBox newPopulationBox;
    @FXML
    private Label previewEmpty;
    @FXML
    private Label previewChecking;
    @FXML
    private Label cronError;
    @FXML
    private VBox previewValid;
    @FXML
    private Label description;
    @FXML
    private VBox nextFires;
    @FXML
    private StackPane jobFormHolder;

    ScheduleEditorView(ScheduleEditorViewModel viewModel, Runnable onSave, Runnable onCancel) {
        this.viewModel = viewModel;
        this.onSave = onSave;
        this.onCancel = onCancel;
        this.loaded = Fxml.load("/fxml/schedules/ScheduleEditor.fxml", this);
    }

    Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        root.setId("schedule-editor");
        title.setText(viewModel.title());
        backButton.setGraphic(new FontIcon(MaterialDesignA.ARROW_LEFT));
        Controls.action(saveButton, "save-schedule", MaterialDesignC.CONTENT_SAVE,
                viewModel.canSaveProperty().not().or(viewModel.savingProperty()));
        saveButton.getStyleClass().add(Styles.ACCENT);
        cancelButton.setId("cancel-schedule");
        Controls.banner(saveError, viewModel.saveErrorProperty());
        saveError.setId("schedule-save-error");

        nameField.setId("schedule-name");
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        nameError.textProperty().bind(viewModel.nameErrorProperty());
        // Once the user has been in the field: a new form should not open with a red line.
        BooleanProperty touched = new SimpleBooleanProperty(viewModel.editing());
        nameField.textProperty().addListener(o -> touched.set(true));
        nameField.focusedProperty().addListener((obs, was, is) -> touched.set(touched.get() || was));
        Controls.showWhen(nameError, viewModel.nameErrorProperty().isNotEmpty().and(touched));

        bindSyntax();
        cronField.setId("cron-expression");
        cronField.textProperty().bindBidirectional(viewModel.expressionProperty());
        for (CronExample example : viewModel.examples()) {
            MenuItem item = new MenuItem(example.words() + "   \u2014   " + example.expression());
            item.setOnAction(e -> viewModel.useExample(example));
            examplesButton.getItems().add(item);
        }
        syntaxHint.textProperty().bind(viewModel.syntaxHintProperty());

        zoneBox.setId("schedule-zone");
        zoneBox.getItems().setAll(ScheduleEditorViewModel.zones());
        zoneBox.valueProperty().bindBidirectional(viewModel.zoneProperty());
        zoneBox.setPromptText("Search a zone, e.g. Berlin");
        zoneNote.textProperty().bind(viewModel.zoneNoteProperty());

        misfireBox.setId("schedule-misfire");
        misfireBox.getItems().setAll(MisfirePolicy.values());
        misfireBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(MisfirePolicy policy) {
                return policy == null ? "" : ScheduleFormat.misfire(policy);
            }

            @Override
            public MisfirePolicy fromString(String text) {
                return null;
            }
        });
        misfireBox.valueProperty().bindBidirectional(viewModel.misfireProperty());
        misfireExplanation.textProperty().bind(viewModel.misfireExplanationProperty());
        enabledBox.selectedProperty().bindBidirectional(viewModel.enabledProperty());
        newPopulationBox.setId("schedule-new-population");
        newPopulationBox.selectedProperty().bindBidirectional(viewModel.newPopulationEachFireProperty());

        bindPreview();
        jobFormHolder.getChildren().setAll(new JobForm(viewModel.job()).root());
    }

    private void bindSyntax() {
        ToggleGroup group = new ToggleGroup();
        unixToggle.setToggleGroup(group);
        quartzToggle.setToggleGroup(group);
        unixToggle.setId("syntax-unix");
        quartzToggle.setId("syntax-quartz");
        unixToggle.getStyleClass().add(Styles.LEFT_PILL);
        quartzToggle.getStyleClass().add(Styles.RIGHT_PILL);
        Runnable show = () -> group.selectToggle(viewModel.syntaxProperty().get() == CronSyntax.QUARTZ
                ? quartzToggle : unixToggle);
        show.run();
        viewModel.syntaxProperty().addListener(o -> show.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // One of the two is always chosen: clicking the chosen one keeps it.
                group.selectToggle(old);
            } else {
                viewModel.syntaxProperty().set(now == quartzToggle ? CronSyntax.QUARTZ : CronSyntax.UNIX);
            }
        });
    }

    private void bindPreview() {
        var state = viewModel.previewStateProperty();
        previewEmpty.visibleProperty().bind(state.isEqualTo(PreviewState.EMPTY));
        cronError.setId("cron-error");
        cronError.textProperty().bind(viewModel.cronErrorProperty());
        cronError.visibleProperty().bind(state.isEqualTo(PreviewState.INVALID));
        description.setId("cron-description");
        description.textProperty().bind(viewModel.descriptionProperty());
        BooleanBinding hasDescription = viewModel.descriptionProperty().isNotEmpty();
        previewValid.visibleProperty().bind(hasDescription.and(state.isEqualTo(PreviewState.VALID)
                .or(state.isEqualTo(PreviewState.CHECKING))));
        previewChecking.visibleProperty().bind(state.isEqualTo(PreviewState.CHECKING).and(hasDescription.not()));
        state.addListener((obs, old, now) -> {
            previewValid.getStyleClass().remove(STALE);
            if (now == PreviewState.CHECKING) {
                previewValid.getStyleClass().add(STALE);
            }
        });
        nextFires.setId("cron-next-fires");
        Runnable fill = () -> nextFires.getChildren().setAll(viewModel.nextFires().stream().map(text -> {
            Label line = new Label(text);
            line.getStyleClass().add(NEXT_FIRE);
            return line;
        }).toList());
        fill.run();
        viewModel.nextFires().addListener((ListChangeListener<String>) c -> fill.run());
    }

    @FXML
    private void save() {
        onSave.run();
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }
}
