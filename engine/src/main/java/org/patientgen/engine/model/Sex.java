package org.patientgen.engine.model;

/** Administrative sex as recorded at birth; drives growth charts, life tables and risks. */
public enum Sex {
    MALE("M", "male"),
    FEMALE("F", "female");

    private final String letter;
    private final String fhirCode;

    Sex(String letter, String fhirCode) {
        this.letter = letter;
        this.fhirCode = fhirCode;
    }

    /** "M" or "F", as in Synthea CSV and module Gender conditions. */
    public String letter() {
        return letter;
    }

    /** FHIR administrative-gender code. */
    public String fhirCode() {
        return fhirCode;
    }

    public static Sex fromLetter(String s) {
        return switch (s) {
            case "M", "m" -> MALE;
            case "F", "f" -> FEMALE;
            default -> throw new IllegalArgumentException("unknown sex '" + s + "' (expected M or F)");
        };
    }
}
