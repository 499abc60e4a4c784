package org.patientgen.engine.reference;

import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/** Probability of dying within a year by single year of age and sex (NCHS US life table). */
public final class LifeTable {
    private static final Lazy<LifeTable> INSTANCE = new Lazy<>(LifeTable::load);

    private final double[] male;
    private final double[] female;

    private LifeTable(double[] male, double[] female) {
        this.male = male;
        this.female = female;
    }

    public static LifeTable get() {
        return INSTANCE.get();
    }

    /** q(x): probability that a person of exact age {@code age} dies before {@code age + 1}. */
    public double qx(Sex sex, int age) {
        double[] table = sex == Sex.MALE ? male : female;
        return table[Math.max(0, Math.min(age, table.length - 1))];
    }

    /**
     * Central death rate m(x) = q / (1 − q/2): deaths per person-year lived in the year of age,
     * the figure to compare with observed deaths over person-years.
     */
    public double mx(Sex sex, int age) {
        double q = Math.min(qx(sex, age), 0.999);
        return q / (1 - q / 2);
    }

    private static LifeTable load() {
        DataTable t = DataTable.load("life_table.csv");
        double[] m = new double[t.rows().size()];
        double[] f = new double[t.rows().size()];
        for (CSVRecord r : t.rows()) {
            int age = (int) t.number(r, "age");
            m[age] = t.number(r, "qx_male");
            f[age] = t.number(r, "qx_female");
        }
        // the open interval 100+ is published as q = 1; use the constant hazard implied by e100 (~0.4)
        m[m.length - 1] = Math.min(m[m.length - 1], 0.40);
        f[f.length - 1] = Math.min(f[f.length - 1], 0.36);
        return new LifeTable(m, f);
    }
}
