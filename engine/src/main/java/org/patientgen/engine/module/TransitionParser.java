package org.patientgen.engine.module;

import java.util.ArrayList;
import java.util.List;

/** Parses the transition of a state: direct, distributed, conditional, complex, lookup table or type of care. */
final class TransitionParser {
    private static final List<String> KINDS = List.of("direct_transition", "distributed_transition",
            "conditional_transition", "complex_transition", "lookup_table_transition", "type_of_care_transition");

    private TransitionParser() {
    }

    static boolean hasTransition(JsonField state) {
        return KINDS.stream().anyMatch(state::has);
    }

    static Transition parse(JsonField state, LookupTable.Source tables) {
        List<String> present = KINDS.stream().filter(state::has).toList();
        if (present.isEmpty()) {
            throw state.error("non-Terminal state has no transition (one of " + String.join(", ", KINDS)
                    + ")");
        }
        if (present.size() > 1) {
            throw state.error("state has more than one transition: " + String.join(", ", present));
        }
        JsonField t = state.required(present.get(0));
        return switch (present.get(0)) {
            case "direct_transition" -> new Transition.Direct(t.text());
            case "distributed_transition" -> distributed(t);
            case "conditional_transition" -> conditional(t);
            case "complex_transition" -> complex(t);
            case "lookup_table_transition" -> lookup(t, tables);
            case "type_of_care_transition" -> new Transition.TypeOfCare(t.requiredText("ambulatory"),
                    t.requiredText("emergency"), t.requiredText("telemedicine"));
            default -> throw t.error("unsupported transition '" + present.get(0) + "'");
        };
    }

    private static Transition distributed(JsonField array) {
        List<Transition.Branch> branches = new ArrayList<>();
        for (JsonField b : array.elements()) {
            JsonField d = b.required("distribution");
            Transition.Probability p;
            if (d.raw().isObject()) {
                p = new Transition.Probability(d.optionalNumber("default", 0), d.requiredText("attribute"));
            } else {
                double value = d.number();
                if (value < 0 || value > 1) {
                    throw d.error("probability " + value + " is outside [0, 1]");
                }
                p = new Transition.Probability(value, null);
            }
            branches.add(new Transition.Branch(p, b.requiredText("transition")));
        }
        if (branches.isEmpty()) {
            throw array.error("distributed_transition has no branches");
        }
        return new Transition.Distributed(List.copyOf(branches));
    }

    private static Transition conditional(JsonField array) {
        List<Transition.Guarded> branches = new ArrayList<>();
        for (JsonField b : array.elements()) {
            Logic condition = b.has("condition") ? LogicParser.parse(b.required("condition")) : null;
            branches.add(new Transition.Guarded(condition, new Transition.Direct(b.requiredText("transition"))));
        }
        if (branches.isEmpty()) {
            throw array.error("conditional_transition has no branches");
        }
        return new Transition.FirstMatch(List.copyOf(branches));
    }

    private static Transition complex(JsonField array) {
        List<Transition.Guarded> branches = new ArrayList<>();
        for (JsonField b : array.elements()) {
            Logic condition = b.has("condition") ? LogicParser.parse(b.required("condition")) : null;
            Transition then;
            // as in Synthea, "transition" wins over "distributions" (some modules carry an empty list)
            if (b.has("transition") || !b.has("distributions")) {
                then = new Transition.Direct(b.requiredText("transition"));
            } else {
                then = distributed(b.required("distributions"));
            }
            branches.add(new Transition.Guarded(condition, then));
        }
        if (branches.isEmpty()) {
            throw array.error("complex_transition has no branches");
        }
        return new Transition.FirstMatch(List.copyOf(branches));
    }

    /** {@code [{transition, default_probability, lookup_table_name}, …]}, all naming one table. */
    private static Transition lookup(JsonField array, LookupTable.Source tables) {
        List<String> targets = new ArrayList<>();
        List<JsonField> elements = array.elements();
        if (elements.isEmpty()) {
            throw array.error("lookup_table_transition has no branches");
        }
        double[] defaults = new double[elements.size()];
        String tableName = null;
        JsonField tableField = null;
        for (int i = 0; i < elements.size(); i++) {
            JsonField b = elements.get(i);
            targets.add(b.requiredText("transition"));
            defaults[i] = b.requiredNumber("default_probability");
            JsonField name = b.required("lookup_table_name");
            if (tableName == null) {
                tableName = name.text();
                tableField = name;
            } else if (!tableName.equals(name.text())) {
                throw name.error("every branch must name the same lookup table ('" + tableName + "')");
            }
        }
        List<String> names = List.copyOf(targets);
        return new Transition.Lookup(names, defaults, tables.table(tableName, names, tableField));
    }
}
