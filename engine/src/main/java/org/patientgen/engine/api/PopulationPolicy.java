package org.patientgen.engine.api;

/** Which population a schedule's jobs generate, fire after fire. */
public enum PopulationPolicy {
    /**
     * The template as it is: the same seed and end date, so every fire generates the same
     * patients into the same output folder (a later fire finds the earlier one's shards complete
     * and keeps them). For a fixed reference data set.
     */
    SAME_EACH_FIRE,
    /**
     * A new population at each fire, still reproducible: the seed is derived from the template's
     * seed and the fire time ({@link #seedFor}), the end date is the fire's day in the schedule's
     * time zone, and the output goes to a folder of its own under the template's, named after the
     * fire time (e.g. {@code 2026-11-28T02-30-00+0100}). For a feed that grows each night.
     */
    NEW_EACH_FIRE;

    /**
     * The seed of a {@link #NEW_EACH_FIRE} job fired at {@code epochSecond}: the template's seed and
     * the fire time mixed (SplitMix64's finaliser), so nearby fire times give unrelated seeds and
     * the same fire time always gives the same one.
     */
    public static long seedFor(long templateSeed, long epochSecond) {
        long z = templateSeed + 0x9E3779B97F4A7C15L * (epochSecond + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
