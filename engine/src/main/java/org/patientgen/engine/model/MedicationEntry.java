package org.patientgen.engine.model;

/** A medication order (RxNorm), active until ended. */
public final class MedicationEntry extends Entry {
    private final Code reason;
    private final boolean chronic;

    public MedicationEntry(String id, Code code, long start, String encounterId, Code reason, boolean chronic) {
        super(id, code, start, encounterId);
        this.reason = reason;
        this.chronic = chronic;
    }

    /** The condition treated, or null. */
    public Code reason() {
        return reason;
    }

    public boolean chronic() {
        return chronic;
    }
}
