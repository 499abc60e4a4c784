package org.patientgen.engine.module;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A GMF random distribution ({@code {"kind": "GAUSSIAN", "parameters": {...}, "round": true}}),
 * used by Delay, Procedure durations, SetAttribute and observation values.
 *
 * @param kind  EXACT, UNIFORM, GAUSSIAN or EXPONENTIAL
 * @param a     value (EXACT), low (UNIFORM) or mean (GAUSSIAN, EXPONENTIAL)
 * @param b     high (UNIFORM) or standard deviation (GAUSSIAN); unused otherwise
 * @param min   lower clamp ({@code parameters.min}); {@code -Infinity} when absent
 * @param max   upper clamp ({@code parameters.max}); {@code +Infinity} when absent
 * @param round round the draw to a whole number (GMF {@code "round": true})
 */
record Distribution(Kind kind, double a, double b, double min, double max, boolean round) {
    enum Kind { EXACT, UNIFORM, GAUSSIAN, EXPONENTIAL }

    static Distribution exact(double value) {
        return new Distribution(Kind.EXACT, value, value, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    static Distribution uniform(double low, double high) {
        return new Distribution(Kind.UNIFORM, low, high, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    double sample(RandomGenerator random) {
        double v = switch (kind) {
            case EXACT -> a;
            case UNIFORM -> a == b ? a : a + random.nextDouble() * (b - a);
            case GAUSSIAN -> a + b * random.nextGaussian();
            case EXPONENTIAL -> -a * Math.log(1 - random.nextDouble());
        };
        v = Math.max(min, Math.min(max, v));
        return round ? Math.round(v) : v;
    }

    /** Parses {@code {"kind", "parameters", "round"?}}. */
    static Distribution parse(JsonField d) {
        JsonField kindField = d.required("kind");
        String kind = kindField.text().toUpperCase(Locale.ROOT);
        JsonField p = d.required("parameters");
        double min = p.optionalNumber("min", Double.NEGATIVE_INFINITY);
        double max = p.optionalNumber("max", Double.POSITIVE_INFINITY);
        boolean round = d.optionalBoolean("round", false);
        return switch (kind) {
            case "EXACT" -> new Distribution(Kind.EXACT, p.requiredNumber("value"), 0, min, max, round);
            case "UNIFORM" -> new Distribution(Kind.UNIFORM, p.requiredNumber("low"), p.requiredNumber("high"), min,
                    max, round);
            case "GAUSSIAN" -> new Distribution(Kind.GAUSSIAN, p.requiredNumber("mean"),
                    p.requiredNumber("standardDeviation"), min, max, round);
            case "EXPONENTIAL" -> new Distribution(Kind.EXPONENTIAL, p.requiredNumber("mean"), 0, min, max, round);
            default -> throw kindField.error("unsupported distribution kind '" + kind
                    + "' (supported: EXACT, UNIFORM, GAUSSIAN, EXPONENTIAL)");
        };
    }
}
