package org.patientgen.engine.module;

import java.time.LocalDate;
import java.util.List;
import org.patientgen.engine.sim.Person;

/** How a state picks the next state (Synthea GMF transitions). */
sealed interface Transition {

    /** The next state's name. */
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

    /**
     * Conditional and complex transitions: the first branch whose condition holds is followed.
     * When none holds, the last branch is followed anyway, as Synthea does (its
     * ConditionalTransition/ComplexTransition fall back to the last option); modules from the
     * Synthea library rely on this, e.g. a last branch guarded by the negation of the others.
     */
    record FirstMatch(List<Guarded> branches) implements Transition {
        @Override
        public String next(Person person, ModuleRun run, long time) {
            for (Guarded g : branches) {
                if (g.applies(person, run, time)) {
                    return g.then().next(person, run, time);
                }
            }
            return branches.get(branches.size() - 1).then().next(person, run, time);
        }

        @Override
        public List<String> targets() {
            return branches.stream().flatMap(g -> g.then().targets().stream()).toList();
        }
    }

    /**
     * Probabilities from a CSV {@link LookupTable} row matching the person; {@code defaults} when
     * no row matches. Draws like {@link Distributed} (the last target takes any remainder).
     */
    record Lookup(List<String> targetNames, double[] defaults, LookupTable table) implements Transition {
        @Override
        public String next(Person person, ModuleRun run, long time) {
            double[] p = table.probabilities(person, time);
            if (p == null) {
                p = defaults;
            }
            double draw = person.random().nextDouble();
            double cumulative = 0;
            for (int i = 0; i < p.length; i++) {
                cumulative += p[i];
                if (draw < cumulative) {
                    return targetNames.get(i);
                }
            }
            return targetNames.get(targetNames.size() - 1);
        }

        @Override
        public List<String> targets() {
            return targetNames;
        }
    }

    /**
     * {@code type_of_care_transition}: ambulatory, emergency or telemedicine care. PatientGen has
     * no insurance or telemedicine model, so it uses the "typical emergency use" shares of
     * Synthea's telemedicine_config.json: 75/25 ambulatory/emergency before 2020, then 56/20/24
     * ambulatory/emergency/telemedicine.
     */
    record TypeOfCare(String ambulatory, String emergency, String telemedicine) implements Transition {
        static final long TELEMEDICINE_START = LocalDate.of(2020, 1, 1).toEpochDay() * Person.MILLIS_PER_DAY;

        @Override
        public String next(Person person, ModuleRun run, long time) {
            double draw = person.random().nextDouble();
            if (time < TELEMEDICINE_START) {
                return draw < 0.75 ? ambulatory : emergency;
            }
            return draw < 0.56 ? ambulatory : draw < 0.76 ? emergency : telemedicine;
        }

        @Override
        public List<String> targets() {
            return List.of(ambulatory, emergency, telemedicine);
        }
    }
}
