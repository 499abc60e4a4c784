package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ProcedureEntry;

/**
 * Writes the US Core-shaped clinical resources other than Observation: Encounter, Condition,
 * AllergyIntolerance, MedicationRequest, Procedure, Immunization, CarePlan and Device.
 */
final class ClinicalResourceWriter {
    private static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/";
    private static final String ACT_CODE = TERMINOLOGY + "v3-ActCode";
    private static final String CONDITION_CLINICAL = TERMINOLOGY + "condition-clinical";
    private static final String CONDITION_VERIFICATION = TERMINOLOGY + "condition-ver-status";
    private static final String CONDITION_CATEGORY = TERMINOLOGY + "condition-category";
    private static final String ALLERGY_CLINICAL = TERMINOLOGY + "allergyintolerance-clinical";
    private static final String ALLERGY_VERIFICATION = TERMINOLOGY + "allergyintolerance-verification";
    private static final String COURSE_OF_THERAPY = TERMINOLOGY + "medicationrequest-course-of-therapy";
    private static final String CAREPLAN_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

    private ClinicalResourceWriter() {
    }

    static void encounter(FhirResourceWriter r, Encounter e) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("Encounter", e.id(), US_CORE + "us-core-encounter");
        g.writeStringField("status", e.isOpen() ? "in-progress" : "finished");
        g.writeFieldName("class");
        w.codingValue(ACT_CODE, e.encounterClass().actCode(), e.encounterClass().actDisplay());
        w.codeableConceptArray("type", e.code());
        r.patientReference("subject");
        w.period("period", e.start(), e.stop());
        if (e.reason() != null) {
            w.codeableConceptArray("reasonCode", e.reason());
        }
        if (e.dischargeDisposition() != null) {
            g.writeObjectFieldStart("hospitalization");
            w.codeableConcept("dischargeDisposition", e.dischargeDisposition());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void condition(FhirResourceWriter r, ConditionEntry c) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("Condition", c.id(), US_CORE + "us-core-condition-encounter-diagnosis");
        if (c.isOpen()) {
            w.codedConcept("clinicalStatus", CONDITION_CLINICAL, "active", "Active");
        } else {
            w.codedConcept("clinicalStatus", CONDITION_CLINICAL, "resolved", "Resolved");
        }
        w.codedConcept("verificationStatus", CONDITION_VERIFICATION, "confirmed", "Confirmed");
        w.codedConceptArray("category", CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis");
        w.codeableConcept("code", c.code());
        r.patientReference("subject");
        r.encounterReference(c);
        w.dateTime("onsetDateTime", c.start());
        if (!c.isOpen()) {
            w.dateTime("abatementDateTime", c.stop());
        }
        // The simulation records a diagnosis when it is made, so onset is also the recorded date.
        w.dateTime("recordedDate", c.start());
        g.writeEndObject();
    }

    static void allergy(FhirResourceWriter r, AllergyEntry a) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("AllergyIntolerance", a.id(), US_CORE + "us-core-allergyintolerance");
        if (a.isOpen()) {
            w.codedConcept("clinicalStatus", ALLERGY_CLINICAL, "active", "Active");
        } else {
            w.codedConcept("clinicalStatus", ALLERGY_CLINICAL, "resolved", "Resolved");
        }
        w.codedConcept("verificationStatus", ALLERGY_VERIFICATION, "confirmed", "Confirmed");
        g.writeStringField("type", a.type());
        if (a.category() != null) {
            g.writeArrayFieldStart("category");
            g.writeString(a.category());
            g.writeEndArray();
        }
        w.codeableConcept("code", a.code());
        r.patientReference("patient");
        r.encounterReference(a);
        w.dateTime("onsetDateTime", a.start());
        w.dateTime("recordedDate", a.start());
        g.writeEndObject();
    }

