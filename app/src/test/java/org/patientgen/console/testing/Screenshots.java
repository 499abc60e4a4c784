package org.patientgen.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders scenes to PNG in {@code app/target/screenshots} (the {@code patientgen.screenshots}
 * system property set by the build), named {@code <screen>-<theme>.png}.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** Where the PNGs go. */
    public static Path directory() {
        return Path.of(System.getProperty("patientgen.screenshots", "target/screenshots"));
    }

    /** Snapshots {@code scene} (on the FX thread) to {@code <name>.png}; returns the file. */
    public static Path capture(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Path file = directory().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
