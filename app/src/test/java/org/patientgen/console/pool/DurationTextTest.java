package org.patientgen.console.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pool times as people write them, exact both ways. */
class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"0, 0 ms", "1, 1 ms", "-1, -1 ms", "250, 250 ms", "1500, 1500 ms", "5000, 5 s", "90000, 90 s",
        "600000, 10 min", "1800000, 30 min", "7200000, 2 h", "86400000, 24 h"})
    void formatsWithTheLargestExactUnit(long ms, String text) {
        assertThat(DurationText.format(ms)).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(ms);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"30000|30000", "30 s|30000", "30s|30000", "30 sec|30000", "30 seconds|30000",
        "1 min 30 s|90000", "1m30s|90000", "1.5 min|90000", "10 minutes|600000", "2 h|7200000", "1 hour|3600000",
        "250ms|250", "250 millis|250", "1,000 ms|1000", " 5 S |5000", "-1|-1"})
    void readsWhatPeopleType(String text, long ms) {
        assertThat(DurationText.parse(text)).isEqualTo(ms);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30 x", "s", "1 min 30", "0.5 ms", "30 s 5", "1 min -5 s", "99999999999999999999"})
    void refusesWhatIsNotAWholeTime(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }
}
