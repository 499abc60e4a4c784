package org.patientgen.console.theme;

import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * Applies the chosen {@link Theme}: the AtlantaFX user-agent stylesheet for the whole application,
 * plus the {@code :dark} pseudo-class on the root of every installed scene for the few overrides
 * our palette needs. Use on the UI thread.
 */
public final class ThemeSwitcher {
    /** Set on every installed scene's root while the dark theme is on. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final ObjectProperty<Theme> theme;

    public ThemeSwitcher(Theme initial) {
        this.theme = new SimpleObjectProperty<>(this, "theme", Objects.requireNonNull(initial, "initial"));
        theme.addListener((obs, old, now) -> apply(now));
        apply(initial);
    }

    /** The current theme; setting it restyles every installed scene. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Gives a scene (the main window, a dialog) the root stylesheet and keeps it in step with the theme. */
    public void install(Scene scene) {
        String root = rootStylesheet();
        if (!scene.getStylesheets().contains(root)) {
            scene.getStylesheets().add(0, root);
        }
        markRoot(scene.getRoot());
        scene.rootProperty().addListener((obs, old, now) -> markRoot(now));
        theme.addListener((obs, old, now) -> markRoot(scene.getRoot()));
    }

    /**
     * Gives a dialog the root stylesheet and theme. A dialog's pane carries the stylesheet itself, as
     * its window's scene is created by JavaFX.
     */
    public void install(DialogPane pane) {
        String root = rootStylesheet();
        if (!pane.getStylesheets().contains(root)) {
            pane.getStylesheets().add(0, root);
        }
        markRoot(pane);
        // Dialogs come and go: the pane holds its listener, the theme only a weak reference to it.
        ChangeListener<Theme> listener = (obs, old, now) -> markRoot(pane);
        pane.getProperties().put(ThemeSwitcher.class, listener);
        theme.addListener(new WeakChangeListener<>(listener));
    }

    private static String rootStylesheet() {
        return Objects.requireNonNull(ThemeSwitcher.class.getResource(ConsoleStyles.ROOT_STYLESHEET),
                ConsoleStyles.ROOT_STYLESHEET).toExternalForm();
    }

    private void markRoot(Parent root) {
        if (root != null) {
            root.pseudoClassStateChanged(DARK, theme.get() == Theme.DARK);
        }
    }

    private static void apply(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
    }
}
