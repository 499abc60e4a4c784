package org.patientgen.engine.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.CauseOfDeathShares;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Deaths per person-year in the history window by certified cause, sex and age band, against the
 * rate the simulator is built to reproduce: for a cause a loaded module simulates, its NCHS share
 * of all deaths ({@code data/cause_of_death_shares.csv}) times the life table's m(x); for all other
 * causes ("other causes": deaths certified 419620001 "Death (event)"), m(x) times one minus the
 * shares of the loaded modules, which is how the simulator scales background mortality.
 *
 * <p>The cause of a death is the value of its LOINC 69453-9 observation, grouped by
 * {@link DeathCauses}. Person-years are counted as in {@link MortalitySection}, and the expected
 * rate of a band is again expected deaths over person-years ({@code Σ PY(x)·share(x)·m(x) / Σ
 * PY(x)}). The age bands are those of the shares file. Deaths without a cause observation, or with
 * a cause no group lists, are left out of the rows and counted in a note.
 */
final class DeathsByCauseSection implements RealismSection {
    /** Lower bounds of the age bands of {@code cause_of_death_shares.csv}; the last is open-ended. */
    static final int[] BAND_STARTS = {0, 25, 45, 65, 75, 85};
    private static final int MAX_AGE = WindowExposure.MAX_AGE;

    private final LifeTable lifeTable;
    private final CauseOfDeathShares shares;
    /** Groups with a row set, in report order: the loaded modules with a share column, then other causes. */
    private final List<String> groups = new ArrayList<>();
    /** The loaded modules with a share column (their shares are taken out of background mortality). */
    private final List<String> modelled = new ArrayList<>();
    private final WindowExposure exposure;
    /** Deaths indexed [sex][age] per group. */
    private final Map<String, long[][]> deaths = new LinkedHashMap<>();
    private long uncertified;
    private final Map<String, Long> unlisted = new TreeMap<>();

    /**
     * @param loadedModules keys of the modules the population was generated with, or {@code null} when unknown
     *                      (then every module with a share column is assumed loaded)
     */
    DeathsByCauseSection(LifeTable lifeTable, CauseOfDeathShares shares, Collection<String> loadedModules,
                         LocalDate windowStart, LocalDate endDate) {
        this.lifeTable = lifeTable;
        this.shares = shares;
        this.exposure = new WindowExposure(windowStart, endDate);
        for (String module : shares.modules()) {
            if (loadedModules == null || loadedModules.contains(module)) {
                modelled.add(module);
            }
        }
        groups.addAll(modelled);
        groups.add(DeathCauses.BACKGROUND);
        for (String g : groups) {
            deaths.put(g, new long[Sex.values().length][MAX_AGE + 1]);
        }
    }

    @Override
    public void accept(PatientFacts p) {
        if (exposure.add(p) != WindowExposure.Outcome.DIED_IN_WINDOW) {
            return;
        }
        if (p.causeOfDeath() == null) {
            uncertified++;
            return;
        }
        long[][] byGroup = DeathCauses.group(p.causeOfDeath()).map(deaths::get).orElse(null);
        if (byGroup == null) {
            unlisted.merge(p.causeOfDeath(), 1L, Long::sum);
            return;
        }
        byGroup[p.sex().ordinal()][exposure.lastDeathAge()]++;
    }

    @Override
    public List<RealismCheck> checks() {
        List<RealismCheck> rows = new ArrayList<>();
        for (String group : groups) {
            for (Sex sex : Sex.values()) {
                for (int b = 0; b < BAND_STARTS.length; b++) {
                    int to = b + 1 < BAND_STARTS.length ? BAND_STARTS[b + 1] - 1 : MAX_AGE;
                    rows.add(row(group, sex.letter() + " " + bandLabel(b), new Sex[] {sex}, BAND_STARTS[b], to));
                }
            }
            rows.add(row(group, "all", Sex.values(), 0, MAX_AGE));
        }
        return rows;
    }

    /** The measure column of a group's rows, e.g. {@code deaths from stroke}. */
    static String measure(String group) {
        return "deaths from " + group;
    }

    static String bandLabel(int band) {
        return band + 1 < BAND_STARTS.length ? BAND_STARTS[band] + "-" + (BAND_STARTS[band + 1] - 1)
                : BAND_STARTS[band] + "+";
    }

    /** The share of all deaths at this sex and age that the simulator attributes to {@code group}. */
    private double share(String group, Sex sex, int age) {
        return group.equals(DeathCauses.BACKGROUND) ? 1 - shares.modelledShare(sex, age, modelled)
                : shares.modelledShare(sex, age, List.of(group));
    }

    private RealismCheck row(String group, String band, Sex[] sexes, int from, int to) {
        long[][] counted = deaths.get(group);
        double years = 0;
        double expectedDeaths = 0;
        long observedDeaths = 0;
        for (Sex sex : sexes) {
            for (int age = from; age <= to; age++) {
                double py = exposure.personYears(sex, age);
                years += py;
                expectedDeaths += py * share(group, sex, age) * lifeTable.mx(sex, age);
                observedDeaths += counted[sex.ordinal()][age];
            }
        }
        double expected = years > 0 ? expectedDeaths / years : Double.NaN;
        double observed = years > 0 ? observedDeaths / years : Double.NaN;
        double tolerance = years > 0
                ? Section.DEATHS_BY_CAUSE.tolerance().allowed(expected, Tolerance.poissonSe(expectedDeaths, years))
                : Double.POSITIVE_INFINITY;
        return new RealismCheck(Section.DEATHS_BY_CAUSE, measure(group), band, expected, observed, tolerance,
                observedDeaths, years);
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (uncertified > 0) {
            notes.add(uncertified + " deaths in the window have no Cause of Death observation (LOINC "
                    + DeathCauses.OBSERVATION_CODE + ") and are not in the deaths-by-cause figures");
        }
        if (!unlisted.isEmpty()) {
            notes.add("deaths with a cause no cause group lists (not in the deaths-by-cause figures): " + unlisted);
        }
        return notes;
    }
}
