package org.patientgen.engine.model;

/** A vaccine administered (CVX). */
public final class ImmunizationEntry extends Entry {
    public ImmunizationEntry(String id, Code code, long time, String encounterId) {
        super(id, code, time, encounterId);
        end(time);
    }
}
