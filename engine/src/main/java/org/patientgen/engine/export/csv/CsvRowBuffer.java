package org.patientgen.engine.export.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;

/**
 * Collects one patient's rows of one {@link CsvTable} as RFC 4180 CSV and hands them to the
 * {@link PatientChunk}. One buffer lives for one {@link Exporter#write} call on one thread.
 *
 * <p>Quoting is commons-csv's {@code QuoteMode.MINIMAL}: a field is quoted only if it holds a
 * delimiter, a quote, a line break, or starts or ends with a character that would otherwise be
 * misread; embedded quotes are doubled. Ordinary Synthea values (ids, dates, codes, numbers) are
 * therefore written byte-for-byte as Synthea writes them, while free text keeps its commas and
 * quotes where Synthea's own {@code clean()} would have deleted them.
 */
final class CsvRowBuffer {
    /**
     * {@code \n}, not RFC 4180's {@code \r\n}: Synthea writes {@code System.lineSeparator()}, which
     * is {@code \n} on the Linux and macOS hosts it is normally run on, and a fixed separator keeps
     * our bytes independent of the platform. Every RFC 4180 reader accepts a bare LF.
     */
    static final String RECORD_SEPARATOR = "\n";

    /**
     * The shared template. It is never printed with directly: {@link CSVFormat#print(Object,
     * Appendable, boolean)} is {@code synchronized} on the format instance in commons-csv 1.14, so
     * a format shared by all worker threads would serialize them. Each buffer prints with its own
     * copy (cheap: a handful of fields, no header arrays).
     */
    private static final CSVFormat TEMPLATE = CSVFormat.RFC4180.builder()
            .setRecordSeparator(RECORD_SEPARATOR)
            .get();

    private final CsvTable table;
    private final CSVFormat format;
    private final StringBuilder text = new StringBuilder(256);
    private int rows;
    private int fieldsInRow;

    CsvRowBuffer(CsvTable table) {
        this.table = table;
        this.format = TEMPLATE.builder().get();
    }

    /** Appends one field to the current row; null is written as an empty field. */
    CsvRowBuffer field(CharSequence value) throws IOException {
        format.print(value == null ? "" : value, text, fieldsInRow == 0);
        fieldsInRow++;
        return this;
    }

    /** Appends an integer field. */
    CsvRowBuffer field(long value) throws IOException {
        return field(Long.toString(value));
    }

    /** Appends {@code n} empty fields (columns we have no data for). */
    CsvRowBuffer empty(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            field("");
        }
        return this;
    }

    /**
     * Ends the current row.
     *
     * @throws IllegalStateException if the row has a different number of fields than the header,
     *                               which would silently shift every later column for readers
     */
    void endRow() throws IOException {
        if (fieldsInRow != table.columnCount()) {
            throw new IllegalStateException(table.path() + ": row has " + fieldsInRow + " fields, header has "
                    + table.columnCount());
        }
        format.println(text);
        fieldsInRow = 0;
        rows++;
    }

    int rows() {
        return rows;
    }

    /**
     * Appends the rows (possibly none) to the chunk's buffer for this table and counts them for the
     * manifest. The file is touched even without rows so every table exists with its header, as
     * Synthea's loaders expect all files to be present.
     */
    void drainInto(Exporter owner, PatientChunk chunk) throws IOException {
        if (fieldsInRow != 0) {
            throw new IllegalStateException(table.path() + ": unfinished row");
        }
        var out = chunk.append(owner, table.path());
        if (rows > 0) {
            Writer utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            utf8.append(text);
            utf8.flush();
        }
        chunk.count(table.path(), rows);
    }
}
