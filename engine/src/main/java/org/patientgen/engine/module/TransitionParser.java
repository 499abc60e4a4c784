package org.patientgen.engine.module;

import java.util.ArrayList;
import java.util.List;

/** Parses the transition of a state: direct, distributed, conditional or complex. */
final class TransitionParser {
    private static final List<String> KINDS = List.of("direct_transition", "distributed_transition",
            "conditional_transition", "complex_transition", "lookup_table_transition", "type_of_care_transition");

    private TransitionParser() {
    }

    static boolean hasTransition(JsonField state) {
        return KINDS.stream().anyMatch(state::has);
    }

    static Transition parse(JsonField state) {
        List<String> present = KINDS.stream().filter(state::has).toList();
        if (present.isEmpty()) {
            throw state.error("non-Terminal state has no transition (one of " + String.join(", ", KINDS.subList(0, 4))
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
        return new Transition.FirstMatch(List.copyOf(branches));
    }

    private static Transition complex(JsonField array) {
        List<Transition.Guarded> branches = new ArrayList<>();
        for (JsonField b : array.elements()) {
            Logic condition = b.has("condition") ? LogicParser.parse(b.required("condition")) : null;
            Transition then;
            if (b.has("distributions")) {
                then = distributed(b.required("distributions"));
            } else {
                then = new Transition.Direct(b.requiredText("transition"));
            }
            branches.add(new Transition.Guarded(condition, then));
        }
        return new Transition.FirstMatch(List.copyOf(branches));
    }
}
