package org.patientgen.engine.module;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.Person;

/**
 * A CSV table of transition probabilities for a GMF {@code lookup_table_transition}, read from
 * {@code lookup_tables/} under the module root (Synthea's layout). The leading columns are keys
 * the person must match; the others are named after transition targets and hold probabilities.
 *
 * <p>Key columns: {@code age} and {@code time} hold inclusive ranges {@code low-high} (age in whole
 * years, time in epoch milliseconds); {@code gender}, {@code race}, {@code ethnicity} and
 * {@code state} default to the patient's demographics when no attribute of that name is set; any
 * other column is an attribute compared by value (numbers numerically). The first matching row
 * wins; when none matches, the transition's {@code default_probability} values apply.
 */
final class LookupTable {
    private final List<String> keyColumns;
    private final List<Row> rows;

    private record Row(List<String> keys, long[][] ranges, double[] probabilities) {
    }

    private LookupTable(List<String> keyColumns, List<Row> rows) {
        this.keyColumns = keyColumns;
        this.rows = rows;
    }

    /** The probabilities of {@code targets} (in the order the table was built for) for this person, or null. */
    double[] probabilities(Person person, long time) {
        List<Object> values = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            values.add(personValue(column, person, time));
        }
        for (Row row : rows) {
            if (matches(row, values)) {
                return row.probabilities();
            }
        }
        return null;
    }

    private static boolean matches(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            long[] range = row.ranges()[i];
            if (range != null) {
                if (!(v instanceof Number n) || n.longValue() < range[0] || n.longValue() > range[1]) {
                    return false;
                }
            } else if (!sameValue(row.keys().get(i), v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String cell, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Number n) {
            try {
                return Double.parseDouble(cell) == n.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String text = value instanceof Code c ? c.code() : value instanceof Entry e ? e.code().code() : value.toString();
        return cell.equalsIgnoreCase(text);
    }

    private static Object personValue(String column, Person person, long time) {
        switch (column) {
            case "age":
                return (long) person.ageYears(time);
            case "time":
                return time;
            default:
                break;
        }
        Object attribute = person.attribute(column);
        if (attribute != null) {
            return attribute;
        }
        var d = person.demographics();
        return switch (column) {
            case "gender" -> d.sex().letter();
            case "race" -> d.race().csvName();
            case "ethnicity" -> d.hispanic() ? "hispanic" : "nonhispanic";
            case "state" -> d.address() == null ? null : stateName(d.address().state());
            default -> null;
        };
    }

    private static String stateName(String code) {
        try {
            return Census.get().state(code).name();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /**
     * Reads and checks a table for transitions to {@code targets}.
     *
     * @throws ModuleFormatException at {@code where} if the file is missing, a target has no
     *                               column, or a cell is not a number/range
     */
    static LookupTable read(Path file, String name, List<String> targets, JsonField where) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw where.error("cannot read lookup table 'lookup_tables/" + name + "' next to the modules: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // byte-order mark written by spreadsheet tools
        }
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        } catch (IOException | RuntimeException e) {
            throw where.error("lookup table '" + name + "' is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw where.error("lookup table '" + name + "' is empty");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        int[] targetColumn = new int[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            targetColumn[t] = header.indexOf(targets.get(t));
            if (targetColumn[t] < 0) {
                throw where.error("lookup table '" + name + "' has no column for transition '" + targets.get(t)
                        + "' (columns: " + String.join(", ", header) + ")");
            }
        }
        List<Integer> keyIndexes = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!targets.contains(header.get(c))) {
                keyIndexes.add(c);
            }
        }
        List<String> keyColumns = keyIndexes.stream().map(header::get).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            String at = "lookup table '" + name + "' line " + (r + 1) + ": ";
            if (rec.size() != header.size()) {
                throw where.error(at + rec.size() + " cells, header has " + header.size());
            }
            List<String> keys = new ArrayList<>();
            long[][] ranges = new long[keyIndexes.size()][];
            for (int k = 0; k < keyIndexes.size(); k++) {
                String cell = rec.get(keyIndexes.get(k)).trim();
                keys.add(cell);
                String column = keyColumns.get(k);
                if (column.equals("age") || column.equals("time")) {
                    ranges[k] = range(cell, where, at + column);
                }
            }
            double[] p = new double[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                String cell = rec.get(targetColumn[t]).trim();
                try {
                    p[t] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw where.error(at + "probability '" + cell + "' for '" + targets.get(t) + "' is not a number");
                }
            }
            rows.add(new Row(List.copyOf(keys), ranges, p));
        }
        return new LookupTable(keyColumns, List.copyOf(rows));
    }

    /** {@code low-high} (inclusive) or a single value. */
    private static long[] range(String cell, JsonField where, String at) {
        try {
            int dash = cell.indexOf('-', 1);
            if (dash < 0) {
                long v = Long.parseLong(cell);
                return new long[] {v, v};
            }
            return new long[] {Long.parseLong(cell.substring(0, dash).trim()),
                    Long.parseLong(cell.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            throw where.error(at + " '" + cell + "' is not a range low-high");
        }
    }

    /** Where the lookup tables of one module root are. */
    static final class Source {
        /** For modules parsed without a root: any lookup table is an error. */
        static final Source NONE = new Source(null);

        private final Path root;

        Source(Path root) {
            this.root = root;
        }

        LookupTable table(String name, List<String> targets, JsonField where) {
            if (root == null) {
                throw where.error("lookup tables need a module root directory (lookup_tables/" + name + ")");
            }
            if (name.contains("..") || name.startsWith("/")) {
                throw where.error("lookup table name '" + name + "' must be a file inside lookup_tables/");
            }
            return read(root.resolve("lookup_tables").resolve(name), name, targets, where);
        }
    }
}
