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
    RESPIRATION_RATE("Respiration Rate", "9279-1", "Respiratory rate", "/min"),
    // The signs below are not maintained by the body model: only modules' VitalSign states set
    // them, and until one does they read as nil (Synthea-format modules use these names).
    HEIGHT_PERCENTILE("Height Percentile", "8303-0", "Body height percentile", "%"),
    WEIGHT_PERCENTILE("Weight Percentile", "8336-0", "Body weight percentile", "%"),
    HEAD_CIRCUMFERENCE("Head Circumference", "9843-4", "Head Occipital-frontal circumference", "cm"),
    HEAD_CIRCUMFERENCE_PERCENTILE("Head Circumference Percentile", "8289-1",
            "Head Occipital-frontal circumference Percentile", "%"),
    OXYGEN_SATURATION("Oxygen Saturation", "2708-6", "Oxygen saturation in Arterial blood", "%"),
    BLOOD_GLUCOSE("Blood Glucose", "2339-0", "Glucose [Mass/volume] in Blood", "mg/dL"),
    GLUCOSE("Glucose", "2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL"),
    UREA_NITROGEN("Urea Nitrogen", "6299-2", "Urea nitrogen [Mass/volume] in Blood", "mg/dL"),
    CREATININE("Creatinine", "38483-4", "Creatinine [Mass/volume] in Blood", "mg/dL"),
    CALCIUM("Calcium", "49765-1", "Calcium [Mass/volume] in Blood", "mg/dL"),
    SODIUM("Sodium", "2947-0", "Sodium [Moles/volume] in Blood", "mmol/L"),
    POTASSIUM("Potassium", "6298-4", "Potassium [Moles/volume] in Blood", "mmol/L"),
    CHLORIDE("Chloride", "2069-3", "Chloride [Moles/volume] in Blood", "mmol/L"),
    CARBON_DIOXIDE("Carbon Dioxide", "20565-8", "Carbon dioxide, total [Moles/volume] in Blood", "mmol/L"),
    TOTAL_CHOLESTEROL("Total Cholesterol", "2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL"),
    TRIGLYCERIDES("Triglycerides", "2571-8", "Triglycerides", "mg/dL"),
    LDL("LDL", "18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL"),
    HDL("HDL", "2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL"),
    MICROALBUMIN_CREATININE_RATIO("Microalbumin Creatinine Ratio", "14959-1",
            "Microalbumin/Creatinine [Mass Ratio] in Urine", "mg/g"),
    EGFR("EGFR", "33914-3", "Glomerular filtration rate/1.73 sq M.predicted", "mL/min/{1.73_m2}"),
    LEFT_VENTRICULAR_EJECTION_FRACTION("Left ventricular Ejection fraction", "10230-1",
            "Left ventricular Ejection fraction", "%");

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
            case "lvef" -> LEFT_VENTRICULAR_EJECTION_FRACTION;
            default -> throw new IllegalArgumentException("unknown vital sign '" + name + "'");
        };
    }
}
