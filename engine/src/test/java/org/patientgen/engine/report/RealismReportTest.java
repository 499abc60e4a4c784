package org.patientgen.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.reference.StateProfile;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * The report's computations on a population worked out by hand (end date 2025-06-30, window from
 * 2015-06-30, so person-time runs to the exclusive exit day 2025-07-01):
 * <pre>
 * id        sex birth       death       age at end  conditions
 * m25       M   2000-06-30  -           25          hypertension 2020- (active), hypertension 2010-2012
 * m29       M   1995-07-01  -           29          hypertension 2024 - 2025-06-30 (abates on the end date)
 * f70       F   1955-01-01  -           70          hyperlipidemia 2015 - 2025-07-01 (abates after the end)
 * mdead     M   1950-01-01  2020-01-01  75          hypertension 2001- (dead: not in prevalence)
 * f5        F   2020-01-01  -           5           -
 * mfuture   M   1980-03-15  2026-01-01  45          - (death after the end date: alive at the end)
 * unknown   U   1990-01-01  -           -           - (no M/F sex: skipped)
 * </pre>
 */
class RealismReportTest {
    private static final double DAYS = 365.25;

    @TempDir
    Path temp;

    static HandMadePopulation population() {
        return new HandMadePopulation()
                .patient("m25", "M", "2000-06-30", null)
                .condition("59621000", "2010-01-01", "2012-01-01")
                .condition("59621000", "2020-01-01", null)
                .patient("m29", "M", "1995-07-01", null)
                .condition("59621000", "2024-01-01", "2025-06-30")
                .patient("f70", "F", "1955-01-01", null)
                .condition("55822004", "2015-01-01", "2025-07-01")
                .patient("mdead", "M", "1950-01-01", "2020-01-01")
                .condition("59621000", "2001-01-01", null)
                .patient("f5", "F", "2020-01-01", null)
                .patient("mfuture", "M", "1980-03-15", "2026-01-01")
                .patient("unknown", "U", "1990-01-01", null);
    }

    private RealismReport csvReport() throws Exception {
        return RealismReport.compute(population().writeCsv(temp.resolve("pop")), null);
    }

