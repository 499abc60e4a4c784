package org.patientgen.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.sim.Simulator;
import org.patientgen.engine.testing.Populations;

class GeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void oneAndFourThreadsWriteIdenticalBytes() throws Exception {
        Populations.generate(temp.resolve("t1"), 300, 7, "fhir-ndjson,fhir-bundle,csv", 1);
        Populations.generate(temp.resolve("t4"), 300, 7, "fhir-ndjson,fhir-bundle,csv", 4);

        Map<String, String> one = hashes(temp.resolve("t1"));
        Map<String, String> four = hashes(temp.resolve("t4"));
        assertThat(one).hasSizeGreaterThan(300 + 8); // bundles + NDJSON + CSV files
        assertThat(four).isEqualTo(one);
        // the manifest differs only in its timings
        JsonNode m1 = JSON.readTree(temp.resolve("t1/manifest.json").toFile());
        JsonNode m4 = JSON.readTree(temp.resolve("t4/manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) m1).remove("timings");
        ((com.fasterxml.jackson.databind.node.ObjectNode) m4).remove("timings");
        assertThat(m4).isEqualTo(m1);
    }

    @Test
    void anyPatientCanBeRegeneratedAlone() {
        Simulator a = new Simulator(Populations.config(11, "MA", 10));
        Simulator b = new Simulator(Populations.config(11, "MA", 10));
        PatientRecord inSequence = null;
        for (int i = 0; i <= 57; i++) {
            inSequence = a.simulate(i);
        }
        PatientRecord alone = b.simulate(57);
        assertThat(alone.demographics()).isEqualTo(inSequence.demographics());
        assertThat(alone.entryCount()).isEqualTo(inSequence.entryCount());
        assertThat(alone.deathTime()).isEqualTo(inSequence.deathTime());
    }

    @Test
    void differentSeedsGiveDifferentPopulations() {
        PatientRecord a = new Simulator(Populations.config(1, "MA", 10)).simulate(0);
        PatientRecord b = new Simulator(Populations.config(2, "MA", 10)).simulate(0);
        assertThat(a.demographics().id()).isNotEqualTo(b.demographics().id());
    }

    @Test
    void manifestRecordsConfigurationCountsAndChecksums() throws Exception {
        Path out = temp.resolve("pop");
        GenerationSummary summary = Populations.generate(out, 120, 3, "fhir-ndjson,csv", 2);

        JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("seed").asLong()).isEqualTo(3);
        assertThat(m.get("population").asLong()).isEqualTo(120);
        assertThat(m.get("state").asText()).isEqualTo("MA");
        assertThat(m.get("yearsOfHistory").asInt()).isEqualTo(10);
        assertThat(m.get("patients").get("alive").asLong() + m.get("patients").get("dead").asLong()).isEqualTo(120);
        assertThat(m.get("counts").get("Patient").asLong()).isEqualTo(120);
        assertThat(m.get("counts").get("csv/patients.csv").asLong()).isEqualTo(120);
        assertThat(summary.alive() + summary.dead()).isEqualTo(120);

        Path patients = out.resolve("fhir/Patient.ndjson");
        JsonNode info = m.get("files").get("fhir/Patient.ndjson");
        assertThat(info.get("bytes").asLong()).isEqualTo(Files.size(patients));
        assertThat(info.get("sha256").asText()).isEqualTo(sha256(patients));
        try (Stream<String> lines = Files.lines(patients)) {
            assertThat(lines.count()).isEqualTo(120);
        }
        try (Stream<String> lines = Files.lines(out.resolve("fhir/Observation.ndjson"))) {
            assertThat(lines.count()).isEqualTo(m.get("counts").get("Observation").asLong());
        }
    }

    @Test
    void failedRunLeavesNothingBehind() throws IOException {
        Path out = temp.resolve("never");
        Exporter failing = new Exporter() {
            @Override
            public String format() {
                return "failing";
            }

            @Override
            public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
                if (patient.index() == 40) {
                    throw new IOException("disk full (simulated)");
                }
                chunk.append(this, "x.txt").write(1);
            }
        };
        GenerationRequest request = new GenerationRequest(100, Populations.config(5, "MA", 10),
                List.of(failing), out, 2);

        assertThatThrownBy(() -> Generator.run(request, ProgressListener.NONE))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("patient 40")
                .hasMessageContaining("disk full");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesNonEmptyOutputDirectory() throws IOException {
        Path out = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "precious");
        GenerationRequest request = new GenerationRequest(5, Populations.config(5, "MA", 10),
                ExportFormats.parse("csv"), out, 1);

        assertThatThrownBy(() -> Generator.run(request, ProgressListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not empty");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("precious");
    }

    @Test
    void progressIsReportedForEveryPatientInOrder() throws Exception {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Generator.run(new GenerationRequest(25, Populations.config(9, "MA", 10), ExportFormats.parse("csv"),
                temp.resolve("p"), 3), (written, total, bytes) -> {
                    assertThat(total).isEqualTo(25);
                    seen.add(written);
                });
        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void aRangeOfPatientsIsByteForByteThatSliceOfTheWholePopulation() throws Exception {
        var formats = ExportFormats.parse("fhir-ndjson");
        Generator.run(new GenerationRequest(30, Populations.config(5, "MA", 10), formats, temp.resolve("all"), 2),
                ProgressListener.NONE);
        GenerationSummary shard = Generator.run(new GenerationRequest(10, Populations.config(5, "MA", 10), formats,
                temp.resolve("shard"), 3, 20), ProgressListener.NONE);

        List<String> all = Files.readAllLines(temp.resolve("all/fhir/Patient.ndjson"));
        List<String> range = Files.readAllLines(temp.resolve("shard/fhir/Patient.ndjson"));
        assertThat(all).hasSize(30);
        assertThat(range).isEqualTo(all.subList(20, 30));
        assertThat(shard.patients()).isEqualTo(10);
        assertThat(JSON.readTree(temp.resolve("shard/manifest.json").toFile()).get("firstIndex").asLong())
                .isEqualTo(20);
    }

    @Test
    void cancelledRunLeavesNothingBehind() throws Exception {
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        assertThatThrownBy(() -> Generator.run(new GenerationRequest(50, Populations.config(5, "MA", 10),
                ExportFormats.parse("fhir-ndjson,csv"), temp.resolve("c"), 2), (w, t, b) -> written.set(w),
                () -> written.get() >= 5))
                .isInstanceOf(java.util.concurrent.CancellationException.class)
                .hasMessageContaining("after 5 of 50 patients");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.equals("manifest.json")) {
                    result.put(rel, sha256(p));
                }
            }
        }
        return result;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
