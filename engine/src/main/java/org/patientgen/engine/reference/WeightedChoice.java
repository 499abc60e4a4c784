package org.patientgen.engine.reference;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An immutable weighted distribution over values, sampled by binary search on cumulative
 * weights. Deterministic: the same draw picks the same value.
 */
public final class WeightedChoice<T> {
    private final List<T> values;
    private final double[] cumulative;

    public WeightedChoice(List<T> values, double[] weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException("need one positive weight per value, and at least one value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || Double.isNaN(weights[i])) {
                throw new IllegalArgumentException("negative weight for " + values.get(i));
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    public T sample(RandomGenerator random) {
        double draw = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > draw) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }

    /** The probability of {@code value} (sum of its weights over the total). */
    public double probability(T value) {
        double total = cumulative[cumulative.length - 1];
        double p = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals(value)) {
                p += cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            }
        }
        return p / total;
    }

    public List<T> values() {
        return values;
    }
}
