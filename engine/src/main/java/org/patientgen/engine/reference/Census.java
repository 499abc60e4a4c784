package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Education;
import org.patientgen.engine.model.MaritalStatus;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

/**
 * The census reference tables for all 50 states and DC (see {@code data/README.md} for sources),
 * loaded once per JVM and immutable thereafter.
 */
public final class Census {
    private static final String[] INCOME_COLUMNS = {"lt15k", "15k_25k", "25k_35k", "35k_50k", "50k_75k",
        "75k_100k", "100k_150k", "150k_200k", "ge200k"};
    private static final int[][] INCOME_BOUNDS = {{5_000, 15_000}, {15_000, 25_000}, {25_000, 35_000},
        {35_000, 50_000}, {50_000, 75_000}, {75_000, 100_000}, {100_000, 150_000}, {150_000, 200_000},
        {200_000, 400_000}};
    private static final MaritalStatus[] MARITAL = {MaritalStatus.NEVER_MARRIED, MaritalStatus.MARRIED,
        MaritalStatus.DIVORCED, MaritalStatus.WIDOWED, MaritalStatus.SEPARATED};
    private static final String[] MARITAL_COLUMNS = {"never_married", "married", "divorced", "widowed", "separated"};

    private static final Lazy<Census> INSTANCE = new Lazy<>(Census::load);

    private final Map<String, StateProfile> states;
    private final Map<String, List<MaritalBand>> maritalBySex;

    private record MaritalBand(int from, int to, WeightedChoice<MaritalStatus> status) {
    }

    private Census(Map<String, StateProfile> states, Map<String, List<MaritalBand>> maritalBySex) {
        this.states = Collections.unmodifiableMap(states);
        this.maritalBySex = maritalBySex;
    }

    /** The shared instance (loaded on first use, about 100 ms). */
    public static Census get() {
        return INSTANCE.get();
    }

    /** USPS codes of every state (50 + DC), sorted. */
    public List<String> stateCodes() {
        return List.copyOf(states.keySet());
    }

