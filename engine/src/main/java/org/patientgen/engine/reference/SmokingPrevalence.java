package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/** Adult current and former cigarette smoking prevalence by sex and age band (NHIS). */
public final class SmokingPrevalence {
    private static final Lazy<SmokingPrevalence> INSTANCE = new Lazy<>(SmokingPrevalence::load);

    /** Prevalence in one age band. */
    public record Band(int from, int to, double current, double former) {
        public double ever() {
            return current + former;
        }
    }

    private final Map<Sex, List<Band>> bands;

    private SmokingPrevalence(Map<Sex, List<Band>> bands) {
        this.bands = bands;
    }

    public static SmokingPrevalence get() {
        return INSTANCE.get();
    }

    /** The band containing {@code age} (the youngest band for ages below it). */
    public Band band(Sex sex, int age) {
        List<Band> list = bands.get(sex);
        for (Band b : list) {
            if (age >= b.from() && age <= b.to()) {
                return b;
            }
        }
        return age < list.get(0).from() ? list.get(0) : list.get(list.size() - 1);
    }

    public List<Band> bands(Sex sex) {
        return bands.get(sex);
    }

    private static SmokingPrevalence load() {
        DataTable t = DataTable.load("smoking.csv");
        Map<Sex, List<Band>> bands = new EnumMap<>(Sex.class);
        for (CSVRecord r : t.rows()) {
            bands.computeIfAbsent(Sex.fromLetter(t.text(r, "sex")), k -> new ArrayList<>()).add(new Band(
                    (int) t.number(r, "age_from"), (int) t.number(r, "age_to"), t.number(r, "current_smoker"),
                    t.number(r, "former_smoker")));
        }
        for (List<Band> list : bands.values()) {
            list.sort((a, b) -> Integer.compare(a.from(), b.from()));
        }
        return new SmokingPrevalence(bands);
    }
}
