package org.patientgen.engine.export.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;

/**
 * A fake of the single output writer: appends patient chunks to in-memory files in order, writing
 * each file's header the first time a chunk touches it, and parses the result back.
 */
final class CsvFiles {
    private final Map<String, ByteArrayOutputStream> files = new TreeMap<>();

    /** Exports the patients in order with one exporter, as the engine would. */
    static CsvFiles export(PatientRecord... patients) throws IOException {
        Exporter exporter = new CsvExporter();
        CsvFiles out = new CsvFiles();
        for (PatientRecord patient : patients) {
            PatientChunk chunk = new PatientChunk(patient.index());
            exporter.write(patient, chunk);
            out.add(chunk);
        }
        return out;
    }

    void add(PatientChunk chunk) {
        chunk.appends().forEach((path, appended) -> {
            ByteArrayOutputStream file = files.computeIfAbsent(path, p -> {
                ByteArrayOutputStream created = new ByteArrayOutputStream();
                byte[] header = appended.owner().fileHeader(p);
                if (header != null) {
                    created.writeBytes(header);
                }
                return created;
            });
            file.writeBytes(appended.bytes().toByteArray());
        });
    }

    Map<String, ByteArrayOutputStream> files() {
        return files;
    }

    String text(String path) {
        ByteArrayOutputStream file = files.get(path);
        if (file == null) {
            throw new AssertionError("no file " + path + "; files: " + files.keySet());
        }
        return file.toString(StandardCharsets.UTF_8);
    }

    /** The file parsed with its first line as header (strict RFC 4180). */
    List<CSVRecord> records(String path) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(text(path), format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> headerNames(String path) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(text(path), format)) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
