package org.patientgen.engine.model;

/** A device used by or implanted in the patient (SNOMED CT). */
public final class DeviceEntry extends Entry {
    public DeviceEntry(String id, Code code, long start, String encounterId) {
        super(id, code, start, encounterId);
    }
}
