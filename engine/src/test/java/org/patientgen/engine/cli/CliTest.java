package org.patientgen.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PatientGenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void generatesAndSummarises() throws Exception {
        Path out = temp.resolve("pop");
        Result r = run("generate", "--population", "40", "--seed", "5", "--state", "Texas", "--end-date",
                "2025-01-31", "--out", out.toString(), "--format", "fhir-ndjson,csv", "--threads", "2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Generated 40 patients").contains("alive").contains("dead")
                .contains("FHIR resources").contains("seed 5").contains("Output: ");
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"state\" : \"TX\"");
        assertThat(out.resolve("csv/patients.csv")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown state     | --state=Atlantis                 | unknown state 'Atlantis'",
        "negative count    | --population=-5                  | --population must be at least 1",
        "bad format        | --format=fhir-xml                | unknown format 'fhir-xml'; valid formats: fhir-ndjson, fhir-bundle, csv",
        "bad module path   | --modules=/no/such/modules       | --modules /no/such/modules does not exist",
        "bad years         | --years-of-history=-1            | --years-of-history must be between 0",
        "bad date          | --end-date=2025-13-01            | --end-date '2025-13-01' is not a date",
        "bad threads       | --threads=0                      | --threads must be between 1 and 256",
        "not a number      | --population=many                | Invalid value for option '--population'"
    })
    void badInputIsOneLineOnStderrWithExitCode2AndWritesNothing(String name, String option, String message) {
        Path out = temp.resolve("out");
        String[] args = option.startsWith("--population")
                ? new String[] {"generate", option, "--out", out.toString()}
                : new String[] {"generate", "--population", "10", option, "--out", out.toString()};
        Result r = run(args);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void unwritableDirectoryIsAUsageError() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Result r = run("generate", "-p", "3", "--out", file.resolve("sub").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot be created").contains("not a writable directory");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void nonEmptyOutputIsRefusedAndKept() throws Exception {
        Path out = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Result r = run("generate", "-p", "3", "--out", out.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not empty");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("notes.txt"));
        }
    }

    @Test
    void malformedModuleNamesFileJsonPathAndReason() throws Exception {
        Path modules = Files.createDirectories(temp.resolve("modules"));
        Files.writeString(modules.resolve("broken.json"), """
                {"name": "Broken", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Wait"},
                  "Wait": {"type": "Guard", "allow": {"condition_type": "Moon Phase"}, "direct_transition": "End"},
                  "End": {"type": "Terminal"}}}
                """);
        Result r = run("generate", "-p", "3", "--modules", modules.toString(), "--out", temp.resolve("o").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.json").contains("$.states.Wait.allow.condition_type")
                .contains("unknown condition_type 'Moon Phase'");
        assertThat(temp.resolve("o")).doesNotExist();
    }

    @Test
    void modulesCheckReportsEachModuleAndASummary() throws Exception {
        Path modules = Files.createDirectories(temp.resolve("lib"));
        Files.writeString(modules.resolve("good.json"), """
                {"name": "Good", "states": {"Initial": {"type": "Initial", "direct_transition": "End"},
                  "End": {"type": "Terminal"}}}
                """);
        Files.writeString(modules.resolve("bad.json"), "{\"name\": \"Bad\", \"states\": {");
        Result r = run("modules", "check", modules.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("loaded  good").contains("FAILED  bad").contains("invalid JSON at line")
                .contains("2 module files: 1 loaded, 1 failed");
    }

    @Test
    void builtInLibraryChecksClean() {
        Result r = run("modules", "check");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("0 failed");
    }

    @Test
    void helpListsCommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("generate").contains("modules");
    }
}
