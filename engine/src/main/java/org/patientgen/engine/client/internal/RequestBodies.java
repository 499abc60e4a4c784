package org.patientgen.engine.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.patientgen.engine.api.RuntimeConfig;

/** Request bodies the client sends that have no record in {@code wire}. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * {@code POST /api/v1/config}: a configuration to apply as a new revision.
     *
     * @param bakeTime the health gate's watch, {@code null} for none (written as {@code null})
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConfigApply(RuntimeConfig config, String reason, Duration bakeTime, boolean restartPool) {
    }

    /**
     * {@code POST /api/v1/config/rollback}: an earlier revision to apply again.
     *
     * @param bakeTime the health gate's watch, {@code null} for none (written as {@code null})
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConfigRollback(long revision, String reason, Duration bakeTime, boolean restartPool) {
    }
}
