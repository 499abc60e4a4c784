package org.patientgen.console.testing;

import java.nio.file.Path;
import org.patientgen.console.connection.local.LocalEngineConnection;

/** Real local engines on temporary H2 directories, polling quickly. */
public final class LocalEngines {
    private LocalEngines() {
    }

    /** An engine in {@code dir} running {@code workers} shards at once (0: jobs stay queued). */
    public static LocalEngineConnection in(Path dir, int workers) {
        return new LocalEngineConnection(LocalEngineConnection.Options.defaults().withDataDirectory(dir)
                .withWorkers(workers).quick());
    }
}
