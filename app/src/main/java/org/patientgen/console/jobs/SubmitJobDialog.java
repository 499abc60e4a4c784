package org.patientgen.console.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.engine.api.Job;

/**
 * The submit-job dialog: {@code fxml/jobs/SubmitJob.fxml} bound to a {@link SubmitJobViewModel},
 * with ControlsFX decorations on invalid fields as the user types. Submit stays open while the
 * engine checks the job and shows its refusal; the dialog's result is the queued job.
 */
final class SubmitJobDialog extends Dialog<Job> {
    static final ButtonType SUBMIT = new ButtonType("Submit", ButtonBar.ButtonData.OK_DONE);

    private final SubmitJobViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

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
    private HBox formats;
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

    SubmitJobDialog(SubmitJobViewModel viewModel, ScreenContext context, Window owner) {
        this.viewModel = viewModel;
        setTitle("Submit a job");
        setHeaderText("Generate a population on " + context.connections().active().name());
        Parent form = Fxml.load("/fxml/jobs/SubmitJob.fxml", this);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(SUBMIT, ButtonType.CANCEL);
        getDialogPane().setId("submit-job-dialog");
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        context.themes().install(getDialogPane());
        setResizable(true);
        Button submit = (Button) getDialogPane().lookupButton(SUBMIT);
        submit.setId("submit-job-confirm");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("submit-job-cancel");
        submit.disableProperty().bind(viewModel.validProperty().not().or(viewModel.submittingProperty()));
        // Keep the dialog open until the engine accepted the job; a refusal shows in the form.
        submit.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.submit(job -> {
                setResult(job);
                close();
            });
        });
        setResultConverter(b -> null);
        viewModel.start();
    }

    @FXML
    private void initialize() {
        presetBox.getItems().setAll(viewModel.presets());
        presetBox.valueProperty().bindBidirectional(viewModel.presetProperty());
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

    private javafx.beans.Observable[] dependencies(Map<String, Control> fields) {
        javafx.beans.Observable[] deps = new javafx.beans.Observable[fields.size() + 1];
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
