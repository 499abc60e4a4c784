package org.patientgen.engine.model;

/** A diagnosed condition (SNOMED CT), active until {@link #end(long) abated}. */
public final class ConditionEntry extends Entry {
    public ConditionEntry(String id, Code code, long onset, String encounterId) {
        super(id, code, onset, encounterId);
    }
}
