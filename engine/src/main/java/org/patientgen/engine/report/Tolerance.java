package org.patientgen.engine.report;

/**
 * The tolerance rule of the realism report: a row is within tolerance when
 * <pre>|observed − expected| ≤ max(absoluteFloor, relativeFloor × expected, k × SE)</pre>
 * where SE is the standard error of the observed figure if the generator reproduced the
 * reference exactly: binomial {@code sqrt(p(1−p)/n)} for shares and prevalences, Poisson
 * {@code sqrt(expected deaths)/person-years} for death rates. The k×SE term is sampling noise;
 * the floors say what difference is too small to matter (or below the precision of the
 * reference figure itself), so that very large populations are not failed for it.
 *
 * @param k             standard errors allowed
 * @param absoluteFloor smallest tolerance, in the measure's own units
 * @param relativeFloor smallest tolerance as a fraction of the expected figure
 */
public record Tolerance(double k, double absoluteFloor, double relativeFloor) {
    /** 3 standard errors: a correct generator falls outside in about 0.3% of rows by chance. */
    public static final double K = 3;

    /** Shares of the population by age band and sex: census counts are precise; 0.1 point floor. */
    public static final Tolerance AGE_SEX = new Tolerance(K, 0.001, 0);
    /**
     * Prevalences: survey estimates with confidence intervals of a few percent of their value, some
     * split by age or sex by the target file's authors; floor 0.2 point or 5% of the target.
     */
    public static final Tolerance PREVALENCE = new Tolerance(K, 0.002, 0.05);
    /**
     * Death rates: the life table is what the simulator draws from; the 5% floor covers the
     * q-to-m conversion and day-precision dates; 0.2 deaths per 1,000 person-years absolute.
     */
    public static final Tolerance MORTALITY = new Tolerance(K, 0.0002, 0.05);
    /**
     * Cause-specific death rates: as mortality, but with an absolute floor of 0.02 deaths per 1,000
     * person-years, since a single cause's rate can be smaller than the all-cause floor.
     */
    public static final Tolerance DEATHS_BY_CAUSE = new Tolerance(K, 0.00002, 0.05);

    public Tolerance {
        if (k <= 0 || absoluteFloor < 0 || relativeFloor < 0) {
            throw new IllegalArgumentException("tolerance needs k > 0 and non-negative floors");
        }
    }

    /** The largest accepted |observed − expected| for a figure with this expected value and SE. */
    public double allowed(double expected, double standardError) {
        return Math.max(Math.max(absoluteFloor, relativeFloor * Math.abs(expected)), k * standardError);
    }

    /** Binomial standard error of a proportion {@code p} estimated from {@code n} patients. */
    public static double binomialSe(double p, double n) {
        return n > 0 ? Math.sqrt(p * (1 - p) / n) : Double.POSITIVE_INFINITY;
    }

    /** Poisson standard error of a rate with {@code expectedEvents} over {@code exposure}. */
    public static double poissonSe(double expectedEvents, double exposure) {
        return exposure > 0 ? Math.sqrt(expectedEvents) / exposure : Double.POSITIVE_INFINITY;
    }

    /**
     * The rule in words, with the absolute floor in display units, e.g.
     * {@code |observed - expected| <= max(0.2 %, 5% of expected, 3 SE)}.
     *
     * @param scale factor from the measure's units to display units (100 for percent)
     * @param unit  display unit
     */
    public String describe(double scale, String unit) {
        StringBuilder rule = new StringBuilder("|observed - expected| <= max(")
                .append(plain(absoluteFloor * scale)).append(' ').append(unit);
        if (relativeFloor > 0) {
            rule.append(", ").append(plain(relativeFloor * 100)).append("% of expected");
        }
        return rule.append(", ").append(plain(k)).append(" SE)").toString();
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }
}
