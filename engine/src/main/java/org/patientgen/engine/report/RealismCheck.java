package org.patientgen.engine.report;

/**
 * One row of the realism report: an observed figure of the population against the reference
 * figure it was drawn from, with the tolerance allowed for it.
 *
 * @param section     which part of the report
 * @param measure     what is measured, e.g. {@code share of simulated population} or
 *                    {@code hypertension (59621000)}
 * @param band        sex and age band, e.g. {@code M 40-44}, {@code F 60+}, {@code all}
 * @param expected    the reference figure
 * @param observed    the population's figure ({@code NaN} when the band is empty)
 * @param tolerance   the largest |observed − expected| accepted (see {@link Tolerance})
 * @param count       numerator: patients in the band, cases, or deaths
 * @param denominator patients, or person-years for mortality
 */
public record RealismCheck(Section section, String measure, String band, double expected, double observed,
                           double tolerance, long count, double denominator) {

    /** The report's sections, each with how its figures are shown. */
    public enum Section {
        AGE_SEX("Age/sex distribution", "%", 100, 2, Tolerance.AGE_SEX),
        PREVALENCE("Prevalence at end date", "%", 100, 2, Tolerance.PREVALENCE),
        MORTALITY("Mortality in history window", "/1000 PY", 1000, 2, Tolerance.MORTALITY),
        DEATHS_BY_CAUSE("Deaths by cause in history window", "/1000 PY", 1000, 2, Tolerance.DEATHS_BY_CAUSE);

        private final String title;
        private final String unit;
        private final double scale;
        private final int decimals;
        private final Tolerance tolerance;

        Section(String title, String unit, double scale, int decimals, Tolerance tolerance) {
            this.title = title;
            this.unit = unit;
            this.scale = scale;
            this.decimals = decimals;
            this.tolerance = tolerance;
        }

        public String title() {
            return title;
        }

        /** Unit of displayed figures; a figure is shown multiplied by {@link #scale()}. */
        public String unit() {
            return unit;
        }

        public double scale() {
            return scale;
        }

        public int decimals() {
            return decimals;
        }

        /** The tolerance rule of this section's rows. */
        public Tolerance tolerance() {
            return tolerance;
        }

        /** The tolerance rule in words, in this section's display unit. */
        public String toleranceRule() {
            return tolerance.describe(scale, unit);
        }
    }

    /** {@code observed − expected}; {@code NaN} when not evaluated. */
    public double deviation() {
        return observed - expected;
    }

    /** Whether there was anything to observe (an empty band cannot be checked). */
    public boolean evaluated() {
        return denominator > 0 && !Double.isNaN(observed);
    }

    /** Evaluated and within tolerance. */
    public boolean withinTolerance() {
        return evaluated() && Math.abs(deviation()) <= tolerance;
    }

    /** Deviation in units of the tolerance: above 1 is outside. */
    public double deviationRatio() {
        return tolerance > 0 ? Math.abs(deviation()) / tolerance : Double.NaN;
    }
}
