package org.patientgen.engine.model;

import java.util.List;

/**
 * A measurement or finding (LOINC). The value is a {@link Double} with a UCUM {@link #unit()}, a
 * {@link Code} or a {@link String}; panels (blood pressure, MultiObservation) carry their parts as
 * {@link #components()} and have no value of their own.
 */
public final class ObservationEntry extends Entry {
    private final String category;
    private final Object value;
    private final String unit;
    private final List<ObservationEntry> components;

    public ObservationEntry(String id, Code code, String category, long time, String encounterId,
                            Object value, String unit, List<ObservationEntry> components) {
        super(id, code, time, encounterId);
        if (value != null && !(value instanceof Double || value instanceof Code || value instanceof String)) {
            throw new IllegalArgumentException("observation value must be Double, Code or String: " + value);
        }
        this.category = category == null ? "laboratory" : category;
        this.value = value;
        this.unit = unit;
        this.components = components == null ? List.of() : List.copyOf(components);
        end(time);
    }

    /** FHIR observation-category code: vital-signs, laboratory, survey, social-history, … */
    public String category() {
        return category;
    }

    public Object value() {
        return value;
    }

    public String unit() {
        return unit;
    }

    public List<ObservationEntry> components() {
        return components;
    }
}
