package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/**
 * CDC 2000 growth charts as LMS parameters: a child's measurement at a z-score is
 * {@code M (1 + L S z)^(1/L)} (or {@code M e^(S z)} when L = 0), interpolated linearly in age.
 */
public final class GrowthCharts {
    /** The charts on file. Infant charts cover 0–36 months, the others 24–240 months. */
    public enum Chart { WEIGHT_FOR_AGE, STATURE_FOR_AGE, BMI_FOR_AGE, WEIGHT_FOR_AGE_INFANT, LENGTH_FOR_AGE_INFANT }

    private static final Lazy<GrowthCharts> INSTANCE = new Lazy<>(GrowthCharts::load);

    private record Lms(double[] ages, double[] l, double[] m, double[] s) {
    }

    private final Map<Chart, Map<Sex, Lms>> charts;

    private GrowthCharts(Map<Chart, Map<Sex, Lms>> charts) {
        this.charts = charts;
    }

    public static GrowthCharts get() {
        return INSTANCE.get();
    }

    /** The measurement at {@code z} for a child of {@code ageMonths} (clamped to the chart's range). */
    public double value(Chart chart, Sex sex, double ageMonths, double z) {
        Lms lms = charts.get(chart).get(sex);
        double[] ages = lms.ages();
        int hi = 0;
        while (hi < ages.length - 1 && ages[hi] < ageMonths) {
            hi++;
        }
        int lo = Math.max(0, hi - 1);
        double f = ages[hi] == ages[lo] ? 0 : Math.max(0, Math.min(1, (ageMonths - ages[lo]) / (ages[hi] - ages[lo])));
        double l = lms.l()[lo] + f * (lms.l()[hi] - lms.l()[lo]);
        double m = lms.m()[lo] + f * (lms.m()[hi] - lms.m()[lo]);
        double s = lms.s()[lo] + f * (lms.s()[hi] - lms.s()[lo]);
        if (Math.abs(l) < 1e-9) {
            return m * Math.exp(s * z);
        }
        double base = 1 + l * s * z;
        return base <= 0 ? m * 0.5 : m * Math.pow(base, 1 / l);
    }

    private static GrowthCharts load() {
        DataTable t = DataTable.load("growth_lms.csv.gz");
        Map<String, List<double[]>> rows = new HashMap<>();
        for (CSVRecord r : t.rows()) {
            rows.computeIfAbsent(t.text(r, "chart") + "|" + t.text(r, "sex"), k -> new ArrayList<>())
                    .add(new double[] {t.number(r, "age_months"), t.number(r, "L"), t.number(r, "M"), t.number(r, "S")});
        }
        Map<Chart, Map<Sex, Lms>> charts = new EnumMap<>(Chart.class);
        for (Chart chart : Chart.values()) {
            Map<Sex, Lms> bySex = new EnumMap<>(Sex.class);
            for (Sex sex : Sex.values()) {
                List<double[]> list = rows.get(chart.name().toLowerCase() + "|" + sex.letter());
                if (list == null || list.isEmpty()) {
                    throw new IllegalStateException("growth chart " + chart + " " + sex + " missing from growth_lms.csv.gz");
                }
                list.sort((a, b) -> Double.compare(a[0], b[0]));
                int n = list.size();
                double[] ages = new double[n];
                double[] l = new double[n];
                double[] m = new double[n];
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    ages[i] = list.get(i)[0];
                    l[i] = list.get(i)[1];
                    m[i] = list.get(i)[2];
                    s[i] = list.get(i)[3];
                }
                bySex.put(sex, new Lms(ages, l, m, s));
            }
            charts.put(chart, bySex);
        }
        return new GrowthCharts(charts);
    }
}
