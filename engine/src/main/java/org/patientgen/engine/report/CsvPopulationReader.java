package org.patientgen.engine.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/**
 * Reads Synthea-format {@code csv/patients.csv} (columns {@code Id, BIRTHDATE, DEATHDATE, GENDER}),
 * {@code csv/conditions.csv} ({@code START, STOP, PATIENT, CODE}) and, when present, the cause of
 * death rows of {@code csv/observations.csv} ({@code PATIENT, CODE, VALUE}) row by row. Synthea CSV
 * writes a coded observation value as its display text, so the cause is mapped back to its code
 * through {@link DeathCauses}.
 */
final class CsvPopulationReader implements PopulationReader {
    static final String PATIENTS = "csv/patients.csv";
    static final String CONDITIONS = "csv/conditions.csv";
    static final String OBSERVATIONS = "csv/observations.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Path dir;

    CsvPopulationReader(Path dir) {
        this.dir = dir;
    }

    @Override
    public Source source() {
        return Source.CSV;
    }

    @Override
    public long read(Consumer<PatientFacts> sink) throws IOException, ReportInputException {
        try (Table patients = Table.open(dir, PATIENTS, "Id", "BIRTHDATE", "DEATHDATE", "GENDER");
             Table conditions = Table.open(dir, CONDITIONS, "START", "STOP", "PATIENT", "CODE");
             Table observations = Files.isRegularFile(dir.resolve(OBSERVATIONS))
                     ? Table.open(dir, OBSERVATIONS, "PATIENT", "CODE", "VALUE") : null) {
            return PatientConditionJoin.join(() -> patient(patients), () -> condition(conditions),
                    observations == null ? PatientConditionJoin.RowSource.empty() : () -> cause(observations), sink);
        }
    }

    /** The next cause-of-death observation row, skipping all other observations. */
    private static PatientConditionJoin.CauseRow cause(Table t) throws IOException, ReportInputException {
        CSVRecord r;
        while ((r = t.next()) != null) {
            if (r.get("CODE").equals(DeathCauses.OBSERVATION_CODE)) {
                return new PatientConditionJoin.CauseRow(r.get("PATIENT"), DeathCauses.codeOfDisplay(r.get("VALUE")),
                        t.location(r));
            }
        }
        return null;
    }

    private static PatientConditionJoin.PatientRow patient(Table t) throws IOException, ReportInputException {
        CSVRecord r = t.next();
        if (r == null) {
            return null;
        }
        try {
            String death = r.get("DEATHDATE");
            String gender = r.get("GENDER");
            Sex sex = gender.equals("M") ? Sex.MALE : gender.equals("F") ? Sex.FEMALE : null;
            LocalDate deathDate = death.isBlank() ? null : ExportDates.day(death);
            return new PatientConditionJoin.PatientRow(r.get("Id"), sex, ExportDates.day(r.get("BIRTHDATE")),
                    deathDate != null, deathDate);
        } catch (DateTimeParseException e) {
            throw t.error(r, "bad date: " + e.getParsedString());
        }
    }

    private static PatientConditionJoin.ConditionRow condition(Table t) throws IOException, ReportInputException {
        CSVRecord r = t.next();
        if (r == null) {
            return null;
        }
        try {
            String stop = r.get("STOP");
            return new PatientConditionJoin.ConditionRow(r.get("PATIENT"), new PatientFacts.ConditionSpan(
                    r.get("CODE"), ExportDates.day(r.get("START")), stop.isBlank() ? null : ExportDates.day(stop)),
                    t.location(r));
        } catch (DateTimeParseException e) {
            throw t.error(r, "bad date: " + e.getParsedString());
        }
    }

    /** One CSV file read record by record, with its header checked. */
    private static final class Table implements AutoCloseable {
        private final String name;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        private Table(String name, CSVParser parser) {
            this.name = name;
            this.parser = parser;
            this.records = parser.iterator();
        }

        static Table open(Path dir, String name, String... columns) throws IOException, ReportInputException {
            BufferedReader reader = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
            CSVParser parser;
            try {
                parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            } catch (IOException | IllegalArgumentException e) {
                reader.close();
                throw new ReportInputException(name + ": unreadable CSV header: " + e.getMessage(), e);
            }
            for (String c : columns) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    parser.close();
                    throw new ReportInputException(name + " has no column " + c + " (Synthea CSV format expected)");
                }
            }
            return new Table(name, parser);
        }

        CSVRecord next() throws IOException, ReportInputException {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord r = records.next();
                if (!r.isConsistent()) {
                    throw error(r, "expected " + parser.getHeaderMap().size() + " fields, found " + r.size());
                }
                return r;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (IllegalStateException e) {
                throw new ReportInputException(name + ": malformed CSV: " + e.getMessage(), e);
            }
        }

        String location(CSVRecord r) {
            return name + " line " + (r.getRecordNumber() + 1);
        }

        ReportInputException error(CSVRecord r, String message) {
            return new ReportInputException(location(r) + ": " + message);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
