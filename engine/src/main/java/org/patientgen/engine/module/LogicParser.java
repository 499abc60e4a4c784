package org.patientgen.engine.module;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.sim.VitalSign;

/** Parses GMF conditions ("logic") into {@link Logic} trees, naming the JSON path of any error. */
final class LogicParser {
    private LogicParser() {
    }

    static Logic parse(JsonField f) {
        String type = f.requiredText("condition_type");
        return switch (type) {
            case "True" -> new Logic.Constant(true);
            case "False" -> new Logic.Constant(false);
            case "Gender" -> new Logic.Gender(sex(f.required("gender")));
            case "Age" -> new Logic.Age(Operator.parse(f.required("operator")), f.requiredNumber("quantity"),
                    TimeUnits.parse(f.required("unit")));
            case "Date" -> date(f);
            case "Socioeconomic Status" -> new Logic.SocioeconomicStatus(category(f.required("category")));
            case "Race" -> race(f.required("race"));
            case "Symptom" -> new Logic.Symptom(f.requiredText("symptom"), Operator.parse(f.required("operator")),
                    f.requiredNumber("value"));
            case "Vital Sign" -> new Logic.VitalSignIs(vitalSign(f.required("vital_sign")),
                    Operator.parse(f.required("operator")), f.optionalNumber("value", 0));
            case "Observation" -> observation(f);
            case "Active Condition" -> active(f, Logic.Active.Kind.CONDITION);
            case "Active Medication" -> active(f, Logic.Active.Kind.MEDICATION);
            case "Active CarePlan" -> active(f, Logic.Active.Kind.CARE_PLAN);
            case "Active Allergy" -> active(f, Logic.Active.Kind.ALLERGY);
            case "PriorState" -> priorState(f);
            case "Attribute" -> attribute(f);
            case "And" -> new Logic.And(list(f.required("conditions")));
            case "Or" -> new Logic.Or(list(f.required("conditions")));
            case "Not" -> new Logic.Not(parse(f.required("condition")));
            case "At Least" -> new Logic.Count(list(f.required("conditions")), (int) f.requiredNumber("minimum"),
                    Integer.MAX_VALUE);
            case "At Most" -> new Logic.Count(list(f.required("conditions")), 0, (int) f.requiredNumber("maximum"));
            default -> throw f.required("condition_type").error("unknown condition_type '" + type + "'");
        };
    }

    private static List<Logic> list(JsonField array) {
        List<Logic> result = new ArrayList<>();
        for (JsonField e : array.elements()) {
            result.add(parse(e));
        }
        return List.copyOf(result);
    }

    static Sex sex(JsonField f) {
        String g = f.text();
        if (g.equals("M") || g.equals("F")) {
            return Sex.fromLetter(g);
        }
        throw f.error("unknown gender '" + g + "' (expected M or F)");
    }

    private static String category(JsonField f) {
        String c = f.text();
        if (!List.of("High", "Middle", "Low").contains(c)) {
            throw f.error("unknown socioeconomic category '" + c + "' (expected High, Middle or Low)");
        }
        return c;
    }

    private static Logic race(JsonField f) {
        String r = f.text().trim().toLowerCase(Locale.ROOT);
        return switch (r) {
            case "white" -> new Logic.RaceIs(Race.WHITE, false);
            case "black" -> new Logic.RaceIs(Race.BLACK, false);
            case "asian" -> new Logic.RaceIs(Race.ASIAN, false);
            case "native" -> new Logic.RaceIs(Race.NATIVE, false);
            case "hawaiian", "pacific_islander" -> new Logic.RaceIs(Race.PACIFIC_ISLANDER, false);
            case "other" -> new Logic.RaceIs(Race.OTHER, false);
            case "hispanic" -> new Logic.RaceIs(null, true);
            default -> throw f.error("unknown race '" + f.text() + "'");
        };
    }

    static VitalSign vitalSign(JsonField f) {
        try {
            return VitalSign.fromModuleName(f.text());
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
    }

    private static Logic date(JsonField f) {
        Operator op = Operator.parse(f.required("operator"));
        if (f.has("year")) {
            return new Logic.Date(op, (int) f.requiredNumber("year"), null);
        }
        if (f.has("date")) {
            JsonField d = f.required("date");
            LocalDate date = LocalDate.of((int) d.requiredNumber("year"), (int) d.optionalNumber("month", 1),
                    (int) d.optionalNumber("day", 1));
            return new Logic.Date(op, 0, date);
        }
        throw f.error("Date condition needs 'year' or 'date'");
    }

    private static Logic observation(JsonField f) {
        Operator op = Operator.parse(f.required("operator"));
        String attribute = f.optionalText("referenced_by_attribute", null);
        List<org.patientgen.engine.model.Code> codes = attribute == null ? Codes.list(f.required("codes")) : List.of();
        Object value = null;
        if (f.has("value_code")) {
            value = Codes.parse(f.required("value_code"));
        } else if (f.has("value")) {
            value = f.required("value").scalar();
        } else if (op != Operator.IS_NIL && op != Operator.IS_NOT_NIL) {
            throw f.error("Observation condition with operator other than 'is nil'/'is not nil' needs 'value'");
        }
        return new Logic.Observation(codes, attribute, op, value);
    }

    private static Logic active(JsonField f, Logic.Active.Kind kind) {
        String attribute = f.optionalText("referenced_by_attribute", null);
        if (attribute != null) {
            return new Logic.Active(kind, List.of(), attribute);
        }
        return new Logic.Active(kind, Codes.list(f.required("codes")), null);
    }

    private static Logic priorState(JsonField f) {
        long within = 0;
        JsonField w = f.optional("within");
        if (w != null) {
            within = Math.round(w.requiredNumber("quantity") * TimeUnits.millis(TimeUnits.parse(w.required("unit"))));
        }
        return new Logic.PriorState(f.requiredText("name"), f.optionalText("since", null), within);
    }

    private static Logic attribute(JsonField f) {
        Operator op = Operator.parse(f.required("operator"));
        Object value = f.has("value") ? f.required("value").scalar() : null;
        if (value == null && op != Operator.IS_NIL && op != Operator.IS_NOT_NIL) {
            throw f.error("Attribute condition with operator other than 'is nil'/'is not nil' needs 'value'");
        }
        return new Logic.Attribute(f.requiredText("attribute"), op, value);
    }
}
