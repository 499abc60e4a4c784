package org.patientgen.engine.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.StateProfile;
import org.patientgen.engine.reference.StateProfile.AgeSexBand;
import org.patientgen.engine.sim.PopulationPyramid;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Shares of patients by census 5-year age band and sex, for those alive at the end date against
 * the state's census table (ACS B01001), and for everyone simulated against the pyramid the
 * generator samples from.
 *
 * <p>Age is the completed years at the end date for everyone, the dead included (the age they
 * would have had). The generator over-samples each age by the inverse of its probability of
 * surviving the history window ({@link PopulationPyramid}), so the <em>living</em> population is
 * what must match the census; the simulated population must match that survival-weighted pyramid.
 */
final class AgeSexSection implements RealismSection {
    static final String SIMULATED = "share of simulated population";
    static final String LIVING = "share of living population";

    private final LocalDate endDate;
    private final List<AgeSexBand> bands;
    private final double[] expected;
    private final double[] expectedSimulated;
    private final long[] simulated;
    private final long[] living;
    private long simulatedTotal;
    private long livingTotal;
    private long skipped;

    AgeSexSection(StateProfile state, LocalDate endDate, int yearsOfHistory) {
        this.endDate = endDate;
        this.bands = state.ageSexBands().values();
        this.expected = new double[bands.size()];
        this.expectedSimulated = new double[bands.size()];
        PopulationPyramid pyramid = new PopulationPyramid(state, yearsOfHistory);
        for (int i = 0; i < expected.length; i++) {
            AgeSexBand b = bands.get(i);
            expected[i] = state.ageSexBands().probability(b);
            expectedSimulated[i] = pyramid.simulatedShare(b.sex(), b.from(), b.to() >= 100 ? Integer.MAX_VALUE : b.to());
        }
        this.simulated = new long[bands.size()];
        this.living = new long[bands.size()];
    }

    @Override
    public void accept(PatientFacts p) {
        int band = p.sex() == null ? -1 : bandOf(p.sex(), p.ageOn(endDate));
        if (band < 0) {
            skipped++;
            return;
        }
        simulated[band]++;
        simulatedTotal++;
        if (p.aliveAtEndOf(endDate)) {
            living[band]++;
            livingTotal++;
        }
    }

    /** Index of the census band of this sex holding {@code age}; the oldest band is open-ended. */
    private int bandOf(Sex sex, int age) {
        if (age < 0) {
            return -1;
        }
        int oldest = -1;
        for (int i = 0; i < bands.size(); i++) {
            AgeSexBand b = bands.get(i);
            if (b.sex() != sex) {
                continue;
            }
            if (age >= b.from() && age <= b.to()) {
                return i;
            }
            if (oldest < 0 || b.from() > bands.get(oldest).from()) {
                oldest = i;
            }
        }
        return oldest >= 0 && age > bands.get(oldest).to() ? oldest : -1;
    }

    @Override
    public List<RealismCheck> checks() {
        List<RealismCheck> rows = new ArrayList<>();
        addRows(rows, LIVING, expected, living, livingTotal);
        addRows(rows, SIMULATED, expectedSimulated, simulated, simulatedTotal);
        return rows;
    }

    private void addRows(List<RealismCheck> rows, String measure, double[] expected, long[] counts, long total) {
        double expectedMale = 0;
        long male = 0;
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).sex() == Sex.MALE) {
                expectedMale += expected[i];
                male += counts[i];
            }
        }
        rows.add(row(measure, "M all ages", expectedMale, male, total));
        for (int i = 0; i < bands.size(); i++) {
            AgeSexBand b = bands.get(i);
            rows.add(row(measure, b.sex().letter() + " " + ageLabel(b), expected[i], counts[i], total));
        }
    }

    private static RealismCheck row(String measure, String band, double expected, long count, long total) {
        double observed = total > 0 ? (double) count / total : Double.NaN;
        return new RealismCheck(Section.AGE_SEX, measure, band, expected, observed,
                Section.AGE_SEX.tolerance().allowed(expected, Tolerance.binomialSe(expected, total)), count, total);
    }

    private static String ageLabel(AgeSexBand b) {
        return b.to() >= 100 ? b.from() + "+" : b.from() + "-" + b.to();
    }

    @Override
    public List<String> notes() {
        return skipped == 0 ? List.of() : List.of(skipped + " patients without sex M/F or born after the end date "
                + "are not in the age/sex shares");
    }
}
