package org.patientgen.engine.model;

import java.util.Locale;

/** Encounter classes (HL7 v3 ActCode) and the lower-case names used in modules and CSV. */
public enum EncounterClass {
    WELLNESS("AMB", "ambulatory", "wellness"),
    AMBULATORY("AMB", "ambulatory", "ambulatory"),
    OUTPATIENT("AMB", "ambulatory", "outpatient"),
    URGENT_CARE("AMB", "ambulatory", "urgentcare"),
    EMERGENCY("EMER", "emergency", "emergency"),
    INPATIENT("IMP", "inpatient encounter", "inpatient"),
    HOME("HH", "home health", "home"),
    VIRTUAL("VR", "virtual", "virtual");

    private final String actCode;
    private final String actDisplay;
    private final String moduleName;

    EncounterClass(String actCode, String actDisplay, String moduleName) {
        this.actCode = actCode;
        this.actDisplay = actDisplay;
        this.moduleName = moduleName;
    }

    public String actCode() {
        return actCode;
    }

    public String actDisplay() {
        return actDisplay;
    }

    /** The name used in module {@code encounter_class} and in Synthea CSV ENCOUNTERCLASS. */
    public String moduleName() {
        return moduleName;
    }

    /** Parses a module's {@code encounter_class}; unknown names are an error naming the value. */
    public static EncounterClass fromModuleName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (EncounterClass c : values()) {
            if (c.moduleName.equals(n)) {
                return c;
            }
        }
        if (n.equals("snf") || n.equals("hospice")) {
            return INPATIENT;
        }
        if (n.equals("telemedicine")) {
            return VIRTUAL;
        }
        throw new IllegalArgumentException("unknown encounter_class '" + name + "'");
    }
}
