package org.patientgen.console.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML from the {@code /fxml/**} resources, with its view object as the controller. */
public final class Fxml {
    private Fxml() {
    }

    /**
     * Loads {@code resource} (e.g. {@code /fxml/jobs/Jobs.fxml}) with {@code controller} as its
     * controller (the FXML must not name a controller class), injecting its {@code @FXML} fields
     * and calling its {@code initialize()}.
     */
    public static <T extends Parent> T load(String resource, Object controller) {
        URL url = Objects.requireNonNull(Fxml.class.getResource(resource), () -> "no FXML resource " + resource);
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource + ": " + e.getMessage(), e);
        }
    }
}
