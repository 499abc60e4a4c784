package org.patientgen.engine.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the dates exporters write (CSV days and timestamps, FHIR date and dateTime) as UTC days. */
final class ExportDates {
    private ExportDates() {
    }

    /**
     * The UTC calendar day of {@code text}: {@code 2025-06-30}, {@code 2025-06}, {@code 2025},
     * {@code 2025-06-30T10:00:00Z}, {@code 2025-06-30T10:00:00.123+02:00} or a timestamp without
     * offset (taken as UTC). Partial FHIR dates are read as their first day.
     *
     * @throws DateTimeParseException if it is none of these
     */
    static LocalDate day(String text) {
        String t = text.trim();
        switch (t.length()) {
            case 4:
                return LocalDate.of(Integer.parseInt(t), 1, 1);
            case 7:
                return YearMonth.parse(t).atDay(1);
            case 10:
                return LocalDate.parse(t);
            default:
                break;
        }
        try {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toLocalDate();
        }
    }
}
