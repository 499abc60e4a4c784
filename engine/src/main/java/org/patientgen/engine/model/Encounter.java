package org.patientgen.engine.model;

/** A contact with care: a wellness visit, an emergency visit, an inpatient stay, … */
public final class Encounter extends Entry {
    private final EncounterClass encounterClass;
    private Code reason;
    private Code dischargeDisposition;

    public Encounter(String id, EncounterClass encounterClass, Code type, long start, Code reason) {
        super(id, type, start, null);
        this.encounterClass = encounterClass;
        this.reason = reason;
    }

    public EncounterClass encounterClass() {
        return encounterClass;
    }

    /** Why the encounter happened (a condition code), or null. */
    public Code reason() {
        return reason;
    }

    public void setReason(Code reason) {
        this.reason = reason;
    }

    public Code dischargeDisposition() {
        return dischargeDisposition;
    }

    public void setDischargeDisposition(Code dischargeDisposition) {
        this.dischargeDisposition = dischargeDisposition;
    }

    @Override
    public String encounterId() {
        return id();
    }
}
