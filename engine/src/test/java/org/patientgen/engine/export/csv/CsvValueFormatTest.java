package org.patientgen.engine.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientgen.engine.model.Code;

/**
 * The hand-rolled formatting must equal what Synthea's {@code String.format("%.1f")} and
 * {@code FastDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", UTC)} produce; the slow library versions are the
 * oracle here.
 */
class CsvValueFormatTest {
    private static final DateTimeFormatter SYNTHEA_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(doubles = {0, 7.4, 134, 0.05, 0.15, 0.25, 0.35, 1.45, 2.675, 165.25, 99.95, -0.04, -0.05, -3.25,
            -0.0, 1e-7, 123456.789, 5e14, 2e15, 1e20, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void oneDecimalMatchesStringFormat(double value) {
        assertThat(SyntheaValueFormat.oneDecimal(value)).isEqualTo(String.format(Locale.US, "%.1f", value));
    }

    @Test
    void oneDecimalMatchesStringFormatOnTypicalMeasurements() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            // Lab and vital values with 0–3 decimals, where half-up ties are common.
            double value = Math.round(random.nextDouble(-50, 500) * 1000) / Math.pow(10, random.nextInt(4));
            assertThat(SyntheaValueFormat.oneDecimal(value)).as("%s", value)
                    .isEqualTo(String.format(Locale.US, "%.1f", value));
        }
    }

    @Test
    void timestampsAndDatesMatchSyntheasUtcPatterns() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1800-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(from, to);
            Instant instant = Instant.ofEpochMilli(millis);
            assertThat(SyntheaValueFormat.appendTimestamp(new StringBuilder(), millis).toString())
                    .isEqualTo(SYNTHEA_TIMESTAMP.format(instant));
            assertThat(SyntheaValueFormat.appendDateOf(new StringBuilder(), millis).toString())
                    .isEqualTo(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
        }
        assertThat(SyntheaValueFormat.appendTimestamp(new StringBuilder(), -1).toString())
                .isEqualTo("1969-12-31T23:59:59Z");
        assertThat(SyntheaValueFormat.appendDate(new StringBuilder(), LocalDate.of(987, 6, 5)).toString())
                .isEqualTo("0987-06-05");
    }

    @Test
    void systemUrisBecomeSyntheaSystemNames() {
        assertThat(SyntheaValueFormat.systemName(Code.SNOMED)).isEqualTo("SNOMED-CT");
        assertThat(SyntheaValueFormat.systemName(Code.LOINC)).isEqualTo("LOINC");
        assertThat(SyntheaValueFormat.systemName(Code.RXNORM)).isEqualTo("RxNorm");
        assertThat(SyntheaValueFormat.systemName(Code.CVX)).isEqualTo("CVX");
        assertThat(SyntheaValueFormat.systemName(Code.systemUri("DICOM-DCM"))).isEqualTo("DICOM-DCM");
        assertThat(SyntheaValueFormat.systemName("http://hl7.org/fhir/sid/icd-10-cm")).isEqualTo("ICD10-CM");
        assertThat(SyntheaValueFormat.systemName("urn:example:local")).isEqualTo("urn:example:local");
    }
}
