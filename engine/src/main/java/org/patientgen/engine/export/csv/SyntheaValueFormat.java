package org.patientgen.engine.export.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.patientgen.engine.model.Code;

/**
 * Renders values the way Synthea 3.3's CSV exporter does, without {@code String.format},
 * {@code DateTimeFormatter} or regular expressions (this runs for every field of every row).
 *
 * <ul>
 *   <li>Timestamps: {@code ExportHelper.iso8601Timestamp}, pattern {@code yyyy-MM-dd'T'HH:mm:ss'Z'}
 *       in UTC, e.g. {@code 2024-05-02T09:00:00Z} (milliseconds dropped).</li>
 *   <li>Dates: {@code ExportHelper.dateFromTimestamp}, pattern {@code yyyy-MM-dd}. Synthea formats
 *       these in the JVM's default time zone; we always use UTC so output does not depend on the
 *       host.</li>
 *   <li>Numeric observation values: {@code String.format(Locale.US, "%.1f", value)}.</li>
 *   <li>Code systems: the names of {@code ExportHelper.getSystemFromURI} ({@code SNOMED-CT},
 *       {@code LOINC}, {@code RxNorm}, …), which are also the names Synthea modules use.</li>
 * </ul>
 */
final class SyntheaValueFormat {
    /** Cost columns we have no data for: a valid decimal, as Synthea prints costs with {@code %.2f}. */
    static final String ZERO_COST = "0.00";

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private SyntheaValueFormat() {
    }

    /** Appends {@code yyyy-MM-ddTHH:mm:ssZ} (UTC) for epoch millis. */
    static StringBuilder appendTimestamp(StringBuilder out, long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int secondOfDay = (int) (Math.floorMod(epochMillis, MILLIS_PER_DAY) / 1000);
        appendDate(out, LocalDate.ofEpochDay(epochDay));
        out.append('T');
        twoDigits(out, secondOfDay / 3600);
        out.append(':');
        twoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        twoDigits(out, secondOfDay % 60);
        return out.append('Z');
    }

    /** Appends the UTC calendar date {@code yyyy-MM-dd} of epoch millis. */
    static StringBuilder appendDateOf(StringBuilder out, long epochMillis) {
        return appendDate(out, LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY)));
    }

    /** Appends {@code yyyy-MM-dd}; years are zero-padded to four digits as SimpleDateFormat does. */
    static StringBuilder appendDate(StringBuilder out, LocalDate date) {
        int year = date.getYear();
        if (year >= 0 && year < 1000) {
            out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        out.append(year).append('-');
        twoDigits(out, date.getMonthValue());
        out.append('-');
        twoDigits(out, date.getDayOfMonth());
        return out;
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * The text of {@code String.format(Locale.US, "%.1f", value)}: one decimal, rounded half-up on
     * the shortest decimal representation of the double (so 0.15 gives 0.2, 2.25 gives 2.3).
     */
    static String oneDecimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        // Fast path for whole numbers (blood pressure, heart rate, counts): no BigDecimal needed.
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            long whole = (long) value;
            return (negative && whole == 0 ? "-0" : Long.toString(whole)) + ".0";
        }
        String rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        // BigDecimal has no negative zero, Formatter keeps the sign: -0.04 prints as -0.0.
        return negative && rounded.charAt(0) != '-' ? "-" + rounded : rounded;
    }

    /** Synthea's name for a code system URI; systems it has no name for are written as given. */
    static String systemName(String systemUri) {
        return switch (systemUri) {
            case Code.SNOMED -> "SNOMED-CT";
            case Code.LOINC -> "LOINC";
            case Code.RXNORM -> "RxNorm";
            case Code.CVX -> "CVX";
            case "http://dicom.nema.org/resources/ontology/DCM",
                 "http://dicom.nema.org/medical/dicom/current/output/chtml/part16/sect_CID_29.html" -> "DICOM-DCM";
            case "http://www.ada.org/cdt" -> "CDT";
            case "http://hl7.org/fhir/sid/icd-9-cm" -> "ICD9";
            case "http://hl7.org/fhir/sid/icd-10" -> "ICD10";
            case "http://hl7.org/fhir/sid/icd-10-cm" -> "ICD10-CM";
            default -> systemUri;
        };
    }
}
