package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/**
 * Adult height, BMI and blood pressure distributions by sex and age band (NHANES), interpolated
 * between band mid-points so trajectories have no steps at band edges.
 */
public final class AdultNorms {
    /** Which measure. */
    public enum Measure { HEIGHT, BMI, SYSTOLIC, DIASTOLIC }

    /** Mean and standard deviation of a measure at an age. */
    public record Normal(double mean, double sd) {
    }

    private static final Lazy<AdultNorms> INSTANCE = new Lazy<>(AdultNorms::load);

    private record Band(double midAge, double[] means, double[] sds) {
    }

    private final Map<Sex, List<Band>> bands;

    private AdultNorms(Map<Sex, List<Band>> bands) {
        this.bands = bands;
    }

    public static AdultNorms get() {
        return INSTANCE.get();
    }

    public Normal at(Sex sex, double age, Measure measure) {
        List<Band> list = bands.get(sex);
        int i = measure.ordinal();
        if (age <= list.get(0).midAge()) {
            return new Normal(list.get(0).means()[i], list.get(0).sds()[i]);
        }
        for (int k = 1; k < list.size(); k++) {
            Band a = list.get(k - 1);
            Band b = list.get(k);
            if (age <= b.midAge()) {
                double f = (age - a.midAge()) / (b.midAge() - a.midAge());
                return new Normal(a.means()[i] + f * (b.means()[i] - a.means()[i]),
                        a.sds()[i] + f * (b.sds()[i] - a.sds()[i]));
            }
        }
        Band last = list.get(list.size() - 1);
        return new Normal(last.means()[i], last.sds()[i]);
    }

    private static AdultNorms load() {
        DataTable t = DataTable.load("adult_anthropometrics.csv");
        Map<Sex, List<Band>> bands = new EnumMap<>(Sex.class);
        for (CSVRecord r : t.rows()) {
            Sex sex = Sex.fromLetter(t.text(r, "sex"));
            double from = t.number(r, "age_from");
            double to = Math.min(t.number(r, "age_to"), from + 10);
            double[] means = {t.number(r, "height_mean_cm"), t.number(r, "bmi_mean"), t.number(r, "sbp_mean"),
                t.number(r, "dbp_mean")};
            double[] sds = {t.number(r, "height_sd_cm"), t.number(r, "bmi_sd"), t.number(r, "sbp_sd"),
                t.number(r, "dbp_sd")};
            bands.computeIfAbsent(sex, k -> new ArrayList<>()).add(new Band((from + to + 1) / 2, means, sds));
        }
        for (List<Band> list : bands.values()) {
            list.sort((a, b) -> Double.compare(a.midAge(), b.midAge()));
        }
        return new AdultNorms(bands);
    }
}
