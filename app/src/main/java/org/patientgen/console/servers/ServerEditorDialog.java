package org.patientgen.console.servers;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.patientgen.console.connection.remote.RemoteConnection;
import org.patientgen.console.connection.remote.ServerChecks.PresentedCertificate;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.theme.ConsoleStyles;

/**
 * The add/edit server dialog: {@code fxml/servers/ServerEditor.fxml} bound to a
 * {@link ServerEditorViewModel}. Save stays open until the server is saved; its result is the
 * saved server's connection.
 */
public final class ServerEditorDialog extends Dialog<RemoteConnection> {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final ServerEditorViewModel viewModel;

    @FXML
    private TextField nameField;
    @FXML
    private TextField urlField;
    @FXML
    private PasswordField tokenField;
    @FXML
    private TextField regionField;
    @FXML
    private Button testButton;
    @FXML
    private Label pinnedLabel;
    @FXML
    private Label testResult;
    @FXML
    private VBox certificateBox;
    @FXML
    private Label certificateSubject;
    @FXML
    private Label certificateFingerprint;
    @FXML
    private Button trustButton;
    @FXML
    private Label problem;

    ServerEditorDialog(ServerEditorViewModel viewModel, ScreenContext context, Window owner) {
        this.viewModel = viewModel;
        setTitle(viewModel.title());
        setHeaderText(viewModel.title());
        Parent form = Fxml.load("/fxml/servers/ServerEditor.fxml", this);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        getDialogPane().setId("server-editor");
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        context.themes().install(getDialogPane());
        setResizable(true);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("server-save");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("server-cancel");
        save.disableProperty().bind(viewModel.validProperty().not().or(viewModel.busyProperty()));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.save(saved -> {
                setResult(saved);
                close();
            });
        });
        setResultConverter(b -> null);
        setOnHidden(e -> viewModel.close());
    }

    /** Shows the editor for {@code viewModel} (non-blocking); nothing when it is null. */
    static void open(ServerEditorViewModel viewModel, ScreenContext context, Window owner) {
        if (viewModel != null) {
            new ServerEditorDialog(viewModel, context, owner).show();
        }
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        tokenField.textProperty().bindBidirectional(viewModel.tokenProperty());
        regionField.textProperty().bindBidirectional(viewModel.regionProperty());
        tokenField.setPromptText(viewModel.tokenPrompt());
        nameField.setId("server-name");
        urlField.setId("server-url");
        tokenField.setId("server-token");
        regionField.setId("server-region");
        testButton.setId("server-test");
        trustButton.setId("server-trust");
        testResult.setId("server-test-result");
        certificateFingerprint.setId("server-certificate-fingerprint");
        testButton.disableProperty().bind(viewModel.urlErrorProperty().isNotEmpty().or(viewModel.busyProperty()));
        pinnedLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pinnedProperty().get().isEmpty()
                ? "" : "Trusted certificate " + viewModel.pinnedProperty().get(), viewModel.pinnedProperty()));
        testResult.textProperty().bind(viewModel.testResultProperty());
        Controls.showWhen(testResult, testResult.textProperty().isNotEmpty());
        viewModel.testFailedProperty().addListener((obs, old, failed) -> styleResult(failed));
        viewModel.testResultProperty().addListener((obs, old, now) -> styleResult(viewModel.testFailedProperty().get()));
        viewModel.certificateProperty().addListener((obs, old, now) -> showCertificate(now));
        Controls.showWhen(certificateBox, viewModel.certificateProperty().isNotNull());
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            String error = viewModel.firstError();
            return error.isEmpty() ? viewModel.saveErrorProperty().get() : error;
        }, viewModel.nameErrorProperty(), viewModel.urlErrorProperty(), viewModel.tokenErrorProperty(),
                viewModel.saveErrorProperty()));
        problem.setId("server-problem");
        Controls.showWhen(problem, problem.textProperty().isNotEmpty());
    }

    private void styleResult(boolean failed) {
        testResult.getStyleClass().removeAll(ConsoleStyles.CHECK_OK, ConsoleStyles.CHECK_FAILED);
        boolean done = !viewModel.busyProperty().get();
        if (done) {
            testResult.getStyleClass().add(failed ? ConsoleStyles.CHECK_FAILED : ConsoleStyles.CHECK_OK);
        }
    }

    private void showCertificate(PresentedCertificate certificate) {
        if (certificate != null) {
            certificateSubject.setText(certificate.subject() + (certificate.selfSigned() ? " (self-signed)"
                    : ", issued by " + certificate.issuer()));
            certificateFingerprint.setText("SHA-256 " + certificate.fingerprint());
        }
    }

    @FXML
    private void test() {
        viewModel.testConnection();
    }

    @FXML
    private void trust() {
        viewModel.trustCertificate();
    }
}
