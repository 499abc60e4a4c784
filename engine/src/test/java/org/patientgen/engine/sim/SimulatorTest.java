package org.patientgen.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.testing.Populations;

class SimulatorTest {
    private static final long END = Populations.END_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    private static List<PatientRecord> population(long seed, int n, int years) {
        Simulator sim = new Simulator(Populations.config(seed, "MA", years));
        return LongStream.range(0, n).mapToObj(sim::simulate).toList();
    }

    @Test
    void identifiersAreClearlySynthetic() {
        for (PatientRecord p : population(1, 200, 10)) {
            var d = p.demographics();
            assertThat(d.ssn()).matches("999-\\d{2}-\\d{4}");
            assertThat(d.phone()).matches("\\d{3}-555-01\\d{2}");
            assertThat(d.address().state()).isEqualTo("MA");
            assertThat(d.address().postalCode()).matches("0[12]\\d{3}");
            assertThat(d.firstName()).isNotBlank();
            assertThat(d.lastName()).isNotBlank();
        }
    }

    @Test
    void everyStateAndDcCanBeSimulated() {
        List<String> states = Census.get().stateCodes();
        assertThat(states).hasSize(51).contains("DC", "AK", "HI", "WY");
        for (String state : states) {
            Simulator sim = new Simulator(Populations.config(3, state, 5));
            PatientRecord p = sim.simulate(0);
            assertThat(p.demographics().address().state()).isEqualTo(state);
        }
    }

    @Test
    void recordsStayInsideTheHistoryWindowExceptWhatIsStillActive() {
        long windowStart = LocalDate.of(2015, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        for (PatientRecord p : population(5, 150, 10)) {
            for (ObservationEntry o : p.observations()) {
                assertThat(o.start()).isBetween(windowStart, END);
            }
            p.conditions().forEach(c -> assertThat(c.stop()).isGreaterThanOrEqualTo(windowStart));
            p.medications().forEach(m -> assertThat(m.stop()).isGreaterThanOrEqualTo(windowStart));
            if (!p.alive()) {
                assertThat(p.deathTime()).isBetween(windowStart, END);
                p.encounters().forEach(e -> assertThat(e.start()).isLessThanOrEqualTo(p.deathTime()));
                p.medications().forEach(m -> assertThat(m.stop()).isLessThanOrEqualTo(p.deathTime()));
            }
        }
    }

    @Test
    void wellnessVisitsRecordVitalSignsInPlausibleRanges() {
        int bmiCount = 0;
        for (PatientRecord p : population(8, 150, 10)) {
            for (ObservationEntry o : p.observations()) {
                if (o.code().code().equals(VitalSign.BMI.loinc().code())) {
                    assertThat((Double) o.value()).isBetween(10.0, 80.0);
                    bmiCount++;
                }
                if (o.code().code().equals(VitalSign.HEIGHT.loinc().code())) {
                    assertThat((Double) o.value()).isBetween(40.0, 215.0);
                }
                if (o.code().code().equals("85354-9")) {
                    double systolic = component(o, VitalSign.SYSTOLIC_BLOOD_PRESSURE);
                    double diastolic = component(o, VitalSign.DIASTOLIC_BLOOD_PRESSURE);
                    assertThat(systolic).isBetween(70.0, 230.0).isGreaterThan(diastolic);
                }
            }
            if (p.alive()) {
                // ten years always hold a wellness visit (adults: at least every 3 years)
                assertThat(p.encounters()).anyMatch(e -> e.encounterClass() == EncounterClass.WELLNESS);
            }
        }
        assertThat(bmiCount).isGreaterThan(300);
    }

    private static double component(ObservationEntry panel, VitalSign sign) {
        return panel.components().stream().filter(c -> c.code().code().equals(sign.loinc().code()))
                .map(c -> (Double) c.value()).findFirst().orElseThrow();
    }

    @Test
    void childrenAreImmunisedOnTheCdcSchedule() {
        Simulator sim = new Simulator(Populations.config(13, "MA", 0));
        int checked = 0;
        int dtapSeries = 0;
        for (long i = 0; i < 2000 && checked < 20; i++) {
            PatientRecord p = sim.simulate(i);
            LocalDate birth = p.demographics().birthDate();
            if (birth.isAfter(LocalDate.of(2015, 1, 1)) && birth.isBefore(LocalDate.of(2020, 1, 1))) {
                checked++;
                List<String> cvx = p.immunizations().stream().map(im -> im.code().code()).toList();
                // DTaP series by age 5 for nearly everyone (93% per dose coverage: not every child)
                if (cvx.stream().filter("20"::equals).count() >= 3) {
                    dtapSeries++;
                }
                assertThat(p.immunizations()).allMatch(im -> im.code().system().equals(Code.CVX));
                assertThat(p.immunizations()).allMatch(im -> im.encounterId() != null);
            }
        }
        assertThat(checked).isEqualTo(20);
        assertThat(dtapSeries).as("children of 20 with 3+ DTaP doses").isGreaterThanOrEqualTo(18);
    }

    @Test
    void everyDeathIsCertifiedWithItsCause() {
        List<PatientRecord> people = population(21, 1000, 10);
        List<PatientRecord> dead = people.stream().filter(p -> !p.alive()).toList();
        // ~1% of Americans die per year; the window over-samples the old it will lose
        assertThat(dead.size()).isBetween(40, 250);
        for (PatientRecord p : dead) {
            assertThat(p.deathTime()).isLessThan(p.endTime());
            ObservationEntry cause = p.observations().stream()
                    .filter(o -> o.code().code().equals("69453-9")).findFirst().orElseThrow();
            assertThat(cause.start()).isEqualTo(p.deathTime());
            Code recorded = (Code) cause.value();
            if (p.causeOfDeath() != null) {
                assertThat(recorded).isEqualTo(p.causeOfDeath());
            } else {
                assertThat(recorded.code()).isEqualTo("419620001");
            }
        }
    }

    @Test
    void openEntriesOnlyForTheLivingAndEncountersAlwaysEnd() {
        List<Entry> open = new ArrayList<>();
        for (PatientRecord p : population(34, 200, 10)) {
            p.encounters().forEach(e -> assertThat(e.isOpen()).isFalse());
            if (!p.alive()) {
                p.medications().stream().filter(Entry::isOpen).forEach(open::add);
            }
        }
        assertThat(open).isEmpty();
    }
}
