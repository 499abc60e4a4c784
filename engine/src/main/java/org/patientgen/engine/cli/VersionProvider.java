package org.patientgen.engine.cli;

import org.patientgen.engine.generate.Generator;
import picocli.CommandLine;

/** Reports the engine version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"PatientGen " + Generator.version()};
    }
}
