package org.patientgen.engine.module;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.sim.Person;
import org.patientgen.engine.sim.VitalSign;

/**
 * A module condition (Synthea GMF "logic"), evaluated against a person at a time.
 *
 * <p>For the event-driven simulator each condition also says when its value could change by the
 * passage of time alone ({@link #nextTimeChange}): ages cross thresholds on birthdays, dates on
 * New Year, "within" windows expire. Changes caused by the person (new conditions, attributes,
 * vitals) are detected through {@link Person#version()} instead.
 */
sealed interface Logic {

    boolean test(Person person, ModuleRun run, long time);

    /** Earliest instant after {@code time} at which the value may change with no change to the person. */
    default long nextTimeChange(Person person, ModuleRun run, long time) {
        return Long.MAX_VALUE;
    }

    record Constant(boolean value) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return value;
        }
    }

    record Gender(Sex sex) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return person.demographics().sex() == sex;
        }
    }

    record Age(Operator operator, double quantity, ChronoUnit unit) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return operator.test((double) person.ageIn(time, unit), quantity);
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            // whole-unit age only changes value at the thresholds floor(q) and floor(q)+1
            long lower = (long) Math.floor(quantity);
            long best = Long.MAX_VALUE;
            for (long k : new long[] {lower, lower + 1}) {
                if (k < 0) {
                    continue;
                }
                long t = person.timeAtAgeIn(k, unit);
                if (t > time) {
                    best = Math.min(best, t);
                }
            }
            return best;
        }
    }

    /** Compares the calendar year (or a full date) at {@code time}. */
    record Date(Operator operator, int year, LocalDate date) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            LocalDate now = LocalDate.ofEpochDay(Math.floorDiv(time, Person.MILLIS_PER_DAY));
            if (date != null) {
                return operator.test((double) now.toEpochDay(), (double) date.toEpochDay());
            }
            return operator.test((double) now.getYear(), (double) year);
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            LocalDate[] candidates = date != null
                    ? new LocalDate[] {date, date.plusDays(1)}
                    : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)};
            long best = Long.MAX_VALUE;
            for (LocalDate d : candidates) {
                long t = d.toEpochDay() * Person.MILLIS_PER_DAY;
                if (t > time) {
                    best = Math.min(best, t);
                }
            }
            return best;
        }
    }

    record SocioeconomicStatus(String category) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return category.equalsIgnoreCase(String.valueOf(person.attribute(Attributes.SES_CATEGORY)));
        }
    }

    /** Race, or "Hispanic" for Hispanic ethnicity (as older GMF modules use it). */
    record RaceIs(Race race, boolean hispanic) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return hispanic ? person.demographics().hispanic() : person.demographics().race() == race;
        }
    }

    record Symptom(String symptom, Operator operator, double value) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return operator.test(person.symptom(symptom), value);
        }
    }

    record VitalSignIs(VitalSign sign, Operator operator, double value) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            Double v = person.vital(sign);
            return operator == Operator.IS_NIL || operator == Operator.IS_NOT_NIL
                    ? operator.test(v, null)
                    : v != null && operator.test(v.doubleValue(), value);
        }
    }

    /** Compares the latest observation with one of {@code codes} (or the one in an attribute). */
    record Observation(List<Code> codes, String attribute, Operator operator, Object value) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            ObservationEntry latest = null;
            if (attribute != null) {
                if (person.attribute(attribute) instanceof ObservationEntry o) {
                    latest = o;
                }
            } else {
                for (Code c : codes) {
                    ObservationEntry o = person.latestObservation(c.code());
                    if (o != null && (latest == null || o.start() > latest.start())) {
                        latest = o;
                    }
                }
            }
            if (operator == Operator.IS_NIL || operator == Operator.IS_NOT_NIL) {
                return operator.test(latest, null);
            }
            if (latest == null || latest.value() == null) {
                return false;
            }
            Object observed = latest.value();
            if (observed instanceof Code c && value instanceof Code v) {
                boolean same = c.code().equals(v.code());
                return operator == Operator.NE ? !same : operator == Operator.EQ && same;
            }
            return operator.test(observed, value);
        }
    }

    /** Active Condition / Medication / CarePlan / Allergy, by codes or by an attribute holding the entry. */
    record Active(Kind kind, List<Code> codes, String attribute) implements Logic {
        enum Kind { CONDITION, MEDICATION, CARE_PLAN, ALLERGY }

        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            if (attribute != null) {
                Object held = person.attribute(attribute);
                if (held instanceof Entry e) {
                    return e.isOpen() && has(person, e.code().code());
                }
                return held instanceof Code c && has(person, c.code());
            }
            for (Code c : codes) {
                if (has(person, c.code())) {
                    return true;
                }
            }
            return false;
        }

        private boolean has(Person person, String code) {
            return switch (kind) {
                case CONDITION -> person.hasActiveCondition(code);
                case MEDICATION -> person.hasActiveMedication(code);
                case CARE_PLAN -> person.hasActiveCarePlan(code);
                case ALLERGY -> person.hasActiveAllergy(code);
            };
        }
    }

    /**
     * True if the module has passed through state {@code name} — optionally since its last pass
     * through {@code since}, and optionally with that pass ending within {@code withinMillis}.
     */
    record PriorState(String name, String since, long withinMillis) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            StateVisit visit = run.lastVisit(name);
            if (visit == null) {
                return false;
            }
            if (since != null) {
                StateVisit sinceVisit = run.lastVisit(since);
                if (sinceVisit != null && sinceVisit.entered() > visit.entered()) {
                    return false;
                }
            }
            return withinMillis <= 0 || time - visit.exited() <= withinMillis;
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            StateVisit visit = run.lastVisit(name);
            if (withinMillis <= 0 || visit == null) {
                return Long.MAX_VALUE;
            }
            long expiry = visit.exited() + withinMillis + 1;
            return expiry > time ? expiry : Long.MAX_VALUE;
        }
    }

    record Attribute(String attribute, Operator operator, Object value) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return operator.test(person.attribute(attribute), value);
        }
    }

    record And(List<Logic> conditions) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            for (Logic c : conditions) {
                if (!c.test(person, run, time)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            return earliest(conditions, person, run, time);
        }
    }

    record Or(List<Logic> conditions) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            for (Logic c : conditions) {
                if (c.test(person, run, time)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            return earliest(conditions, person, run, time);
        }
    }

    record Not(Logic condition) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            return !condition.test(person, run, time);
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            return condition.nextTimeChange(person, run, time);
        }
    }

    /** At Least (minimum) / At Most (maximum) of the conditions are true. */
    record Count(List<Logic> conditions, int minimum, int maximum) implements Logic {
        @Override
        public boolean test(Person person, ModuleRun run, long time) {
            int n = 0;
            for (Logic c : conditions) {
                if (c.test(person, run, time)) {
                    n++;
                }
            }
            return n >= minimum && n <= maximum;
        }

        @Override
        public long nextTimeChange(Person person, ModuleRun run, long time) {
            return earliest(conditions, person, run, time);
        }
    }

    private static long earliest(List<Logic> conditions, Person person, ModuleRun run, long time) {
        long best = Long.MAX_VALUE;
        for (Logic c : conditions) {
            best = Math.min(best, c.nextTimeChange(person, run, time));
        }
        return best;
    }
}
