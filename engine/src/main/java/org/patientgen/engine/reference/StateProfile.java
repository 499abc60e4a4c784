package org.patientgen.engine.reference;

import org.patientgen.engine.model.Education;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

/**
 * Census distributions of one US state, ready to sample.
 *
 * @param ageSexBands  5-year age bands with sex, weighted by population (ACS B01001)
 * @param races        race alone shares (ACS B02001)
 * @param hispanic     share Hispanic or Latino, any race (ACS B03002)
 * @param incomeBands  household income bands [low, high) in USD (ACS B19001)
 * @param education    attainment of adults 25+ (ACS B15003)
 * @param languages    language spoken at home, ACS four groups (B16007)
 * @param places       ZIP codes weighted by population
 */
public record StateProfile(
        String code,
        String name,
        String timeZone,
        WeightedChoice<AgeSexBand> ageSexBands,
        WeightedChoice<Race> races,
        double hispanic,
        WeightedChoice<int[]> incomeBands,
        WeightedChoice<Education> education,
        WeightedChoice<String> languages,
        double spanishShare,
        WeightedChoice<Place> places) {

    /** A census age band (inclusive years) for one sex. */
    public record AgeSexBand(int from, int to, Sex sex) {
    }

    /** A ZIP code area. */
    public record Place(String zip, String city, String county, String state, double lat, double lon) {
    }
}
