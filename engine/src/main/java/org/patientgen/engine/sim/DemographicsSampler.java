package org.patientgen.engine.sim;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.patientgen.engine.model.Address;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.model.Education;
import org.patientgen.engine.model.MaritalStatus;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.reference.Names;
import org.patientgen.engine.reference.StateProfile;

/**
 * Draws who a patient is from a state's census tables: age and sex from the population pyramid
 * (as ages at the end date, over-sampling the old as much as deaths in the history window will
 * thin them; see {@link PopulationPyramid}), race, Hispanic origin, income, education, language, marital status,
 * a real ZIP weighted by population, and names popular for the birth decade. Identifiers are
 * clearly synthetic (SSN area 999, phone exchange 555-01xx).
 */
public final class DemographicsSampler {
    private static final List<String> STREETS = List.of("Maple", "Oak", "Cedar", "Pine", "Elm", "Willow", "Birch",
            "Spruce", "Chestnut", "Walnut", "Hickory", "Aspen", "Juniper", "Magnolia", "Sycamore", "Laurel",
            "Hawthorn", "Meadow", "River", "Lake", "Hill", "Park", "Forest", "Spring", "Valley", "Sunset",
            "Highland", "Orchard", "Prairie", "Harbor", "Mill", "Church", "Washington", "Lincoln", "Jefferson",
            "Madison", "Franklin", "Jackson", "Adams", "Monroe");
    private static final List<String> SUFFIXES = List.of("Street", "Avenue", "Road", "Lane", "Drive", "Court",
            "Way", "Place", "Boulevard", "Terrace");
    private static final List<String> INDO_EUROPEAN = List.of("french", "german", "russian", "italian",
            "portuguese", "polish", "hindi", "arabic", "haitian creole", "persian");
    private static final List<String> ASIAN_PACIFIC = List.of("chinese", "vietnamese", "tagalog", "korean",
            "japanese", "hmong", "khmer", "thai");
    private static final List<String> OTHER_LANGUAGES = List.of("arabic", "amharic", "somali", "navajo", "yoruba",
            "swahili");

    private final StateProfile state;
    private final PopulationPyramid pyramid;
    private final Census census;
    private final Names names;
    private final LocalDate endDate;

    public DemographicsSampler(StateProfile state, LocalDate endDate, int yearsOfHistory) {
        this.state = state;
        this.pyramid = new PopulationPyramid(state, yearsOfHistory);
        this.census = Census.get();
        this.names = Names.get();
        this.endDate = endDate;
    }

    public StateProfile state() {
        return state;
    }

    public Demographics sample(SplittableRandom random, IdSource ids) {
        PopulationPyramid.AgeSex ageSex = pyramid.sample(random);
        Sex sex = ageSex.sex();
        int age = ageSex.age();
        LocalDate birthDate = endDate.minusYears(age).minusDays(1 + random.nextInt(365));
        Race race = state.races().sample(random);
        boolean hispanic = random.nextDouble() < state.hispanic();
        int[] incomeBand = state.incomeBands().sample(random);
        int income = incomeBand[0] + random.nextInt(incomeBand[1] - incomeBand[0]);
        Education education = state.education().sample(random);
        String language = language(random, race, hispanic);
        MaritalStatus marital = census.maritalStatus(sex, age, random);

        String first = names.firstName(sex, birthDate.getYear(), random);
        String last = names.lastName(race, hispanic, random);
        String maiden = null;
        if (sex == Sex.FEMALE && marital != MaritalStatus.NEVER_MARRIED && random.nextDouble() < 0.7) {
            maiden = last;
            last = names.lastName(race, hispanic, random);
        }
        String prefix = age < 18 ? null : sex == Sex.MALE ? "Mr." : marital == MaritalStatus.NEVER_MARRIED ? "Ms." : "Mrs.";

        StateProfile.Place place = state.places().sample(random);
        // jitter within ~1 km so patients of one ZIP do not share a point
        double lat = place.lat() + (random.nextDouble() - 0.5) * 0.02;
        double lon = place.lon() + (random.nextDouble() - 0.5) * 0.02;
        String line = (1 + random.nextInt(999)) + " " + STREETS.get(random.nextInt(STREETS.size())) + " "
                + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
        Address address = new Address(line, place.city(), place.county(), place.state(), place.zip(),
                Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6);
        StateProfile.Place birthPlace = random.nextDouble() < 0.75 ? state.places().sample(random) : place;

        String ssn = String.format("999-%02d-%04d", 1 + random.nextInt(99), 1 + random.nextInt(9999));
        String phone = String.format("%03d-555-01%02d", 201 + random.nextInt(788), random.nextInt(100));
        String license = age >= 16 ? String.format("S999%05d", random.nextInt(100_000)) : null;
        String passport = age >= 18 && random.nextDouble() < 0.45 ? String.format("X%08dX", random.nextInt(100_000_000)) : null;

        return new Demographics(ids.patientId(), prefix, first, last, maiden, sex, birthDate, race, hispanic, ssn,
                license, passport, phone, address, birthPlace.city() + ", " + birthPlace.state(), marital,
                language, income, education);
    }

    /**
     * Language spoken at home: the state's ACS shares, with Spanish concentrated among Hispanic
     * residents and Asian/Pacific Island languages among Asian residents, so group totals match.
     */
    private String language(SplittableRandom random, Race race, boolean hispanic) {
        double spanishGivenHispanic = state.hispanic() > 0 ? Math.min(0.9, state.spanishShare() / state.hispanic()) : 0;
        if (hispanic) {
            return random.nextDouble() < spanishGivenHispanic ? "spanish" : "english";
        }
        String group = state.languages().sample(random);
        if (group.equals("spanish")) {
            group = "english";
        }
        if (race == Race.ASIAN && random.nextDouble() < 0.5) {
            group = "asian_pacific_island";
        }
        return switch (group) {
            case "other_indo_european" -> INDO_EUROPEAN.get(random.nextInt(INDO_EUROPEAN.size()));
            case "asian_pacific_island" -> race == Race.ASIAN || random.nextDouble() < 0.3
                    ? ASIAN_PACIFIC.get(random.nextInt(ASIAN_PACIFIC.size())) : "english";
            case "other" -> OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size()));
            default -> "english";
        };
    }
}
