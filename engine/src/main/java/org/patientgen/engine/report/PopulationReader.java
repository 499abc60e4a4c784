package org.patientgen.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the patients of a generator output directory with their condition records, one
 * patient at a time (memory does not grow with the population).
 */
public interface PopulationReader {

    /** The export formats the report can read. */
    enum Source {
        CSV("csv"),
        FHIR_NDJSON("fhir-ndjson");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The format's name as on the {@code generate --format} option. */
        public String label() {
            return label;
        }
    }

    /** Which format is read. */
    Source source();

    /**
     * Hands every patient, in file order, to {@code sink}.
     *
     * @return the number of patients read
     * @throws ReportInputException if a file is malformed (the message names file and line)
     */
    long read(Consumer<PatientFacts> sink) throws IOException, ReportInputException;

    /**
     * A reader for {@code dir}: Synthea CSV ({@code csv/patients.csv} and {@code csv/conditions.csv})
     * when present, else FHIR NDJSON ({@code fhir/Patient.ndjson} and {@code fhir/Condition.ndjson}).
     *
     * @param only read only this format, or {@code null} to choose as above
     * @throws ReportInputException if the directory has neither (or not the one asked for)
     */
    static PopulationReader open(Path dir, Source only) throws ReportInputException {
        boolean csv = Files.isRegularFile(dir.resolve(CsvPopulationReader.PATIENTS))
                && Files.isRegularFile(dir.resolve(CsvPopulationReader.CONDITIONS));
        boolean ndjson = Files.isRegularFile(dir.resolve(NdjsonPopulationReader.PATIENTS))
                && Files.isRegularFile(dir.resolve(NdjsonPopulationReader.CONDITIONS));
        if (csv && (only == null || only == Source.CSV)) {
            return new CsvPopulationReader(dir);
        }
        if (ndjson && (only == null || only == Source.FHIR_NDJSON)) {
            return new NdjsonPopulationReader(dir);
        }
        String csvFiles = CsvPopulationReader.PATIENTS + " and " + CsvPopulationReader.CONDITIONS;
        String fhirFiles = NdjsonPopulationReader.PATIENTS + " and " + NdjsonPopulationReader.CONDITIONS;
        String wanted = only == Source.CSV ? csvFiles : only == Source.FHIR_NDJSON ? fhirFiles
                : csvFiles + ", nor " + fhirFiles;
        throw new ReportInputException(dir + " has neither " + wanted
                + "; generate with --format csv or fhir-ndjson");
    }
}
