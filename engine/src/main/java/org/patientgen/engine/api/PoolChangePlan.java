package org.patientgen.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What applying new pool settings over the running ones does: which changed properties the running
 * pool takes at once, which wait for a pool restart, and what the running pool uses afterwards.
 * The engine applies settings by exactly this plan, so an editor can show it before the user applies.
 *
 * <p>Properties HikariCP can change live ({@link PoolProperty#live()}) are changed live, unless the
 * live half next to the running pool's unchanged restart half would break a rule (say a 60 s
 * {@code maxLifetime} beside the old 2 min {@code keepaliveTime}): then nothing changes live and
 * every change waits for the restart, so the running pool is never in a combination HikariCP would
 * silently "repair".
 *
 * @param live         changed properties the running pool takes now, HikariCP names in display order
 * @param restart      changed properties that apply on the next pool restart
 * @param runningAfter the settings the running pool uses after applying
 */
public record PoolChangePlan(List<String> live, List<String> restart, PoolSettings runningAfter) {
    public PoolChangePlan {
        live = List.copyOf(live);
        restart = List.copyOf(restart);
        Objects.requireNonNull(runningAfter, "runningAfter");
    }

    /** The plan for applying {@code next} to a pool running {@code running}. */
    public static PoolChangePlan of(PoolSettings running, PoolSettings next) {
        List<String> changed = new ArrayList<>();
        List<String> live = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        for (PoolProperty p : PoolProperty.changed(running, next)) {
            changed.add(p.hikariName());
            (p.live() ? live : restart).add(p.hikariName());
        }
        if (live.isEmpty()) {
            return new PoolChangePlan(live, restart, running);
        }
        PoolSettings afterLive = withLiveValues(running, next);
        return afterLive == null
                ? new PoolChangePlan(List.of(), changed, running)
                : new PoolChangePlan(live, restart, afterLive);
    }

    /** Whether some change waits for a pool restart. */
    public boolean restartRequired() {
        return !restart.isEmpty();
    }

    /** Whether anything changes at all. */
    public boolean isEmpty() {
        return live.isEmpty() && restart.isEmpty();
    }

    /** {@code base} with the live-changeable values of {@code next}, or {@code null} if that mix breaks a rule. */
    private static PoolSettings withLiveValues(PoolSettings base, PoolSettings next) {
        try {
            return base.toBuilder()
                    .maximumPoolSize(next.maximumPoolSize())
                    .minimumIdle(next.minimumIdle())
                    .connectionTimeout(next.connectionTimeout())
                    .validationTimeout(next.validationTimeout())
                    .idleTimeout(next.idleTimeout())
                    .maxLifetime(next.maxLifetime())
                    .leakDetectionThreshold(next.leakDetectionThreshold())
                    .build();
        } catch (InvalidSettingsException e) {
            return null;
        }
    }
}
