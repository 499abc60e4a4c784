package org.patientgen.engine.module;

import java.time.temporal.ChronoUnit;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.sim.Person;

/**
 * A state of a module's state machine. {@link #process} does the state's work at {@code time}
 * and says whether the module may follow the transition now; a state that must wait (Delay,
 * Guard, a wellness Encounter) tells the run what it waits for and returns false.
 */
abstract class State {
    final String name;
    Transition transition;

    State(String name) {
        this.name = name;
    }

    abstract boolean process(Person person, ModuleRun run, long time);

    boolean isTerminal() {
        return false;
    }

    /**
     * Remembers the entry this state made (for End states and reasons naming the state) and
     * stores it in {@code assignTo} when the module asked for that.
     */
    final void remember(Person person, ModuleRun run, Entry entry, String assignTo) {
        run.rememberEntry(name, entry);
        if (assignTo != null) {
            person.setAttribute(assignTo, entry);
        }
    }

    /** The GMF type name, for messages. */
    String typeName() {
        return getClass().getSimpleName();
    }

    static final class Initial extends State {
        Initial(String name) {
            super(name);
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            return true;
        }
    }

    static final class Simple extends State {
        Simple(String name) {
            super(name);
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            return true;
        }
    }

    static final class Terminal extends State {
        Terminal(String name) {
            super(name);
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            return true;
        }

        @Override
        boolean isTerminal() {
            return true;
        }
    }

    /** Waits until its condition holds; re-checked when the person changes or time crosses a threshold. */
    static final class Guard extends State {
        final Logic allow;

        Guard(String name, Logic allow) {
            super(name);
            this.allow = allow;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            if (allow.test(person, run, time)) {
                return true;
            }
            run.waitForChange(person.version(), allow.nextTimeChange(person, run, time));
            return false;
        }
    }

    /** Waits for a duration drawn once, when the state is entered. */
    static final class Delay extends State {
        final Duration duration;

        Delay(String name, Duration duration) {
            super(name);
            this.duration = duration;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            long until = run.stateDeadline();
            if (until == Long.MIN_VALUE) {
                until = run.enteredTime() + duration.sampleMillis(person);
                run.setStateDeadline(until);
            }
            if (time >= until) {
                return true;
            }
            run.waitUntil(until);
            return false;
        }
    }

    /** Sets (or, with no value, removes) an attribute: a literal, a code, a copy or a random draw. */
    static final class SetAttribute extends State {
        final String attribute;
        final ValueSource value;

        SetAttribute(String name, String attribute, ValueSource value) {
            super(name);
            this.attribute = attribute;
            this.value = value;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            person.setAttribute(attribute, value.sample(person, time));
            return true;
        }
    }

    static final class Counter extends State {
        final String attribute;
        final double amount;

        Counter(String name, String attribute, double amount) {
            super(name);
            this.attribute = attribute;
            this.amount = amount;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            double current = person.attribute(attribute) instanceof Number n ? n.doubleValue() : 0;
            person.setAttribute(attribute, current + amount);
            return true;
        }
    }

    /** Runs a submodule to its Terminal state, then continues here. */
    static final class CallSubmodule extends State {
        final String submodule;

        CallSubmodule(String name, String submodule) {
            super(name);
            this.submodule = submodule;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            return run.callSubmodule(submodule, time);
        }
    }

    /** A duration: exact, uniform range, or a named distribution, in a time unit. */
    record Duration(Distribution shape, ChronoUnit unit) {
        static Duration exact(double q, ChronoUnit unit) {
            return new Duration(Distribution.exact(q), unit);
        }

        /** A draw in milliseconds; never negative (a Gaussian tail must not move time backwards). */
        long sampleMillis(Person person) {
            return Math.max(0, Math.round(shape.sample(person.random()) * TimeUnits.millis(unit)));
        }
    }
}
