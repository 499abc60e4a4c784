package org.patientgen.engine.model;

import java.util.List;

/** A care plan (SNOMED CT) with its planned activities. */
public final class CarePlanEntry extends Entry {
    private final List<Code> activities;
    private final Code reason;

    public CarePlanEntry(String id, Code code, long start, String encounterId, List<Code> activities, Code reason) {
        super(id, code, start, encounterId);
        this.activities = List.copyOf(activities);
        this.reason = reason;
    }

    public List<Code> activities() {
        return activities;
    }

    public Code reason() {
        return reason;
    }
}
