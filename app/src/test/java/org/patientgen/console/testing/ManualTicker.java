package org.patientgen.console.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Ticker;

/** A {@link Ticker} that ticks when the test says so: {@link #tick()} runs every active action once. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    @Override
    public Cancellable every(Duration period, Runnable action) {
        Runnable entry = action::run;
        actions.add(entry);
        return () -> actions.remove(entry);
    }

    /** Runs every active action once, on the calling thread. */
    public void tick() {
        actions.forEach(Runnable::run);
    }

    /** Actions still registered (a screen that released its ticks has none). */
    public int active() {
        return actions.size();
    }
}
