package org.patientgen.engine.module;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.sim.VitalSign;

/** Parses one GMF state (type-specific fields and its transition), naming the JSON path of any error. */
final class StateParser {
    private StateParser() {
    }

    static State parse(String name, JsonField f, String moduleName, LookupTable.Source tables) {
        String type = f.requiredText("type");
        StateFields.check(type, f);
        State state = switch (type) {
            case "Initial" -> new State.Initial(name);
            case "Terminal" -> new State.Terminal(name);
            case "Simple" -> new State.Simple(name);
            case "Guard" -> new State.Guard(name, LogicParser.parse(f.required("allow")));
            case "Delay" -> new State.Delay(name, duration(f, true));
            case "SetAttribute" -> setAttribute(name, f);
            case "Counter" -> counter(name, f);
            case "CallSubmodule" -> new State.CallSubmodule(name, f.requiredText("submodule"));
            case "Encounter" -> encounter(name, f);
            case "EncounterEnd" -> new ClinicalStates.EncounterEnd(name,
                    f.has("discharge_disposition") ? Codes.parse(f.required("discharge_disposition")) : null);
            case "ConditionOnset" -> new ClinicalStates.Onset(name, false, Codes.first(f),
                    f.optionalText("target_encounter", null), f.optionalText("assign_to_attribute", null), null, null);
            case "AllergyOnset" -> new ClinicalStates.Onset(name, true, Codes.first(f),
                    f.optionalText("target_encounter", null), f.optionalText("assign_to_attribute", null),
                    f.optionalText("allergy_type", "allergy"), f.optionalText("category", null));
            case "ConditionEnd" -> end(name, f, ClinicalStates.End.Kind.CONDITION, "condition_onset");
            case "AllergyEnd" -> end(name, f, ClinicalStates.End.Kind.ALLERGY, "allergy_onset");
            case "MedicationEnd" -> end(name, f, ClinicalStates.End.Kind.MEDICATION, "medication_order");
            case "CarePlanEnd" -> end(name, f, ClinicalStates.End.Kind.CARE_PLAN, "careplan");
            case "DeviceEnd" -> end(name, f, ClinicalStates.End.Kind.DEVICE, "device");
            case "MedicationOrder" -> new ClinicalStates.MedicationOrder(name, Codes.first(f),
                    f.optionalText("reason", null), f.optionalText("assign_to_attribute", null),
                    f.optionalBoolean("chronic", false));
            case "CarePlanStart" -> new ClinicalStates.CarePlanStart(name, Codes.first(f),
                    f.has("activities") ? Codes.list(f.required("activities")) : List.of(),
                    f.optionalText("reason", null), f.optionalText("assign_to_attribute", null));
            case "Procedure" -> new ClinicalStates.Procedure(name, Codes.first(f), f.optionalText("reason", null),
                    procedureDuration(f), f.optionalText("assign_to_attribute", null));
            case "ImagingStudy" -> new ClinicalStates.Procedure(name, Codes.parse(f.required("procedure_code")),
                    null, null, null);
            case "Device" -> new ClinicalStates.Device(name, Codes.parse(f.required("code")),
                    f.optionalText("assign_to_attribute", null));
            case "Vaccine" -> new ClinicalStates.Vaccine(name, Codes.first(f));
            case "SupplyList" -> {
                f.required("supplies").elements();
                yield new ClinicalStates.SupplyList(name);
            }
            case "Observation" -> new ClinicalStates.Observation(name, observation(f, "laboratory"),
                    f.optionalText("assign_to_attribute", null));
            case "MultiObservation", "DiagnosticReport" -> panel(name, f, type.equals("MultiObservation"));
            case "VitalSign" -> new ClinicalStates.VitalSignState(name,
                    LogicParser.vitalSign(f.required("vital_sign")), value(f, true));
            case "Symptom" -> new ClinicalStates.Symptom(name, f.requiredText("symptom"),
                    f.optionalText("cause", moduleName), f.optionalNumber("probability", 1.0), value(f, true));
            case "Death" -> new ClinicalStates.Death(name, f.has("codes") ? Codes.first(f) : null,
                    f.optionalText("referenced_by_attribute", f.optionalText("condition_onset", null)),
                    f.has("exact") || f.has("range") || f.has("distribution") ? duration(f, true) : null);
            case "Physiology" -> throw f.required("type").error(
                    "unsupported state type 'Physiology' (physiology simulations are not part of PatientGen)");
            default -> throw f.required("type").error("unknown state type '" + type + "'");
        };
        if (!state.isTerminal()) {
            state.transition = TransitionParser.parse(f, tables);
        }
        if (state instanceof State.Terminal && TransitionParser.hasTransition(f)) {
            throw f.error("a Terminal state cannot have a transition");
        }
        return state;
    }