    /**
     * The profile of a state by USPS code or full name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the unknown state and how to list valid ones
     */
    public StateProfile state(String codeOrName) {
        String key = codeOrName.trim().toUpperCase(Locale.ROOT);
        StateProfile p = states.get(key);
        if (p != null) {
            return p;
        }
        for (StateProfile s : states.values()) {
            if (s.name().equalsIgnoreCase(codeOrName.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + codeOrName
                + "'; use a USPS code (e.g. MA) or a full name of one of the 50 states or DC");
    }

    /** Marital status distribution for a sex and age (ACS B12002, national); under 15 never married. */
    public MaritalStatus maritalStatus(Sex sex, int age, java.util.random.RandomGenerator random) {
        for (MaritalBand band : maritalBySex.get(sex == Sex.MALE ? "male" : "female")) {
            if (age >= band.from && age <= band.to) {
                return band.status.sample(random);
            }
        }
        return MaritalStatus.NEVER_MARRIED;
    }

    private static Census load() {
        DataTable statesTable = DataTable.load("states.csv");
        Map<String, Map<String, CSVRecord>> byState = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        for (String file : List.of("race_ethnicity.csv", "income.csv", "education.csv", "language.csv")) {
            DataTable t = DataTable.load(file);
            tables.put(file, t);
            for (CSVRecord r : t.rows()) {
                byState.computeIfAbsent(t.text(r, "state"), k -> new LinkedHashMap<>()).put(file, r);
            }
        }
        DataTable ages = DataTable.load("age_sex.csv");
        Map<String, List<CSVRecord>> ageRows = new TreeMap<>();
        for (CSVRecord r : ages.rows()) {
            ageRows.computeIfAbsent(ages.text(r, "state"), k -> new ArrayList<>()).add(r);
        }
        DataTable placesTable = DataTable.load("places.csv.gz");
        Map<String, List<StateProfile.Place>> places = new TreeMap<>();
        Map<String, List<Double>> placeWeights = new TreeMap<>();
        for (CSVRecord r : placesTable.rows()) {
            double w = placesTable.number(r, "weight");
            if (w <= 0) {
                continue;
            }
            String st = placesTable.text(r, "state");
            places.computeIfAbsent(st, k -> new ArrayList<>()).add(new StateProfile.Place(
                    placesTable.text(r, "zip"), placesTable.text(r, "city"), placesTable.text(r, "county"), st,
                    placesTable.number(r, "lat"), placesTable.number(r, "lon")));
            placeWeights.computeIfAbsent(st, k -> new ArrayList<>()).add(w);
        }

        Map<String, StateProfile> states = new TreeMap<>();
        for (CSVRecord s : statesTable.rows()) {
            String code = statesTable.text(s, "state");
            Map<String, CSVRecord> rows = byState.get(code);
            if (rows == null || rows.size() != tables.size() || !ageRows.containsKey(code) || !places.containsKey(code)) {
                throw new IllegalStateException("reference data incomplete for state " + code);
            }
            states.put(code, profile(code, statesTable.text(s, "name"), statesTable.text(s, "time_zone"),
                    rows, tables, ages, ageRows.get(code), places.get(code), placeWeights.get(code)));
        }

        DataTable marital = DataTable.load("marital_status.csv");
        Map<String, List<MaritalBand>> maritalBySex = new TreeMap<>();
        for (CSVRecord r : marital.rows()) {
            double[] w = new double[MARITAL.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = marital.number(r, MARITAL_COLUMNS[i]);
            }
            maritalBySex.computeIfAbsent(marital.text(r, "sex"), k -> new ArrayList<>()).add(new MaritalBand(
                    (int) marital.number(r, "age_from"), (int) marital.number(r, "age_to"),
                    new WeightedChoice<>(List.of(MARITAL), w)));
        }
        return new Census(states, maritalBySex);
    }

    private static StateProfile profile(String code, String name, String zone, Map<String, CSVRecord> rows,
                                        Map<String, DataTable> tables, DataTable ages, List<CSVRecord> ageRows,
                                        List<StateProfile.Place> places, List<Double> placeWeights) {
        List<StateProfile.AgeSexBand> bands = new ArrayList<>();
        List<Double> bandWeights = new ArrayList<>();
        for (CSVRecord r : ageRows) {
            int from = (int) ages.number(r, "age_from");
            int to = (int) ages.number(r, "age_to");
            bands.add(new StateProfile.AgeSexBand(from, to, Sex.MALE));
            bandWeights.add(ages.number(r, "male"));
            bands.add(new StateProfile.AgeSexBand(from, to, Sex.FEMALE));
            bandWeights.add(ages.number(r, "female"));
        }
        CSVRecord race = rows.get("race_ethnicity.csv");
        DataTable raceT = tables.get("race_ethnicity.csv");
        WeightedChoice<Race> races = new WeightedChoice<>(
                List.of(Race.WHITE, Race.BLACK, Race.ASIAN, Race.NATIVE, Race.PACIFIC_ISLANDER, Race.OTHER),
                numbers(raceT, race, "white", "black", "asian", "native", "pacific_islander", "other"));
        List<int[]> incomeBounds = List.of(INCOME_BOUNDS);
        WeightedChoice<int[]> income = new WeightedChoice<>(incomeBounds,
                numbers(tables.get("income.csv"), rows.get("income.csv"), INCOME_COLUMNS));
        WeightedChoice<Education> education = new WeightedChoice<>(List.of(Education.values()),
                numbers(tables.get("education.csv"), rows.get("education.csv"), "less_than_high_school",
                        "high_school", "some_college", "bachelors_or_higher"));
        double[] lang = numbers(tables.get("language.csv"), rows.get("language.csv"), "english_only", "spanish",
                "other_indo_european", "asian_pacific_island", "other");
        WeightedChoice<String> languages = new WeightedChoice<>(
                List.of("english", "spanish", "other_indo_european", "asian_pacific_island", "other"), lang);
        return new StateProfile(code, name, zone, new WeightedChoice<>(bands, unbox(bandWeights)), races,
                raceT.number(race, "hispanic"), income, education, languages, lang[1],
                new WeightedChoice<>(places, unbox(placeWeights)));
    }

    private static double[] numbers(DataTable table, CSVRecord row, String... columns) {
        double[] result = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            result[i] = table.number(row, columns[i]);
        }
        return result;
    }

    private static double[] unbox(List<Double> values) {
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }
}
