package org.patientgen.engine.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one of the engine's reference CSV files from the classpath ({@code /data/…}): comment
 * lines start with {@code #} (source and licence), then a header row. Gzipped when the name ends
 * in {@code .gz}. A missing file or column fails loudly, naming the file.
 */
public final class DataTable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final String name;
    private final List<String> headers;
    private final List<CSVRecord> rows;

    private DataTable(String name, List<String> headers, List<CSVRecord> rows) {
        this.name = name;
        this.headers = List.copyOf(headers);
        this.rows = rows;
    }

    /** Loads {@code /data/<fileName>}. */
    public static DataTable load(String fileName) {
        String resource = "data/" + fileName;
        InputStream raw = DataTable.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("reference data file missing from the engine: " + resource);
        }
        try (InputStream in = fileName.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<CSVRecord> rows = parser.getRecords();
            return new DataTable(fileName, parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    /** Column names in file order. */
    public List<String> headers() {
        return headers;
    }

    public List<CSVRecord> rows() {
        return rows;
    }

    /** A column's text in a row; an absent column is an error naming file and column. */
    public String text(CSVRecord row, String column) {
        if (!row.isMapped(column)) {
            throw new IllegalStateException("reference data " + name + " has no column '" + column + "'");
        }
        return row.get(column);
    }

    public double number(CSVRecord row, String column) {
        String v = text(row, column);
        try {
            return v.isEmpty() ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("reference data " + name + " line " + row.getRecordNumber()
                    + ": column '" + column + "' is not a number: '" + v + "'");
        }
    }
}