    private static RealismCheck row(RealismReport r, Section s, String measure, String band) {
        return r.checks(s).stream().filter(c -> c.measure().equals(measure) && c.band().equals(band)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + measure + " / " + band));
    }

    @Test
    void ageSexSharesUseAgeAtEndDateForEveryoneAndCountTheLivingApart() throws Exception {
        RealismReport r = csvReport();
        StateProfile ma = Census.get().state("MA");
        String sim = AgeSexSection.SIMULATED;
        String living = AgeSexSection.LIVING;

        assertThat(row(r, Section.AGE_SEX, sim, "M 25-29").observed()).isEqualTo(2 / 6.0);
        assertThat(row(r, Section.AGE_SEX, sim, "M 75-79").observed()).isEqualTo(1 / 6.0); // the dead, at 75
        assertThat(row(r, Section.AGE_SEX, sim, "M 45-49").observed()).isEqualTo(1 / 6.0);
        assertThat(row(r, Section.AGE_SEX, sim, "F 70-74").observed()).isEqualTo(1 / 6.0);
        assertThat(row(r, Section.AGE_SEX, sim, "F 5-9").observed()).isEqualTo(1 / 6.0);
        assertThat(row(r, Section.AGE_SEX, sim, "F 0-4").observed()).isZero();
        assertThat(row(r, Section.AGE_SEX, sim, "M all ages").observed()).isEqualTo(4 / 6.0);
        assertThat(row(r, Section.AGE_SEX, living, "M 25-29").observed()).isEqualTo(2 / 5.0);
        assertThat(row(r, Section.AGE_SEX, living, "M 75-79").observed()).isZero();
        assertThat(row(r, Section.AGE_SEX, living, "M all ages").observed()).isEqualTo(3 / 5.0);

        // the living are compared with the census; everyone simulated with the survival-weighted pyramid
        RealismCheck m2529 = row(r, Section.AGE_SEX, living, "M 25-29");
        double expected = ma.ageSexBands().probability(new StateProfile.AgeSexBand(25, 29, Sex.MALE));
        assertThat(m2529.expected()).isEqualTo(expected);
        assertThat(m2529.denominator()).isEqualTo(5);
        assertThat(m2529.tolerance()).isEqualTo(3 * Math.sqrt(expected * (1 - expected) / 5));
        RealismCheck simulated8589 = row(r, Section.AGE_SEX, sim, "M 85+");
        RealismCheck living8589 = row(r, Section.AGE_SEX, living, "M 85+");
        assertThat(simulated8589.expected()).isGreaterThan(living8589.expected());
        // 36 census bands + the male share, for the simulated and the living population
        assertThat(r.checks(Section.AGE_SEX)).hasSize(2 * 37);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 patients without sex M/F"));
    }

    @Test
    void prevalenceCountsLivingPatientsWithTheCodeActiveAtTheEndDateOnce() throws Exception {
        RealismReport r = csvReport();

        RealismCheck htnYoungMen = row(r, Section.PREVALENCE, "hypertension (59621000)", "M 18-39");
        assertThat(htnYoungMen.denominator()).isEqualTo(2); // m25, m29
        assertThat(htnYoungMen.count()).isEqualTo(1); // m25 (two rows, one patient); m29 abated on the end date
        assertThat(htnYoungMen.observed()).isEqualTo(0.5);
        assertThat(htnYoungMen.expected()).isEqualTo(0.312);
        assertThat(htnYoungMen.tolerance()).isEqualTo(3 * Math.sqrt(0.312 * 0.688 / 2));

        RealismCheck lipidsOldWomen = row(r, Section.PREVALENCE, "hyperlipidemia (55822004)", "F 60+");
        assertThat(lipidsOldWomen.count()).isEqualTo(1); // abatement after the end date: still active
        assertThat(lipidsOldWomen.denominator()).isEqualTo(1);
        assertThat(row(r, Section.PREVALENCE, "hypertension (59621000)", "M 60+").denominator())
                .as("the dead are not in prevalence").isZero();
        assertThat(row(r, Section.PREVALENCE, "hypertension (59621000)", "M 40-59").denominator())
                .as("a death dated after the end date is alive at the end").isEqualTo(1);
        assertThat(row(r, Section.PREVALENCE, "asthma (195967001)", "F 5-14").denominator()).isEqualTo(1);

        RealismCheck empty = row(r, Section.PREVALENCE, "asthma (195967001)", "F 0-4");
        assertThat(empty.evaluated()).isFalse();
        assertThat(empty.withinTolerance()).isFalse();
        assertThat(r.summaryLine()).contains("not evaluated");
    }

    @Test
    void mortalitySplitsPersonYearsAtBirthdaysAndWeightsTheLifeTableByThem() throws Exception {
        RealismReport r = csvReport();
        LifeTable life = LifeTable.get();

        // mdead: 2015-06-30 (age 65) to 2020-01-01, dies on the 70th birthday: 185 + 366 + 365 + 365 + 365 days
        RealismCheck m6574 = row(r, Section.MORTALITY, "deaths per person-year", "M 65-74");
        assertThat(m6574.denominator()).isCloseTo(1646 / DAYS, within(1e-12));
        assertThat(m6574.count()).isEqualTo(1);
        assertThat(m6574.observed()).isCloseTo(DAYS / 1646, within(1e-12));
        double expectedDeaths = (185 * life.mx(Sex.MALE, 65) + 366 * life.mx(Sex.MALE, 66)
                + 365 * life.mx(Sex.MALE, 67) + 365 * life.mx(Sex.MALE, 68) + 365 * life.mx(Sex.MALE, 69)) / DAYS;
        assertThat(m6574.expected()).isCloseTo(expectedDeaths / (1646 / DAYS), within(1e-12));
        assertThat(m6574.tolerance()).isCloseTo(Math.max(0.05 * m6574.expected(),
                3 * Math.sqrt(expectedDeaths) / (1646 / DAYS)), within(1e-12));
        assertThat(m6574.withinTolerance()).isTrue(); // one death in 4.5 years is noise, not a deviation

        // m25 3653 days at 15-24 + 1 day at 25; m29 1 day at 19 + 1827 days at 20-24, 1826 days at 25-29
        assertThat(row(r, Section.MORTALITY, "deaths per person-year", "M 15-24").denominator())
                .isCloseTo((3653 + 1 + 1827) / DAYS, within(1e-12));
        // mfuture: 35 to the 45th birthday 2025-03-15 (3546 days), then 108 days; no death in the window
        assertThat(row(r, Section.MORTALITY, "deaths per person-year", "M 35-44").denominator())
                .isCloseTo(3546 / DAYS, within(1e-12));
        assertThat(row(r, Section.MORTALITY, "deaths per person-year", "M 25-34").denominator())
                .isCloseTo((1 + 1826) / DAYS, within(1e-12));
        // f5 from birth 2020-01-01: 1827 days at 0-4, 181 days at 5
        assertThat(row(r, Section.MORTALITY, "deaths per person-year", "F 0-4").denominator())
                .isCloseTo(1827 / DAYS, within(1e-12));
        assertThat(row(r, Section.MORTALITY, "deaths per person-year", "F 0-4").count()).isZero();

        RealismCheck all = row(r, Section.MORTALITY, "deaths per person-year", "all");
        assertThat(all.denominator()).isCloseTo((3654 + 3654 + 3654 + 1646 + 2008 + 3654) / DAYS, within(1e-9));
        assertThat(all.count()).isEqualTo(1);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 patients have a date of death after the end date"));
        // 10 bands and 'all ages' per sex, and both sexes together
        assertThat(r.checks(Section.MORTALITY)).hasSize(2 * 11 + 1);
    }

    @Test
    void csvAndFhirNdjsonOfTheSamePopulationGiveTheSameReport() throws Exception {
        RealismReport csv = RealismReport.compute(population().writeCsv(temp.resolve("csv")), null);
        RealismReport fhir = RealismReport.compute(population().writeNdjson(temp.resolve("fhir")), null);

        assertThat(csv.source()).isEqualTo(PopulationReader.Source.CSV);
        assertThat(fhir.source()).isEqualTo(PopulationReader.Source.FHIR_NDJSON);
        assertThat(fhir.checks()).isEqualTo(csv.checks());
        assertThat(fhir.patientsRead()).isEqualTo(7);
    }

    @Test
    void wholeLifetimeOutputCountsPersonYearsFromBirth() throws Exception {
        RealismReport r = RealismReport.compute(new HandMadePopulation().yearsOfHistory(0)
                .patient("a", "F", "2020-01-01", "2021-01-01").writeCsv(temp.resolve("life")), null);

        RealismCheck f04 = row(r, Section.MORTALITY, "deaths per person-year", "F 0-4");
        assertThat(f04.denominator()).isCloseTo(366 / DAYS, within(1e-12));
        assertThat(f04.count()).isEqualTo(1);
    }

    @Test
    void deathsBeforeTheWindowAddNeitherPersonYearsNorDeathsAndAreNoted() throws Exception {
        RealismReport r = RealismReport.compute(new HandMadePopulation()
                .patient("early", "M", "1940-01-01", "2010-05-05")
                .patient("alive", "M", "1940-01-01", null).writeCsv(temp.resolve("early")), null);

        RealismCheck all = row(r, Section.MORTALITY, "deaths per person-year", "all");
        assertThat(all.count()).isZero();
        assertThat(all.denominator()).isCloseTo(3654 / DAYS, within(1e-12));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 patients died before the history window started"));
    }

    @Test
    void toleranceIsTheLargestOfFloorsAndKStandardErrors() {
        Tolerance t = new Tolerance(3, 0.002, 0.05);
        assertThat(t.allowed(0.5, 0.001)).isEqualTo(0.025); // relative floor
        assertThat(t.allowed(0.01, 0.0001)).isEqualTo(0.002); // absolute floor
        assertThat(t.allowed(0.5, 0.02)).isCloseTo(0.06, within(1e-15)); // sampling noise
        assertThat(Tolerance.binomialSe(0.2, 100)).isCloseTo(0.04, within(1e-15));
        assertThat(Tolerance.poissonSe(25, 1000)).isEqualTo(0.005);
    }
}
