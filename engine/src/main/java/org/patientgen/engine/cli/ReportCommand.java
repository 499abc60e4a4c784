package org.patientgen.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patientgen.engine.report.PopulationReader;
import org.patientgen.engine.report.RealismReport;
import org.patientgen.engine.report.ReportInputException;
import org.patientgen.engine.report.ReportTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patientgen report DIR}: compare a generated population with its reference figures. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a generated population with the reference figures it was drawn from: age/sex "
                + "shares vs the state's census, condition prevalence vs prevalence targets, death rates vs the "
                + "life table. Prints the table and writes DIR/realism.json.",
            "Exit code 0 when the report ran (rows outside tolerance are listed, not an error), 2 on bad input."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Output directory of 'patientgen generate' (with manifest.json).")
    private Path dir;

    @Option(names = "--source", paramLabel = "FORMAT",
            description = "Export to read: csv or fhir-ndjson. Default: csv when present, else fhir-ndjson.")
    private String source;

    @Override
    public Integer call() throws IOException {
        RealismReport report;
        try {
            report = RealismReport.compute(dir, source());
        } catch (ReportInputException e) {
            throw new UsageException(oneLine(e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        ReportTable.print(report, out);
        out.println("Written: " + report.writeJson());
        out.flush();
        return 0;
    }

    private PopulationReader.Source source() {
        if (source == null) {
            return null;
        }
        for (PopulationReader.Source s : PopulationReader.Source.values()) {
            if (s.label().equalsIgnoreCase(source.trim())) {
                return s;
            }
        }
        throw new UsageException("--source '" + source + "' is not one of: csv, fhir-ndjson");
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
