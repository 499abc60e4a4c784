package org.patientgen.console.screen;

import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small view-side helpers every screen's view needs: toolbar buttons, banners, conditional nodes. */
public final class Controls {
    private Controls() {
    }

    /** A toolbar action: its id (for tests), icon, and when it is disabled. */
    public static void action(Button button, String id, Ikon icon, ObservableValue<Boolean> disabled) {
        action(button, id, icon);
        button.disableProperty().bind(disabled);
    }

    /** A toolbar action that is always enabled; {@code styleClasses} e.g. AtlantaFX's {@code accent}. */
    public static void action(Button button, String id, Ikon icon, String... styleClasses) {
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.getStyleClass().addAll(styleClasses);
    }

    /** A flat icon-only button with a tooltip (e.g. reload). */
    public static void iconButton(Button button, Ikon icon, String tooltip) {
        button.setGraphic(new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
    }

    /** Shows (and lays out) {@code node} only while {@code visible} is true. */
    public static void showWhen(Node node, ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    /** A banner box (text and buttons) showing {@code text} in its label, hidden while the text is empty. */
    public static void banner(Node box, Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhen(box, label.textProperty().isNotEmpty());
    }

    /**
     * Keyboard shortcuts that fire buttons, for as long as a screen is shown: call it when the
     * screen is attached and run the returned action when it is detached. Nothing happens while
     * {@code root} is in no scene.
     */
    public static Runnable shortcuts(Node root, Map<KeyCombination, Button> shortcuts) {
        Scene scene = root.getScene();
        if (scene == null) {
            return () -> { };
        }
        shortcuts.forEach((keys, button) -> scene.getAccelerators().put(keys, button::fire));
        return () -> shortcuts.keySet().forEach(scene.getAccelerators()::remove);
    }

    /** A banner label showing {@code text}, hidden while it is empty. */
    public static void banner(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhen(label, label.textProperty().isNotEmpty());
    }
}
