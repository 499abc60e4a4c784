package org.patientgen.engine.report;

import java.time.LocalDate;
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
    private static final int MAX_AGE = WindowExposure.MAX_AGE;

    private final LifeTable lifeTable;
    private final WindowExposure exposure;
    /** Indexed [sex][single year of age]. */
    private final long[][] deaths = new long[Sex.values().length][MAX_AGE + 1];
    private long skipped;
    private long diedBeforeWindow;
    private long diedAfterEnd;

    MortalitySection(LifeTable lifeTable, LocalDate windowStart, LocalDate endDate) {
        this.lifeTable = lifeTable;
        this.exposure = new WindowExposure(windowStart, endDate);
    }

    @Override
    public void accept(PatientFacts p) {
        switch (exposure.add(p)) {
            case SKIPPED -> skipped++;
            case DIED_BEFORE_WINDOW -> diedBeforeWindow++;
            case DIED_AFTER_END -> diedAfterEnd++;
            case DIED_IN_WINDOW -> deaths[p.sex().ordinal()][exposure.lastDeathAge()]++;
            case SURVIVED -> {
            }
        }
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
        double years = 0;
        double expectedDeaths = 0;
        long observedDeaths = 0;
        for (Sex sex : sexes) {
            for (int age = from; age <= to; age++) {
                double py = exposure.personYears(sex, age);
                years += py;
                expectedDeaths += py * lifeTable.mx(sex, age);
                observedDeaths += deaths[sex.ordinal()][age];
            }
        }
        double expected = years > 0 ? expectedDeaths / years : Double.NaN;
        double observed = years > 0 ? observedDeaths / years : Double.NaN;
        double tolerance = years > 0
                ? Section.MORTALITY.tolerance().allowed(expected, Tolerance.poissonSe(expectedDeaths, years))
                : Double.POSITIVE_INFINITY;
        return new RealismCheck(Section.MORTALITY, "deaths per person-year", band, expected, observed, tolerance,
                observedDeaths, years);
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (skipped > 0) {
            notes.add(skipped + " patients without sex M/F or with an unrecorded date of death are not in the "
                    + "mortality figures");
        }
        if (diedBeforeWindow > 0) {
            notes.add(diedBeforeWindow + " patients died before the history window started (" + exposure.windowStart()
                    + "); patients should be alive at its start. They add no person-years or deaths");
        }
        if (diedAfterEnd > 0) {
            notes.add(diedAfterEnd + " patients have a date of death after the end date (" + exposure.endDate()
                    + "); they are counted as alive at the end date");
        }
        return notes;
    }
}
