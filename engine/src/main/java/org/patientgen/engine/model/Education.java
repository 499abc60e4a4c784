package org.patientgen.engine.model;

/** Highest education attained, with the attribute values Synthea-format modules compare against. */
public enum Education {
    LESS_THAN_HIGH_SCHOOL("less_than_hs"),
    HIGH_SCHOOL("hs_degree"),
    SOME_COLLEGE("some_college"),
    BACHELORS_OR_HIGHER("bs_degree");

    private final String attributeValue;

    Education(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    public String attributeValue() {
        return attributeValue;
    }
}