    static void medicationRequest(FhirResourceWriter r, MedicationEntry m) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("MedicationRequest", m.id(), US_CORE + "us-core-medicationrequest");
        g.writeStringField("status", m.isOpen() ? "active" : "stopped");
        g.writeStringField("intent", "order");
        w.codeableConcept("medicationCodeableConcept", m.code());
        r.patientReference("subject");
        r.encounterReference(m);
        w.dateTime("authoredOn", m.start());
        if (m.chronic()) {
            w.codedConcept("courseOfTherapyType", COURSE_OF_THERAPY, "continuous", "Continuous long term therapy");
        } else {
            w.codedConcept("courseOfTherapyType", COURSE_OF_THERAPY, "acute", "Short course (acute) therapy");
        }
        reason(r, m.reason(), m.start());
        // The model has no dose or schedule; this states only what is known (taken as scheduled).
        g.writeArrayFieldStart("dosageInstruction");
        g.writeStartObject();
        g.writeNumberField("sequence", 1);
        g.writeBooleanField("asNeededBoolean", false);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    static void procedure(FhirResourceWriter r, ProcedureEntry p) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("Procedure", p.id(), US_CORE + "us-core-procedure");
        g.writeStringField("status", "completed");
        w.codeableConcept("code", p.code());
        r.patientReference("subject");
        r.encounterReference(p);
        w.period("performedPeriod", p.start(), p.stop());
        if (p.reason() != null) {
            w.codeableConceptArray("reasonCode", p.reason());
        }
        g.writeEndObject();
    }

    static void immunization(FhirResourceWriter r, ImmunizationEntry i) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("Immunization", i.id(), US_CORE + "us-core-immunization");
        g.writeStringField("status", "completed");
        w.codeableConcept("vaccineCode", i.code());
        r.patientReference("patient");
        r.encounterReference(i);
        w.dateTime("occurrenceDateTime", i.start());
        g.writeBooleanField("primarySource", true);
        g.writeEndObject();
    }

    static void carePlan(FhirResourceWriter r, CarePlanEntry c) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        w.startResource("CarePlan", c.id(), US_CORE + "us-core-careplan");
        g.writeStringField("status", c.isOpen() ? "active" : "completed");
        g.writeStringField("intent", "plan");
        g.writeArrayFieldStart("category");
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        w.codingValue(CAREPLAN_CATEGORY, "assess-plan", "Assessment and Plan of Treatment");
        g.writeEndArray();
        g.writeEndObject();
        w.codeableConceptValue(c.code());
        g.writeEndArray();
        r.patientReference("subject");
        r.encounterReference(c);
        w.period("period", c.start(), c.stop());
        ConditionEntry addressed = r.conditionFor(c.reason(), c.start());
        if (addressed != null) {
            g.writeArrayFieldStart("addresses");
            w.referenceValue("Condition", addressed.id());
            g.writeEndArray();
        }
        if (!c.activities().isEmpty()) {
            String status = c.isOpen() ? "in-progress" : "completed";
            g.writeArrayFieldStart("activity");
            for (Code activity : c.activities()) {
                g.writeStartObject();
                g.writeObjectFieldStart("detail");
                w.codeableConcept("code", activity);
                g.writeStringField("status", status);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void device(FhirResourceWriter r, DeviceEntry d) throws IOException {
        FhirElementWriter w = r.elements();
        JsonGenerator g = w.json();
        // No us-core-implantable-device profile: it requires a UDI carrier the model does not have.
        w.startResource("Device", d.id(), null);
        g.writeStringField("status", d.isOpen() ? "active" : "inactive");
        w.codeableConcept("type", d.code());
        r.patientReference("patient");
        g.writeEndObject();
    }

    /**
     * reasonReference to the diagnosed condition when it is in the export, else reasonCode: a
     * reference lets consumers join to onset and status, the code alone still says why.
     */
    private static void reason(FhirResourceWriter r, Code reason, long time) throws IOException {
        if (reason == null) {
            return;
        }
        ConditionEntry condition = r.conditionFor(reason, time);
        FhirElementWriter w = r.elements();
        if (condition != null) {
            w.json().writeArrayFieldStart("reasonReference");
            w.referenceValue("Condition", condition.id());
            w.json().writeEndArray();
        } else {
            w.codeableConceptArray("reasonCode", reason);
        }
    }
}
