package org.patientgen.engine.model;

/** Race categories (OMB 1997), with their US Core race extension codes. */
public enum Race {
    WHITE("white", "2106-3", "White"),
    BLACK("black", "2054-5", "Black or African American"),
    ASIAN("asian", "2028-9", "Asian"),
    NATIVE("native", "1002-5", "American Indian or Alaska Native"),
    PACIFIC_ISLANDER("hawaiian", "2076-8", "Native Hawaiian or Other Pacific Islander"),
    OTHER("other", "2131-1", "Other Race");

    private final String csvName;
    private final String ombCode;
    private final String display;

    Race(String csvName, String ombCode, String display) {
        this.csvName = csvName;
        this.ombCode = ombCode;
        this.display = display;
    }

    /** Lower-case name used in Synthea-compatible CSV. */
    public String csvName() {
        return csvName;
    }

    /** CDC Race &amp; Ethnicity code (urn:oid:2.16.840.1.113883.6.238). */
    public String ombCode() {
        return ombCode;
    }

    public String display() {
        return display;
    }
}
