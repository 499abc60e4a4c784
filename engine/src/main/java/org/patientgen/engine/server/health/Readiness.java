package org.patientgen.engine.server.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.wire.Responses.Check;
import org.patientgen.engine.wire.Responses.Health;

/** Runs every {@link ReadinessCheck}; ready when all pass. */
public final class Readiness {
    private final List<ReadinessCheck> checks;
    private final Clock clock;

    public Readiness(List<ReadinessCheck> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /** Every check's verdict now. */
    public Health check() {
        List<Check> results = new ArrayList<>();
        for (ReadinessCheck c : checks) {
            Check result;
            try {
                result = c.check();
            } catch (RuntimeException e) {
                result = new Check(c.name(), false, "check failed: " + e);
            }
            results.add(result);
        }
        boolean up = results.stream().allMatch(Check::ok);
        return new Health(up ? "UP" : "DOWN", results, clock.instant());
    }
}
