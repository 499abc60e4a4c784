package org.patientgen.console.task;

import java.util.concurrent.Executor;

/**
 * Runs work on the UI thread: the one place where results of background work re-enter JavaFX.
 * The console uses {@link FxUiExecutor}; ViewModel tests use a same-thread executor so that they
 * run without a JavaFX toolkit.
 */
@FunctionalInterface
public interface UiExecutor extends Executor {
}
