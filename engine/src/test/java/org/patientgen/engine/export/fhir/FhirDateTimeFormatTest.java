package org.patientgen.engine.export.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FhirDateTimeFormatTest {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static String instant(long millis) {
        char[] buf = new char[FhirDateTimeFormat.MAX_LENGTH];
        return new String(buf, 0, FhirDateTimeFormat.formatInstant(millis, buf, 0));
    }

    @Test
    void formatsWholeSecondsWithoutFraction() {
        assertThat(instant(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(instant(Instant.parse("2024-02-29T23:59:59Z").toEpochMilli())).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(instant(Instant.parse("1900-03-01T08:05:09Z").toEpochMilli())).isEqualTo("1900-03-01T08:05:09Z");
        assertThat(instant(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void agreesWithJavaTimeAcrossCenturies() {
        long from = Instant.parse("1850-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2150-01-01T00:00:00Z").toEpochMilli();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(from, to);
            if (i % 2 == 0) {
                millis -= Math.floorMod(millis, 1000);
            }
            Instant instant = Instant.ofEpochMilli(millis);
            String expected = (millis % 1000 == 0 ? SECONDS : MILLIS).format(instant);
            assertThat(instant(millis)).isEqualTo(expected);

            char[] buf = new char[10];
            assertThat(new String(buf, 0, FhirDateTimeFormat.formatDate(millis, buf, 0)))
                    .isEqualTo(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
        }
    }

    @Test
    void formatsLocalDates() {
        char[] buf = new char[10];
        assertThat(new String(buf, 0, FhirDateTimeFormat.formatDate(LocalDate.of(7, 1, 2), buf, 0)))
                .isEqualTo("0007-01-02");
        assertThatThrownBy(() -> FhirDateTimeFormat.formatDate(LocalDate.of(10_000, 1, 1), buf, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
