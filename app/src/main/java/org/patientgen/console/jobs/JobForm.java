package org.patientgen.console.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;

/**
 * The job parameters form ({@code fxml/jobs/SubmitJob.fxml}) bound to a {@link SubmitJobViewModel},
 * with ControlsFX decorations on invalid fields as the user types. The submit dialog shows it, and
 * so does every editor of a job template (a schedule's job, a workflow node's job), so a job is
 * described and checked the same way everywhere.
 */
public final class JobForm {
    private final SubmitJobViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();
    private final Parent root;

    @FXML
    private ComboBox<JobPreset> presetBox;
    @FXML
    private TextField populationField;
    @FXML
    private TextField shardSizeField;
    @FXML
    private ComboBox<String> stateBox;
    @FXML
    private TextField seedField;
    @FXML
    private DatePicker endDatePicker;
    @FXML
    private TextField yearsField;
    @FXML
    private CheckBox fhirNdjsonBox;
    @FXML
    private CheckBox fhirBundleBox;
    @FXML
    private CheckBox csvBox;
    @FXML
    private TextField outputField;
    @FXML
    private TextField priorityField;
    @FXML
    private TextField attemptsField;
    @FXML
    private TextField labelsField;
    @FXML
    private Label preview;
    @FXML
    private Label problem;

    public JobForm(SubmitJobViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load("/fxml/jobs/SubmitJob.fxml", this);
    }

    /** The form's root node. */
    public Parent root() {
        return root;
    }

    public SubmitJobViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        presetBox.getItems().setAll(viewModel.presets());
        presetBox.valueProperty().bindBidirectional(viewModel.presetProperty());
        presetBox.setPromptText("Custom");
        populationField.textProperty().bindBidirectional(viewModel.populationProperty());
        shardSizeField.textProperty().bindBidirectional(viewModel.shardSizeProperty());
        stateBox.getItems().setAll(viewModel.states());
        stateBox.getEditor().textProperty().bindBidirectional(viewModel.stateProperty());
        seedField.textProperty().bindBidirectional(viewModel.seedProperty());
        endDatePicker.valueProperty().bindBidirectional(viewModel.endDateProperty());
        yearsField.textProperty().bindBidirectional(viewModel.yearsProperty());
        fhirNdjsonBox.selectedProperty().bindBidirectional(viewModel.fhirNdjsonProperty());
        fhirBundleBox.selectedProperty().bindBidirectional(viewModel.fhirBundleProperty());
        csvBox.selectedProperty().bindBidirectional(viewModel.csvProperty());
        outputField.textProperty().bindBidirectional(viewModel.outputProperty());
        priorityField.textProperty().bindBidirectional(viewModel.priorityProperty());
        attemptsField.textProperty().bindBidirectional(viewModel.attemptsProperty());
        labelsField.textProperty().bindBidirectional(viewModel.labelsProperty());
        populationField.setId("population");
        outputField.setId("output");
        preview.setId("submit-preview");
        preview.textProperty().bind(viewModel.previewProperty());
        problem.setId("submit-problem");

        Map<String, Control> fields = new LinkedHashMap<>();
        fields.put("population", populationField);
        fields.put("shardSize", shardSizeField);
        fields.put("state", stateBox);
        fields.put("seed", seedField);
        fields.put("endDate", endDatePicker);
        fields.put("years", yearsField);
        fields.put("formats", fhirNdjsonBox);
        fields.put("output", outputField);
        fields.put("priority", priorityField);
        fields.put("attempts", attemptsField);
        fields.put("labels", labelsField);
        fields.forEach(this::decorate);
        // The view model checks every field; the decorations follow its messages.
        StringBinding firstProblem = Bindings.createStringBinding(() -> fields.keySet().stream()
                .map(f -> viewModel.errorProperty(f).get()).filter(m -> !m.isEmpty()).findFirst()
                .orElse(viewModel.submitErrorProperty().get()), dependencies(fields));
        problem.textProperty().bind(firstProblem);
        Controls.showWhen(problem, problem.textProperty().isNotEmpty());
    }

    private Observable[] dependencies(Map<String, Control> fields) {
        Observable[] deps = new Observable[fields.size() + 1];
        int i = 0;
        for (String f : fields.keySet()) {
            deps[i++] = viewModel.errorProperty(f);
        }
        deps[i] = viewModel.submitErrorProperty();
        return deps;
    }

    private void decorate(String field, Control control) {
        validation.registerValidator(control, false, (Control c, Object value) -> {
            String message = viewModel.errorProperty(field).get();
            return ValidationResult.fromMessageIf(c, message, Severity.ERROR, !message.isEmpty());
        });
        viewModel.errorProperty(field).addListener(o -> validation.revalidate(control));
    }
}
