package org.patientgen.console.task;

import javafx.application.Platform;

/**
 * Posts work to the JavaFX application thread. Always posts (never runs inline, even when called
 * on the FX thread), so a result is never applied in the middle of the handler that asked for it.
 */
public final class FxUiExecutor implements UiExecutor {
    @Override
    public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
