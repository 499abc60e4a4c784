package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.ProcedureEntry;

/**
 * The one FHIR R4 serializer behind both FHIR export stages: writes a patient's Patient resource
 * and one resource per entry onto a streaming generator, with references in the stage's
 * {@link ReferenceStyle}. Output depends only on the {@link PatientRecord}.
 *
 * <p>Not thread-safe: create one per patient (cheap) on the thread that writes it.
 */
final class FhirResourceWriter {
    /**
     * Shared, thread-safe generator factory. It never closes the target (the chunk owns its
     * buffers) and writes no separator between root values: NDJSON writers add the newline.
     */
    static final JsonFactory JSON = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((SerializableString) null)
            .build();

    /** A FHIR resource type fed from one list of the record; the order is the export order. */
    record EntryResourceType(String name, Function<PatientRecord, List<? extends Entry>> entries) {
    }

    /** Every entry-backed resource type, in the order both stages write them (Patient comes first). */
    static final List<EntryResourceType> ENTRY_TYPES = List.of(
            new EntryResourceType("Encounter", PatientRecord::encounters),
            new EntryResourceType("Condition", PatientRecord::conditions),
            new EntryResourceType("AllergyIntolerance", PatientRecord::allergies),
            new EntryResourceType("MedicationRequest", PatientRecord::medications),
            new EntryResourceType("Observation", PatientRecord::observations),
            new EntryResourceType("Procedure", PatientRecord::procedures),
            new EntryResourceType("Immunization", PatientRecord::immunizations),
            new EntryResourceType("CarePlan", PatientRecord::carePlans),
            new EntryResourceType("Device", PatientRecord::devices));

    private final PatientRecord record;
    private FhirElementWriter elements;
    private Set<String> encounterIds;
    private Map<String, List<ConditionEntry>> conditionsByCode;

    FhirResourceWriter(PatientRecord record) {
        this.record = record;
    }

    /**
     * Creates a generator on {@code out} that the following writes go to; the caller closes it.
     * NDJSON opens one per file, the Bundle one in all, while the lookups below are built once.
     */
    JsonGenerator open(OutputStream out, ReferenceStyle style) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        elements = new FhirElementWriter(g, style);
        return g;
    }

    PatientRecord record() {
        return record;
    }

    FhirElementWriter elements() {
        return elements;
    }

    String patientId() {
        return record.demographics().id();
    }

    /** Writes the Patient resource as one JSON object. */
    void writePatient() throws IOException {
        PatientResourceWriter.write(elements, record);
    }

    /** Writes the resource for {@code entry} as one JSON object. */
    void writeEntry(Entry entry) throws IOException {
        // an if-chain rather than a pattern switch: the engine targets Java 17
        if (entry instanceof Encounter e) {
            ClinicalResourceWriter.encounter(this, e);
        } else if (entry instanceof ConditionEntry c) {
            ClinicalResourceWriter.condition(this, c);
        } else if (entry instanceof AllergyEntry a) {
            ClinicalResourceWriter.allergy(this, a);
        } else if (entry instanceof MedicationEntry m) {
            ClinicalResourceWriter.medicationRequest(this, m);
        } else if (entry instanceof ObservationEntry o) {
            ObservationResourceWriter.observation(this, o);
        } else if (entry instanceof ProcedureEntry p) {
            ClinicalResourceWriter.procedure(this, p);
        } else if (entry instanceof ImmunizationEntry i) {
            ClinicalResourceWriter.immunization(this, i);
        } else if (entry instanceof CarePlanEntry c) {
            ClinicalResourceWriter.carePlan(this, c);
        } else if (entry instanceof DeviceEntry d) {
            ClinicalResourceWriter.device(this, d);
        } else {
            throw new IllegalStateException("no FHIR mapping for " + entry.getClass().getSimpleName());
        }
    }

    /** {@code "field": {"reference": "Patient/<id>"}} in this writer's style. */
    void patientReference(String field) throws IOException {
        elements.reference(field, "Patient", patientId());
    }

    /**
     * {@code "encounter": {...}} when the entry's encounter is part of this export. Entries still
     * active at the start of the export window can outlive their (dropped) encounter; pointing at
     * it would leave a dangling reference, so the element is left out instead.
     */
    void encounterReference(Entry entry) throws IOException {
        String id = entry.encounterId();
        if (id != null && encounterIds().contains(id)) {
            elements.reference("encounter", "Encounter", id);
        }
    }

    /**
     * The condition a medication, care plan, … with reason {@code reason} refers to: the latest
     * exported condition with the same concept diagnosed at or before {@code time}, or null.
     */
    ConditionEntry conditionFor(Code reason, long time) {
        if (reason == null || record.conditions().isEmpty()) {
            return null;
        }
        List<ConditionEntry> sameCode = conditionsByCode().get(reason.code());
        if (sameCode == null) {
            return null;
        }
        ConditionEntry best = null;
        for (ConditionEntry c : sameCode) {
            // Lists are in event order, so the last match is the latest diagnosis.
            if (c.code().sameConcept(reason) && c.start() <= time) {
                best = c;
            }
        }
        return best;
    }

    private Set<String> encounterIds() {
        if (encounterIds == null) {
            List<Encounter> encounters = record.encounters();
            encounterIds = new HashSet<>(encounters.size() * 2);
            for (Encounter e : encounters) {
                encounterIds.add(e.id());
            }
        }
        return encounterIds;
    }

    private Map<String, List<ConditionEntry>> conditionsByCode() {
        if (conditionsByCode == null) {
            // Only looked up, never iterated, so HashMap order cannot leak into the output.
            conditionsByCode = new HashMap<>();
            for (ConditionEntry c : record.conditions()) {
                conditionsByCode.computeIfAbsent(c.code().code(), k -> new ArrayList<>(1)).add(c);
            }
        }
        return conditionsByCode;
    }
}
