package org.patientgen.engine.model;

/** An allergy or intolerance (SNOMED CT substance or finding). */
public final class AllergyEntry extends Entry {
    private final String type;
    private final String category;

    public AllergyEntry(String id, Code code, long onset, String encounterId, String type, String category) {
        super(id, code, onset, encounterId);
        this.type = type == null ? "allergy" : type;
        this.category = category;
    }

    /** "allergy" or "intolerance". */
    public String type() {
        return type;
    }

    /** "food", "medication", "environment" or "biologic"; may be null. */
    public String category() {
        return category;
    }
}
