package org.patientgen.console.jobs;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.engine.api.Job;

/**
 * The submit-job dialog: the {@link JobForm} bound to a {@link SubmitJobViewModel}. Submit stays
 * open while the engine checks the job and shows its refusal; the dialog's result is the queued job.
 */
final class SubmitJobDialog extends Dialog<Job> {
    static final ButtonType SUBMIT = new ButtonType("Submit", ButtonBar.ButtonData.OK_DONE);

    private final SubmitJobViewModel viewModel;

    SubmitJobDialog(SubmitJobViewModel viewModel, ScreenContext context, Window owner) {
        this.viewModel = viewModel;
        setTitle("Submit a job");
        setHeaderText("Generate a population on " + context.connections().active().name());
        getDialogPane().setContent(new JobForm(viewModel).root());
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
}
