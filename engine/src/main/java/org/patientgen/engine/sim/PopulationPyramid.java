package org.patientgen.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.reference.StateProfile;
import org.patientgen.engine.reference.WeightedChoice;

/**
 * Which ages and sexes to simulate so that the patients <em>alive at the end date</em> match the
 * state's census pyramid. Patients are alive at the start of the history window and some die
 * within it, so each single year of age is drawn in proportion to its census count divided by the
 * life-table probability of surviving the window to that age: the old are over-sampled exactly as
 * much as the window thins them.
 *
 * <p>Census bands are split evenly into single years; the open 85+ band declines exponentially
 * (mean 6 years beyond 85, as in US life tables) up to 105.
 */
public final class PopulationPyramid {
    private static final int OLDEST = 105;
    private static final double OPEN_BAND_MEAN_EXCESS = 6.0;

    /** An age (completed years at the end date) and sex. */
    public record AgeSex(int age, Sex sex) {
    }

    private final WeightedChoice<AgeSex> choice;
    private final List<AgeSex> cells;
    private final double[] weights;
    private final double total;

    public PopulationPyramid(StateProfile state, int yearsOfHistory) {
        LifeTable life = LifeTable.get();
        cells = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (StateProfile.AgeSexBand band : state.ageSexBands().values()) {
            double count = state.ageSexBands().probability(band);
            boolean open = band.to() >= 100;
            int last = open ? OLDEST : band.to();
            double norm = 0;
            for (int a = band.from(); a <= last; a++) {
                norm += open ? Math.exp(-(a - band.from()) / OPEN_BAND_MEAN_EXCESS) : 1;
            }
            for (int a = band.from(); a <= last; a++) {
                double share = open ? Math.exp(-(a - band.from()) / OPEN_BAND_MEAN_EXCESS) / norm : 1.0 / norm;
                cells.add(new AgeSex(a, band.sex()));
                w.add(count * share / survival(life, band.sex(), a, yearsOfHistory));
            }
        }
        weights = new double[w.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = w.get(i);
            sum += weights[i];
        }
        total = sum;
        choice = new WeightedChoice<>(cells, weights);
    }

    /**
     * Probability that someone who is {@code age} at the end date (if alive) survived the window:
     * from max(0, age − years) to age, or from birth when {@code years} is 0 (whole lifetime).
     * Ages are at mid-year, so the first and last years count half.
     */
    static double survival(LifeTable life, Sex sex, int age, int years) {
        int from = years == 0 ? 0 : Math.max(0, age - years);
        double s = 1;
        for (int k = from; k < age; k++) {
            s *= 1 - life.qx(sex, k);
        }
        return Math.max(s, 1e-6);
    }

    public AgeSex sample(RandomGenerator random) {
        return choice.sample(random);
    }

    /** Expected share of the <em>simulated</em> population (alive and dead) with sex and age in [from, to]. */
    public double simulatedShare(Sex sex, int from, int to) {
        double sum = 0;
        for (int i = 0; i < cells.size(); i++) {
            AgeSex c = cells.get(i);
            if (c.sex() == sex && c.age() >= from && c.age() <= to) {
                sum += weights[i];
            }
        }
        return sum / total;
    }
}
