package org.patientgen.engine.module;

import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.sim.Person;
import org.patientgen.engine.sim.VitalSign;

/** Where an Observation, VitalSign or Symptom state gets its value. */
sealed interface ValueSource {

    /** The value: a Double, a Code or a String; null if the source has nothing (e.g. unset attribute). */
    Object sample(Person person, long time);

    record Exact(Object value) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            return value;
        }
    }

    /** Uniform in [low, high], rounded to {@code decimals} places (−1 = unrounded). */
    record Range(double low, double high, int decimals) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            double v = low == high ? low : low + person.random().nextDouble() * (high - low);
            if (decimals >= 0) {
                double scale = Math.pow(10, decimals);
                v = Math.round(v * scale) / scale;
            }
            return v;
        }
    }

    /** A draw from a named distribution, rounded to {@code decimals} places (−1 = as drawn). */
    record Distributed(Distribution shape, int decimals) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            double v = shape.sample(person.random());
            if (decimals >= 0) {
                double scale = Math.pow(10, decimals);
                v = Math.round(v * scale) / scale;
            }
            return v;
        }
    }

    record FromVitalSign(VitalSign sign) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            Double v = person.vital(sign);
            return v == null ? null : Math.round(v * 10) / 10.0;
        }
    }

    /** Another attribute's value as it is (SetAttribute {@code value_attribute}): entries stay entries. */
    record CopyOfAttribute(String attribute) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            return person.attribute(attribute);
        }
    }

    record FromAttribute(String attribute) implements ValueSource {
        @Override
        public Object sample(Person person, long time) {
            Object v = person.attribute(attribute);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof Entry e) {
                return e.code();
            }
            if (v instanceof Code || v instanceof String) {
                return v;
            }
            return v == null ? null : String.valueOf(v);
        }
    }
}
