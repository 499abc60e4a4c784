package org.patientgen.console.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests, with a failure that says what did not happen. */
public final class FxWait {
    private FxWait() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code seconds}. */
    public static void until(int seconds, String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    /** Until the local engine answers (the Submit button is enabled once it does). */
    public static void untilEngineReady(FxRobot robot) throws Exception {
        until(60, "the local engine", () -> !robot.lookup("#submit-job").queryButton().isDisabled());
    }
}
