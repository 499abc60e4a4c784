package org.patientgen.engine.model;

/** Marital status with the HL7 v3 MaritalStatus code used by FHIR. */
public enum MaritalStatus {
    NEVER_MARRIED("S", "Never Married"),
    MARRIED("M", "Married"),
    DIVORCED("D", "Divorced"),
    WIDOWED("W", "Widowed"),
    SEPARATED("L", "Legally Separated");

    private final String code;
    private final String display;

    MaritalStatus(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }
}