    /**
     * SetAttribute: {@code range} or {@code distribution} (a random draw), {@code value_attribute}
     * (a copy), {@code value_code} or {@code value}; with none of them the attribute is removed.
     * A literal {@code value} beside a draw is the draw's placeholder and loses, as in Synthea
     * (its congestive_heart_failure module has one); any other combination is ambiguous and an error.
     */
    private static State setAttribute(String name, JsonField f) {
        if (f.has("expression")) {
            throw f.required("expression").error("unsupported SetAttribute 'expression' (expressions are not "
                    + "evaluated; use value, value_code, value_attribute, range or distribution)");
        }
        List<String> given = List.of("value_code", "value_attribute", "range", "distribution").stream()
                .filter(f::has).toList();
        if (given.size() > 1) {
            throw f.error("SetAttribute has more than one value: " + String.join(", ", given));
        }
        ValueSource value;
        if (f.has("range")) {
            JsonField r = f.required("range");
            value = new ValueSource.Range(r.requiredNumber("low"), r.requiredNumber("high"),
                    (int) r.optionalNumber("decimals", -1));
        } else if (f.has("distribution")) {
            value = new ValueSource.Distributed(Distribution.parse(f.required("distribution")), -1);
        } else if (f.has("value_attribute")) {
            value = new ValueSource.CopyOfAttribute(f.requiredText("value_attribute"));
        } else if (f.has("value_code")) {
            value = new ValueSource.Exact(Codes.parse(f.required("value_code")));
        } else {
            value = new ValueSource.Exact(f.has("value") ? f.required("value").scalar() : null);
        }
        return new State.SetAttribute(name, f.requiredText("attribute"), value);
    }

    /** Procedure duration: legacy {@code duration: {low, high, unit}}, or exact/range/distribution + unit. */
    private static State.Duration procedureDuration(JsonField f) {
        if (f.has("duration")) {
            return duration(f.required("duration"), false);
        }
        return f.has("exact") || f.has("range") || f.has("distribution") ? duration(f, true) : null;
    }

    private static State counter(String name, JsonField f) {
        String action = f.requiredText("action");
        double amount = f.optionalNumber("amount", 1);
        return switch (action) {
            case "increment" -> new State.Counter(name, f.requiredText("attribute"), amount);
            case "decrement" -> new State.Counter(name, f.requiredText("attribute"), -amount);
            default -> throw f.required("action").error("unknown Counter action '" + action
                    + "' (expected increment or decrement)");
        };
    }

    private static State encounter(String name, JsonField f) {
        boolean wellness = f.optionalBoolean("wellness", false);
        if (wellness) {
            return new ClinicalStates.EncounterState(name, true, null, null, null);
        }
        JsonField cls = f.required("encounter_class");
        EncounterClass encounterClass;
        try {
            encounterClass = EncounterClass.fromModuleName(cls.text());
        } catch (IllegalArgumentException e) {
            throw cls.error(e.getMessage());
        }
        return new ClinicalStates.EncounterState(name, false, encounterClass, Codes.first(f),
                f.optionalText("reason", null));
    }

