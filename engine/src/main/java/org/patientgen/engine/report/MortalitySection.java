package org.patientgen.engine.report;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Deaths per person-year in the history window by age band and sex against the life table's
 * central death rate m(x).
 *
 * <p>Each patient contributes person-years from max(window start, birth) to min(death, end of the
 * end date), split at birthdays into single years of age; a death counts in the year of age it
 * happened in. The expected rate of a band is m(x) averaged over its single years weighted by the
 * person-years observed in each ({@code Σ PY(x)·m(x) / Σ PY(x)}), i.e. expected deaths over
 * person-years, so the comparison is not biased by how ages are spread inside the band. The
 * simulator applies life-table mortality only inside the window (patients are alive at its start),
 * so the window is where observed and expected rates are comparable.
 */
final class MortalitySection implements RealismSection {
    /** Lower bounds of the age bands; the last is open-ended. */
    static final int[] BAND_STARTS = {0, 5, 15, 25, 35, 45, 55, 65, 75, 85};
    private static final int MAX_AGE = 120;
    private static final double DAYS_PER_YEAR = 365.25;

    private final LifeTable lifeTable;
    private final LocalDate windowStart;
    private final LocalDate endDate;
    /** Indexed [sex][single year of age]. */
    private final double[][] personYears = new double[Sex.values().length][MAX_AGE + 1];
    private final long[][] deaths = new long[Sex.values().length][MAX_AGE + 1];
    private long skipped;
    private long diedBeforeWindow;
    private long diedAfterEnd;

    MortalitySection(LifeTable lifeTable, LocalDate windowStart, LocalDate endDate) {
        this.lifeTable = lifeTable;
        this.windowStart = windowStart;
        this.endDate = endDate;
    }

    @Override
    public void accept(PatientFacts p) {
        if (p.sex() == null || (p.deceased() && p.deathDate() == null)) {
            skipped++;
            return;
        }
        LocalDate birth = p.birthDate();
        LocalDate from = birth.isAfter(windowStart) ? birth : windowStart;
        LocalDate exitDay = endDate.plusDays(1);
        if (p.deathDate() != null && p.deathDate().isBefore(exitDay)) {
            exitDay = p.deathDate();
            if (exitDay.isBefore(windowStart)) {
                diedBeforeWindow++; // no person-years in the window, and the death is outside it
                return;
            }
            deaths[p.sex().ordinal()][Math.min(ageOn(birth, exitDay), MAX_AGE)]++;
        } else if (p.deathDate() != null) {
            diedAfterEnd++; // a death in the future of the population: alive for the whole window
        }
        double[] py = personYears[p.sex().ordinal()];
        int age = ageOn(birth, from);
        LocalDate segmentStart = from;
        while (segmentStart.isBefore(exitDay)) {
            LocalDate birthday = birth.plusYears(age + 1L);
            LocalDate segmentEnd = birthday.isBefore(exitDay) ? birthday : exitDay;
            py[Math.min(age, MAX_AGE)] += ChronoUnit.DAYS.between(segmentStart, segmentEnd) / DAYS_PER_YEAR;
            segmentStart = segmentEnd;
            age++;
        }
    }

    /** Completed years on {@code day}, with birthdays as {@link LocalDate#plusYears} places them (Feb 29). */
    private static int ageOn(LocalDate birth, LocalDate day) {
        int age = Math.max(0, Period.between(birth, day).getYears());
        return birth.plusYears(age + 1L).isAfter(day) ? age : age + 1;
    }

    @Override
    public List<RealismCheck> checks() {
        List<RealismCheck> rows = new ArrayList<>();
        for (Sex sex : Sex.values()) {
            for (int b = 0; b < BAND_STARTS.length; b++) {
                int to = b + 1 < BAND_STARTS.length ? BAND_STARTS[b + 1] - 1 : MAX_AGE;
                rows.add(row(sex.letter() + " " + bandLabel(b), new Sex[] {sex}, BAND_STARTS[b], to));
            }
            rows.add(row(sex.letter() + " all ages", new Sex[] {sex}, 0, MAX_AGE));
        }
        rows.add(row("all", Sex.values(), 0, MAX_AGE));
        return rows;
    }

    static String bandLabel(int band) {
        return band + 1 < BAND_STARTS.length ? BAND_STARTS[band] + "-" + (BAND_STARTS[band + 1] - 1)
                : BAND_STARTS[band] + "+";
    }

    private RealismCheck row(String band, Sex[] sexes, int from, int to) {
        double exposure = 0;
        double expectedDeaths = 0;
        long observedDeaths = 0;
        for (Sex sex : sexes) {
            for (int age = from; age <= to; age++) {
                double py = personYears[sex.ordinal()][age];
                exposure += py;
                expectedDeaths += py * lifeTable.mx(sex, age);
                observedDeaths += deaths[sex.ordinal()][age];
            }
        }
        double expected = exposure > 0 ? expectedDeaths / exposure : Double.NaN;
        double observed = exposure > 0 ? observedDeaths / exposure : Double.NaN;
        double tolerance = exposure > 0
                ? Section.MORTALITY.tolerance().allowed(expected, Tolerance.poissonSe(expectedDeaths, exposure))
                : Double.POSITIVE_INFINITY;
        return new RealismCheck(Section.MORTALITY, "deaths per person-year", band, expected, observed, tolerance,
                observedDeaths, exposure);
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (skipped > 0) {
            notes.add(skipped + " patients without sex M/F or with an unrecorded date of death are not in the "
                    + "mortality figures");
        }
        if (diedBeforeWindow > 0) {
            notes.add(diedBeforeWindow + " patients died before the history window started (" + windowStart
                    + "); patients should be alive at its start. They add no person-years or deaths");
        }
        if (diedAfterEnd > 0) {
            notes.add(diedAfterEnd + " patients have a date of death after the end date (" + endDate
                    + "); they are counted as alive at the end date");
        }
        return notes;
    }
}
