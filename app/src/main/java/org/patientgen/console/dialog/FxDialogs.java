package org.patientgen.console.dialog;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.patientgen.console.theme.ThemeSwitcher;

/** {@link Dialogs} as JavaFX dialogs over the main window, in the current theme. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private final ThemeSwitcher themes;

    public FxDialogs(Supplier<Window> owner, ThemeSwitcher themes) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.themes = Objects.requireNonNull(themes, "themes");
    }

    @Override
    public boolean confirm(Confirmation c) {
        ButtonType go = new ButtonType(c.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType back = new ButtonType(c.backLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(c.destructive() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION,
                c.detail(), go, back);
        alert.setTitle(c.title());
        alert.setHeaderText(c.header());
        prepare(alert);
        Button goButton = (Button) alert.getDialogPane().lookupButton(go);
        goButton.setDefaultButton(!c.destructive());
        if (c.destructive()) {
            goButton.getStyleClass().add(Styles.DANGER);
            ((Button) alert.getDialogPane().lookupButton(back)).setDefaultButton(true);
        }
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }

    @Override
    public OptionalInt askInteger(String title, String header, String label, int initial, int min, int max) {
        Dialog<Integer> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setEditable(true);
        spinner.setId("integer-answer");
        HBox content = new HBox(8, new Label(label), spinner);
        content.setStyle("-fx-alignment: center-left;");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? spinner.getValue() : null);
        prepare(dialog);
        Optional<Integer> answer = dialog.showAndWait();
        return answer.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Owner, modality and theme for a dialog the console opens (also used by screens' own dialogs). */
    public void prepare(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        themes.install(dialog.getDialogPane());
    }
}