    private static State end(String name, JsonField f, ClinicalStates.End.Kind kind, String startStateField) {
        String attribute = f.optionalText("referenced_by_attribute", null);
        String startState = f.optionalText(startStateField, null);
        // an empty "codes" list is allowed beside another target (Synthea's injuries module has one)
        List<Code> codes = f.has("codes") && !f.required("codes").elements().isEmpty()
                ? Codes.list(f.required("codes")) : List.of();
        if (attribute == null && startState == null && codes.isEmpty()) {
            throw f.error("needs one of 'referenced_by_attribute', '" + startStateField + "' or 'codes'");
        }
        return new ClinicalStates.End(name, kind, new ClinicalStates.EndTarget(attribute, startState, codes));
    }

    private static ClinicalStates.ObservationSpec observation(JsonField f, String defaultCategory) {
        Code code = Codes.first(f);
        String category = f.optionalText("category", defaultCategory);
        return new ClinicalStates.ObservationSpec(code, category, f.optionalText("unit", null), value(f, false));
    }

    private static State panel(String name, JsonField f, boolean asComponents) {
        List<ClinicalStates.ObservationSpec> parts = new ArrayList<>();
        String category = f.optionalText("category", "laboratory");
        for (JsonField o : f.required("observations").elements()) {
            StateFields.checkPanelPart(o);
            parts.add(observation(o, category));
        }
        Code panelCode = Codes.first(f);
        return new ClinicalStates.Panel(name, asComponents,
                new ClinicalStates.ObservationSpec(panelCode, category, null, null), List.copyOf(parts));
    }

    /** Value of an Observation/VitalSign/Symptom: exact, range, vital_sign, attribute or value_code. */
    private static ValueSource value(JsonField f, boolean numericOnly) {
        if (f.has("exact")) {
            JsonField exact = f.required("exact");
            return new ValueSource.Exact(exact.raw().isObject() ? exact.required("quantity").scalar() : exact.scalar());
        }
        if (f.has("range")) {
            JsonField r = f.required("range");
            return new ValueSource.Range(r.requiredNumber("low"), r.requiredNumber("high"),
                    (int) r.optionalNumber("decimals", f.has("unit") ? 1 : -1));
        }
        if (f.has("distribution")) {
            return new ValueSource.Distributed(Distribution.parse(f.required("distribution")), 1);
        }
        if (!numericOnly && f.has("vital_sign")) {
            return new ValueSource.FromVitalSign(LogicParser.vitalSign(f.required("vital_sign")));
        }
        if (!numericOnly && f.has("attribute")) {
            return new ValueSource.FromAttribute(f.requiredText("attribute"));
        }
        if (!numericOnly && f.has("value_code")) {
            return new ValueSource.Exact(Codes.parse(f.required("value_code")));
        }
        if (!numericOnly && (f.has("sampled_data") || f.has("attachment"))) {
            throw f.error("unsupported observation value 'sampled_data'/'attachment'");
        }
        throw f.error("needs a value: one of 'exact', 'range', 'distribution'"
                + (numericOnly ? "" : ", 'vital_sign', 'attribute' or 'value_code'"));
    }

    /** Delay/duration forms: {exact:{quantity,unit}}, {range:{low,high,unit}}, {distribution:…, unit}. */
    static State.Duration duration(JsonField f, boolean nested) {
        if (!nested) {
            ChronoUnit unit = TimeUnits.parse(f.required("unit"));
            return new State.Duration(Distribution.uniform(f.requiredNumber("low"), f.requiredNumber("high")), unit);
        }
        if (f.has("exact")) {
            JsonField e = f.required("exact");
            return State.Duration.exact(e.requiredNumber("quantity"), TimeUnits.parse(e.required("unit")));
        }
        if (f.has("range")) {
            JsonField r = f.required("range");
            return new State.Duration(Distribution.uniform(r.requiredNumber("low"), r.requiredNumber("high")),
                    TimeUnits.parse(r.required("unit")));
        }
        if (f.has("distribution")) {
            return new State.Duration(Distribution.parse(f.required("distribution")),
                    TimeUnits.parse(f.required("unit")));
        }
        throw f.error("needs 'exact', 'range' or 'distribution'");
    }
}
