package org.patientgen.engine.module;

import java.util.List;
import org.patientgen.engine.sim.Person;

/** How a state picks the next state (Synthea GMF transitions). */
sealed interface Transition {

    /** The next state's name, or null when no branch applies (the module then ends). */
    String next(Person person, ModuleRun run, long time);

    /** Every state name this transition can lead to (for load-time reference checks). */
    List<String> targets();

    record Direct(String target) implements Transition {
        @Override
        public String next(Person person, ModuleRun run, long time) {
            return target;
        }

        @Override
        public List<String> targets() {
            return List.of(target);
        }
    }

    /** A probability: fixed, or read from a numeric attribute with a default. */
    record Probability(double fixed, String attribute) {
        double value(Person person) {
            if (attribute != null && person.attribute(attribute) instanceof Number n) {
                return n.doubleValue();
            }
            return fixed;
        }
    }

    record Branch(Probability probability, String target) {
    }

    /**
     * Picks a branch with the given probabilities. If they sum to less than one and the draw
     * falls past them, the last branch is taken (as in Synthea).
     */
    record Distributed(List<Branch> branches) implements Transition {
        @Override
        public String next(Person person, ModuleRun run, long time) {
            double draw = person.random().nextDouble();
            double cumulative = 0;
            for (Branch b : branches) {
                cumulative += b.probability().value(person);
                if (draw < cumulative) {
                    return b.target();
                }
            }
            return branches.get(branches.size() - 1).target();
        }

        @Override
        public List<String> targets() {
            return branches.stream().map(Branch::target).toList();
        }
    }

    /** A condition (null = always) guarding a transition. */
    record Guarded(Logic condition, Transition then) {
        boolean applies(Person person, ModuleRun run, long time) {
            return condition == null || condition.test(person, run, time);
        }
    }

    /** Conditional and complex transitions: the first branch whose condition holds is followed. */
    record FirstMatch(List<Guarded> branches) implements Transition {
        @Override
        public String next(Person person, ModuleRun run, long time) {
            for (Guarded g : branches) {
                if (g.applies(person, run, time)) {
                    return g.then().next(person, run, time);
                }
            }
            return null;
        }

        @Override
        public List<String> targets() {
            return branches.stream().flatMap(g -> g.then().targets().stream()).toList();
        }
    }
}
