package org.patientgen.engine.model;

import java.util.Objects;

/**
 * A coded concept from a terminology (SNOMED CT, LOINC, RxNorm, CVX, …).
 *
 * @param system  the FHIR system URI of the terminology (see the constants)
 * @param code    the code within that system
 * @param display the human-readable display text
 */
public record Code(String system, String code, String display) {
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CVX = "http://hl7.org/fhir/sid/cvx";
    public static final String UCUM = "http://unitsofmeasure.org";

    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        display = display == null ? "" : display;
    }

    /**
     * Maps the terminology names used by Synthea-format modules ("SNOMED-CT", "LOINC", "RxNorm", …)
     * to FHIR system URIs; anything that already looks like a URI is returned unchanged.
     */
    public static String systemUri(String moduleSystemName) {
        return switch (moduleSystemName) {
            case "SNOMED-CT", "SNOMED", "SNOMED CT" -> SNOMED;
            case "LOINC" -> LOINC;
            case "RxNorm", "RXNORM" -> RXNORM;
            case "CVX" -> CVX;
            case "NUBC" -> "https://www.nubc.org/CodeSystem/PatDischargeStatus";
            case "DICOM-DCM" -> "http://dicom.nema.org/resources/ontology/DCM";
            case "DICOM-SOP" -> "urn:ietf:rfc:3986";
            default -> moduleSystemName;
        };
    }

    /** True when this code has the same system and code as {@code other} (display ignored). */
    public boolean sameConcept(Code other) {
        return other != null && system.equals(other.system) && code.equals(other.code);
    }
}
