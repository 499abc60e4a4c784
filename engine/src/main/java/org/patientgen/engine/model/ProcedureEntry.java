package org.patientgen.engine.model;

/** A procedure performed (SNOMED CT) during an encounter. */
public final class ProcedureEntry extends Entry {
    private final Code reason;

    public ProcedureEntry(String id, Code code, long start, long stop, String encounterId, Code reason) {
        super(id, code, start, encounterId);
        this.reason = reason;
        end(stop);
    }

    public Code reason() {
        return reason;
    }
}
