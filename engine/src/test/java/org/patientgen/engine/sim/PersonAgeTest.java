package org.patientgen.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.testing.SamplePatients;

class PersonAgeTest {

    private static Person bornOn(LocalDate birth) {
        Demographics base = SamplePatients.diabeticWoman().demographics();
        Demographics d = new Demographics(base.id(), base.prefix(), base.firstName(), base.lastName(),
                base.maidenName(), base.sex(), birth, base.race(), base.hispanic(), base.ssn(), base.driversLicense(),
                base.passport(), base.phone(), base.address(), base.birthPlace(), base.maritalStatus(),
                base.language(), base.income(), base.education());
        return new Person(d, new SplittableRandom(1), new IdSource(1, 1));
    }

    private static long at(LocalDate date) {
        return date.toEpochDay() * Person.MILLIS_PER_DAY;
    }

    @Test
    void agesMatchCalendarArithmeticOnEveryDayOfFiveYears() {
        LocalDate birth = LocalDate.of(1996, 2, 29);
        Person p = bornOn(birth);
        for (LocalDate d = birth; d.isBefore(birth.plusYears(5)); d = d.plusDays(1)) {
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS,
                ChronoUnit.DAYS}) {
                assertThat(p.ageIn(at(d) + 3_600_000L, unit)).as("%s in %s", d, unit).isEqualTo(unit.between(birth, d));
            }
        }
    }

    @Test
    void leapDayBirthdayIsReachedOnFirstOfMarchInCommonYears() {
        Person p = bornOn(LocalDate.of(2000, 2, 29));
        assertThat(p.timeAtAge(1)).isEqualTo(at(LocalDate.of(2001, 3, 1)));
        assertThat(p.timeAtAge(4)).isEqualTo(at(LocalDate.of(2004, 2, 29)));
        assertThat(p.ageYears(at(LocalDate.of(2001, 2, 28)))).isZero();
        assertThat(p.ageYears(at(LocalDate.of(2001, 3, 1)))).isEqualTo(1);
    }

    @Test
    void ageBeyondTheTableFallsBackToCalendar() {
        Person p = bornOn(LocalDate.of(1850, 1, 1));
        assertThat(p.ageYears(at(LocalDate.of(2025, 6, 1)))).isEqualTo(175);
    }
}
