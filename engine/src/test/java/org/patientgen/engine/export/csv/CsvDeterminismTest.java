package org.patientgen.engine.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.testing.SamplePatients;

/** The bytes depend only on the record: not on the exporter instance, neighbours, or threads. */
class CsvDeterminismTest {
    private static final List<PatientRecord> PATIENTS = List.of(SamplePatients.diabeticWoman(),
            SamplePatients.deceasedMan(), SamplePatients.awkwardTextPatient());

    /** Bytes as ISO-8859-1 text: a one-to-one mapping, so equal strings mean equal bytes. */
    private static String bytes(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> chunkBytes(PatientRecord patient) throws Exception {
        PatientChunk chunk = new PatientChunk(patient.index());
        new CsvExporter().write(patient, chunk);
        Map<String, String> bytes = new TreeMap<>();
        chunk.appends().forEach((path, appended) -> bytes.put(path, bytes(appended.bytes())));
        return bytes;
    }

    private static Map<String, String> fileBytes(CsvFiles files) {
        Map<String, String> bytes = new TreeMap<>();
        files.files().forEach((path, out) -> bytes.put(path, bytes(out)));
        return bytes;
    }

    @Test
    void samePatientGivesSameBytesWhateverWasWrittenBefore() throws Exception {
        Map<String, String> alone = chunkBytes(SamplePatients.diabeticWoman());
        CsvFiles afterOthers = CsvFiles.export(SamplePatients.awkwardTextPatient(), SamplePatients.deceasedMan());
        Map<String, String> again = chunkBytes(SamplePatients.diabeticWoman());

        assertThat(again).isEqualTo(alone);
        assertThat(alone.get("csv/observations.csv")).isNotEmpty();
        assertThat(afterOthers.files()).isNotEmpty();
    }

    @Test
    void oneAndFourThreadsWriteIdenticalFiles() throws Exception {
        int copies = 400;
        CsvFiles sequential = new CsvFiles();
        for (int i = 0; i < copies; i++) {
            PatientRecord patient = PATIENTS.get(i % PATIENTS.size());
            PatientChunk chunk = new PatientChunk(i);
            new CsvExporter().write(patient, chunk);
            sequential.add(chunk);
        }

        CsvExporter shared = new CsvExporter(); // one instance on all threads, as the engine uses it
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "csv-determinism-test"));
        try {
            List<Future<PatientChunk>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    PatientChunk chunk = new PatientChunk(index);
                    shared.write(PATIENTS.get(index % PATIENTS.size()), chunk);
                    return chunk;
                }));
            }
            CsvFiles parallel = new CsvFiles();
            for (Future<PatientChunk> future : futures) {
                parallel.add(future.get(30, TimeUnit.SECONDS)); // drained in index order, as the writer does
            }

            assertThat(fileBytes(parallel)).isEqualTo(fileBytes(sequential));
            ByteArrayOutputStream observations = parallel.files().get("csv/observations.csv");
            assertThat(parallel.records("csv/observations.csv")).hasSize(134 * 4 + 133 * 3); // Maria ×134 (4 rows), Siobhán ×133 (3)
            assertThat(observations.size()).isGreaterThan(10_000);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
