package org.patientgen.engine.sim;

import java.util.Locale;
import org.patientgen.engine.model.Code;

/** Vital signs the lifecycle maintains, by the names Synthea-format modules use. */
public enum VitalSign {
    HEIGHT("Height", "8302-2", "Body Height", "cm"),
    WEIGHT("Weight", "29463-7", "Body Weight", "kg"),
    BMI("BMI", "39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"),
    SYSTOLIC_BLOOD_PRESSURE("Systolic Blood Pressure", "8480-6", "Systolic blood pressure", "mm[Hg]"),
    DIASTOLIC_BLOOD_PRESSURE("Diastolic Blood Pressure", "8462-4", "Diastolic blood pressure", "mm[Hg]"),
    HEART_RATE("Heart Rate", "8867-4", "Heart rate", "/min"),
    RESPIRATION_RATE("Respiration Rate", "9279-1", "Respiratory rate", "/min");

    private final String moduleName;
    private final Code loinc;
    private final String unit;

    VitalSign(String moduleName, String loinc, String display, String unit) {
        this.moduleName = moduleName;
        this.loinc = new Code(Code.LOINC, loinc, display);
        this.unit = unit;
    }

    public String moduleName() {
        return moduleName;
    }

    public Code loinc() {
        return loinc;
    }

    public String unit() {
        return unit;
    }

    /** Resolves a module's vital sign name ("Systolic Blood Pressure"), case-insensitively. */
    public static VitalSign fromModuleName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (VitalSign v : values()) {
            if (v.moduleName.toLowerCase(Locale.ROOT).equals(n)) {
                return v;
            }
        }
        return switch (n) {
            case "body height" -> HEIGHT;
            case "body weight" -> WEIGHT;
            case "body mass index" -> BMI;
            case "systolic bp" -> SYSTOLIC_BLOOD_PRESSURE;
            case "diastolic bp" -> DIASTOLIC_BLOOD_PRESSURE;
            case "respiratory rate" -> RESPIRATION_RATE;
            default -> throw new IllegalArgumentException("unknown vital sign '" + name + "'");
        };
    }
}
