package org.patientgen.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.cli.PatientGenCli;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.generate.GenerationRequest;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.generate.ProgressListener;
import org.patientgen.engine.module.ModuleLoader;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;

/** {@code patientgen report DIR} end to end: exit codes, stdout, stderr, realism.json. */
class RealismReportCommandTest {
    @TempDir
    static Path temp;

    private static Path generated;

    private record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void generate() throws Exception {
        generated = temp.resolve("pop");
        Generator.run(new GenerationRequest(300, new SimulationConfig(3, Census.get().state("MA"),
                LocalDate.of(2025, 6, 30), 10, ModuleLoader.builtIn()), ExportFormats.parse("csv,fhir-ndjson"),
                generated, 2), ProgressListener.NONE);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PatientGenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void reportsAGeneratedDirectoryAndWritesRealismJson() throws Exception {
        Files.deleteIfExists(generated.resolve("realism.json"));
        Result r = run("report", generated.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Realism report for " + generated + " (csv): 300 patients, state MA")
                .contains("Age/sex distribution").contains("Prevalence at end date").contains("Mortality in history")
                .containsPattern("\\d+ of \\d+ checks within tolerance")
                .contains("Written: " + generated.resolve("realism.json"));
        assertThat(generated.resolve("realism.json")).isNotEmptyFile();
    }

    @Test
    void readsFhirNdjsonWhenAsked() {
        Result r = run("report", "--source", "fhir-ndjson", generated.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(fhir-ndjson): 300 patients");
    }

    @Test
    void csvAndFhirExportsOfOnePopulationGiveTheSameChecks() throws Exception {
        assertThat(RealismReport.compute(generated, PopulationReader.Source.FHIR_NDJSON).checks())
                .isEqualTo(RealismReport.compute(generated, PopulationReader.Source.CSV).checks());
    }

    @Test
    void missingDirectoryIsOneLineOnStderrWithExitCode2() {
        Path missing = temp.resolve("no-such-dir");
        Result r = run("report", missing.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("report: " + missing + " does not exist" + System.lineSeparator());
    }

    @Test
    void directoryWithoutExportsOrManifestIsExitCode2() throws Exception {
        Path noData = temp.resolve("no-data");
        new HandMadePopulation().writeManifest(noData);
        Result r = run("report", noData.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("report: ").contains("has neither");

        Path noManifest = Files.createDirectories(temp.resolve("no-manifest"));
        r = run("report", noManifest.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("has no manifest.json");

        r = run("report", "--source", "xml", generated.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("--source 'xml' is not one of");
    }
}
