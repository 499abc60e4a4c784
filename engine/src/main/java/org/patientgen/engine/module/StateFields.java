package org.patientgen.engine.module;

import java.util.Map;
import java.util.Set;

/**
 * The fields each GMF state type may have. A field outside this list is a load error naming it,
 * so a feature PatientGen does not interpret is never dropped silently (Synthea's Gson loader
 * ignores unknown fields; a misspelt {@code value_attribute} would there just do nothing).
 *
 * <p>A few fields are accepted but deliberately not interpreted, because they only add detail
 * the patient record does not hold: medication {@code prescription}/{@code administration}
 * (dosage), care-plan {@code goals}, allergy {@code reactions}, imaging {@code series},
 * panel {@code number_of_observations}, device {@code manufacturer}/{@code model}, encounter
 * {@code telemedicine_possibility} (no telemedicine model) and Vaccine {@code series}.
 */
final class StateFields {
    /** Fields every state may have: its type, documentation and one transition. */
    private static final Set<String> COMMON = Set.of("type", "remarks", "name", "direct_transition",
            "distributed_transition", "conditional_transition", "complex_transition", "lookup_table_transition",
            "type_of_care_transition");

    private static final Set<String> VALUE = Set.of("exact", "range", "distribution", "unit");

    private static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry("Initial", Set.of()),
            Map.entry("Terminal", Set.of()),
            Map.entry("Simple", Set.of()),
            Map.entry("Guard", Set.of("allow")),
            Map.entry("Delay", VALUE),
            Map.entry("SetAttribute", Set.of("attribute", "value", "value_code", "value_attribute", "range",
                    "distribution", "expression")),
            Map.entry("Counter", Set.of("attribute", "action", "amount")),
            Map.entry("CallSubmodule", Set.of("submodule")),
            Map.entry("Encounter", Set.of("wellness", "encounter_class", "codes", "reason",
                    "telemedicine_possibility")),
            Map.entry("EncounterEnd", Set.of("discharge_disposition")),
            Map.entry("ConditionOnset", Set.of("codes", "target_encounter", "assign_to_attribute")),
            Map.entry("AllergyOnset", Set.of("codes", "target_encounter", "assign_to_attribute", "allergy_type",
                    "category", "reactions")),
            Map.entry("ConditionEnd", Set.of("codes", "referenced_by_attribute", "condition_onset")),
            Map.entry("AllergyEnd", Set.of("codes", "referenced_by_attribute", "allergy_onset")),
            Map.entry("MedicationEnd", Set.of("codes", "referenced_by_attribute", "medication_order")),
            Map.entry("CarePlanEnd", Set.of("codes", "referenced_by_attribute", "careplan")),
            Map.entry("DeviceEnd", Set.of("codes", "referenced_by_attribute", "device")),
            Map.entry("MedicationOrder", Set.of("codes", "reason", "assign_to_attribute", "chronic",
                    "prescription", "administration")),
            Map.entry("CarePlanStart", Set.of("codes", "activities", "reason", "assign_to_attribute", "goals")),
            Map.entry("Procedure", Set.of("codes", "reason", "duration", "exact", "range", "distribution", "unit",
                    "assign_to_attribute")),
            Map.entry("ImagingStudy", Set.of("procedure_code", "series")),
            Map.entry("Device", Set.of("code", "assign_to_attribute", "manufacturer", "model")),
            Map.entry("SupplyList", Set.of("supplies")),
            Map.entry("Vaccine", Set.of("codes", "series")),
            Map.entry("Observation", Set.of("codes", "category", "unit", "exact", "range", "distribution",
                    "vital_sign", "attribute", "value_code", "sampled_data", "attachment", "assign_to_attribute")),
            Map.entry("MultiObservation", Set.of("codes", "category", "observations", "number_of_observations")),
            Map.entry("DiagnosticReport", Set.of("codes", "category", "observations", "number_of_observations")),
            Map.entry("VitalSign", Set.of("vital_sign", "unit", "exact", "range", "distribution")),
            Map.entry("Symptom", Set.of("symptom", "cause", "probability", "exact", "range", "distribution")),
            Map.entry("Death", Set.of("codes", "referenced_by_attribute", "condition_onset", "exact", "range",
                    "distribution", "unit")));

    /** Fields of one observation inside a MultiObservation or DiagnosticReport. */
    private static final Set<String> PANEL_PART = Set.of("codes", "category", "unit", "exact", "range",
            "distribution", "vital_sign", "attribute", "value_code", "type", "remarks");

    private StateFields() {
    }

    /** Throws naming the first field {@code type} does not define. Unknown types are left to the parser. */
    static void check(String type, JsonField state) {
        Set<String> own = BY_TYPE.get(type);
        if (own == null) {
            return;
        }
        for (var member : state.members()) {
            String field = member.getKey();
            if (!COMMON.contains(field) && !own.contains(field)) {
                throw member.getValue().error("unsupported field '" + field + "' for a " + type + " state");
            }
        }
    }

    static void checkPanelPart(JsonField observation) {
        for (var member : observation.members()) {
            if (!PANEL_PART.contains(member.getKey())) {
                throw member.getValue().error("unsupported field '" + member.getKey() + "' for a panel observation");
            }
        }
    }
}
