package org.patientgen.engine.sim;

import java.util.UUID;

/**
 * Deterministic identifiers for one patient's resources: a pure function of (seed, patient
 * index, sequence number), formatted as version-4-shaped UUIDs. Independent of the patient's
 * random stream, so adding a resource never shifts any simulated value.
 */
public final class IdSource {
    private final long patientKey;
    private long next;

    public IdSource(long seed, long patientIndex) {
        this.patientKey = mix(seed * 0x9E3779B97F4A7C15L + patientIndex);
    }

    /** The patient's own id (sequence 0 is reserved for it). */
    public String patientId() {
        return uuid(0);
    }

    /** The next resource id. */
    public String next() {
        return uuid(++next);
    }

    private String uuid(long sequence) {
        long hi = mix(patientKey ^ (sequence * 0xBF58476D1CE4E5B9L));
        long lo = mix(hi ^ patientKey ^ 0x94D049BB133111EBL);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** SplitMix64 finaliser: a cheap, well-distributed 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
