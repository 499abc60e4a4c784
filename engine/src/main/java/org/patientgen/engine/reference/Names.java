package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

/**
 * Given names by sex and birth decade (SSA national baby-name counts) and surnames weighted by
 * race and Hispanic origin (Census 2010 surname file), loaded once per JVM.
 */
public final class Names {
    private static final Lazy<Names> INSTANCE = new Lazy<>(Names::load);

    private final Map<Sex, TreeMap<Integer, WeightedChoice<String>>> firstNames;
    private final Map<Race, WeightedChoice<String>> surnamesByRace;
    private final WeightedChoice<String> hispanicSurnames;

    private Names(Map<Sex, TreeMap<Integer, WeightedChoice<String>>> firstNames,
                  Map<Race, WeightedChoice<String>> surnamesByRace, WeightedChoice<String> hispanicSurnames) {
        this.firstNames = firstNames;
        this.surnamesByRace = surnamesByRace;
        this.hispanicSurnames = hispanicSurnames;
    }

    public static Names get() {
        return INSTANCE.get();
    }

    /** A given name popular for {@code sex} in the decade of {@code birthYear} (nearest decade on file). */
    public String firstName(Sex sex, int birthYear, RandomGenerator random) {
        TreeMap<Integer, WeightedChoice<String>> byDecade = firstNames.get(sex);
        int decade = birthYear - Math.floorMod(birthYear, 10);
        Map.Entry<Integer, WeightedChoice<String>> e = byDecade.floorEntry(decade);
        if (e == null) {
            e = byDecade.firstEntry();
        }
        return e.getValue().sample(random);
    }

    /** A surname drawn in proportion to its frequency among people of this race or Hispanic origin. */
    public String lastName(Race race, boolean hispanic, RandomGenerator random) {
        return hispanic ? hispanicSurnames.sample(random) : surnamesByRace.get(race).sample(random);
    }

    private static Names load() {
        DataTable first = DataTable.load("first_names.csv");
        Map<Sex, Map<Integer, List<String>>> names = new EnumMap<>(Sex.class);
        Map<Sex, Map<Integer, List<Double>>> weights = new EnumMap<>(Sex.class);
        for (CSVRecord r : first.rows()) {
            Sex sex = Sex.fromLetter(first.text(r, "sex"));
            int decade = (int) first.number(r, "decade");
            names.computeIfAbsent(sex, k -> new TreeMap<>()).computeIfAbsent(decade, k -> new ArrayList<>())
                    .add(first.text(r, "name"));
            weights.computeIfAbsent(sex, k -> new TreeMap<>()).computeIfAbsent(decade, k -> new ArrayList<>())
                    .add(first.number(r, "weight"));
        }
        Map<Sex, TreeMap<Integer, WeightedChoice<String>>> firstNames = new EnumMap<>(Sex.class);
        for (Sex sex : Sex.values()) {
            TreeMap<Integer, WeightedChoice<String>> byDecade = new TreeMap<>();
            for (Map.Entry<Integer, List<String>> e : names.get(sex).entrySet()) {
                byDecade.put(e.getKey(), new WeightedChoice<>(e.getValue(), toArray(weights.get(sex).get(e.getKey()))));
            }
            firstNames.put(sex, byDecade);
        }

        DataTable last = DataTable.load("last_names.csv");
        List<String> surnames = new ArrayList<>();
        String[] columns = {"white", "black", "asian", "native", "hispanic"};
        double[][] w = new double[columns.length][last.rows().size()];
        int i = 0;
        for (CSVRecord r : last.rows()) {
            surnames.add(displayCase(last.text(r, "name")));
            double count = last.number(r, "weight");
            for (int c = 0; c < columns.length; c++) {
                // a small floor keeps every name possible for every group (suppressed cells are 0)
                w[c][i] = count * Math.max(last.number(r, columns[c]), 0.001);
            }
            i++;
        }
        Map<Race, WeightedChoice<String>> byRace = new EnumMap<>(Race.class);
        byRace.put(Race.WHITE, new WeightedChoice<>(surnames, w[0]));
        byRace.put(Race.BLACK, new WeightedChoice<>(surnames, w[1]));
        byRace.put(Race.ASIAN, new WeightedChoice<>(surnames, w[2]));
        byRace.put(Race.PACIFIC_ISLANDER, byRace.get(Race.ASIAN));
        byRace.put(Race.NATIVE, new WeightedChoice<>(surnames, w[3]));
        double[] all = new double[surnames.size()];
        int j = 0;
        for (CSVRecord r : last.rows()) {
            all[j++] = last.number(r, "weight");
        }
        byRace.put(Race.OTHER, new WeightedChoice<>(surnames, all));
        return new Names(firstNames, byRace, new WeightedChoice<>(surnames, w[4]));
    }

    /**
     * The Census file lists surnames in capitals ("MCDONALD"); people write them in mixed case
     * ("McDonald"). Apostrophes and spaces were removed by the Census and cannot be restored.
     */
    static String displayCase(String upper) {
        String lower = upper.toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(lower);
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        if (lower.startsWith("mc") && lower.length() > 3) {
            b.setCharAt(2, Character.toUpperCase(b.charAt(2)));
        }
        for (int i = 1; i < b.length(); i++) {
            if (b.charAt(i - 1) == '-') {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            }
        }
        return b.toString();
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
