package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ObservationEntry;

/**
 * Writes Observation resources: single values (Quantity, CodeableConcept, string) and panels whose
 * parts become {@code component}s of the one resource, as FHIR models blood pressure.
 */
final class ObservationResourceWriter {
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private static final String SMOKING_STATUS_LOINC = "72166-2";

    private ObservationResourceWriter() {
    }

    static void observation(FhirResourceWriter r, ObservationEntry o) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("Observation", o.id(), profile(o));
        g.writeStringField("status", "final");
        w.codedConceptArray("category", CATEGORY, o.category(), categoryDisplay(o.category()));
        w.codeableConcept("code", o.code());
        r.patientReference("subject");
        r.encounterReference(o);
        w.dateTime("effectiveDateTime", o.start());
        // Results are available when taken in the simulation, so issued equals the effective time.
        w.dateTime("issued", o.start());
        value(w, o);
        if (!o.components().isEmpty()) {
            g.writeArrayFieldStart("component");
            for (ObservationEntry part : o.components()) {
                g.writeStartObject();
                w.codeableConcept("code", part.code());
                value(w, part);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The value[x] element; nothing for a panel, whose values live in its components. */
    private static void value(FhirElementWriter w, ObservationEntry o) throws IOException {
        Object value = o.value();
        if (value instanceof Double d) {
            w.quantity("valueQuantity", d, o.unit());
        } else if (value instanceof Code c) {
            w.codeableConcept("valueCodeableConcept", c);
        } else if (value instanceof String s) {
            w.json().writeStringField("valueString", s);
        } else if (value != null) {
            throw new IllegalStateException("unsupported observation value " + value.getClass());
        }
    }

    /** The US Core profile the observation is shaped for, by category (null: base Observation). */
    private static String profile(ObservationEntry o) {
        if (SMOKING_STATUS_LOINC.equals(o.code().code()) && Code.LOINC.equals(o.code().system())) {
            return US_CORE + "us-core-smokingstatus";
        }
        return switch (o.category()) {
            case "laboratory" -> US_CORE + "us-core-observation-lab";
            case "vital-signs" -> US_CORE + "us-core-vital-signs";
            case "survey" -> US_CORE + "us-core-observation-survey";
            case "social-history" -> US_CORE + "us-core-observation-social-history";
            default -> null;
        };
    }

    /** Displays from the observation-category CodeSystem; null for codes outside it. */
    private static String categoryDisplay(String category) {
        return switch (category) {
            case "social-history" -> "Social History";
            case "vital-signs" -> "Vital Signs";
            case "imaging" -> "Imaging";
            case "laboratory" -> "Laboratory";
            case "procedure" -> "Procedure";
            case "survey" -> "Survey";
            case "exam" -> "Exam";
            case "therapy" -> "Therapy";
            case "activity" -> "Activity";
            default -> null;
        };
    }
}
