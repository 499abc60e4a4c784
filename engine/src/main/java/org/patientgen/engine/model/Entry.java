package org.patientgen.engine.model;

import java.util.Objects;

/**
 * Common shape of a health-record entry: an identified, coded fact with a start time, an optional
 * stop time and the encounter it was recorded in. Times are epoch milliseconds (UTC) of the
 * simulation clock. Entries are created and ended by the one thread simulating their patient and
 * only read afterwards by exporters.
 */
public abstract sealed class Entry
        permits Encounter, ConditionEntry, MedicationEntry, ProcedureEntry, CarePlanEntry,
                AllergyEntry, ImmunizationEntry, ObservationEntry, DeviceEntry {

    /** Stop time of an entry that has not ended (an active condition, an ongoing medication). */
    public static final long OPEN = Long.MAX_VALUE;

    private final String id;
    private final Code code;
    private final long start;
    private final String encounterId;
    private long stop = OPEN;

    protected Entry(String id, Code code, long start, String encounterId) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = Objects.requireNonNull(code, "code");
        this.start = start;
        this.encounterId = encounterId;
    }

    public String id() {
        return id;
    }

    public Code code() {
        return code;
    }

    public long start() {
        return start;
    }

    /** Epoch millis when the entry ended, or {@link #OPEN}. */
    public long stop() {
        return stop;
    }

    public boolean isOpen() {
        return stop == OPEN;
    }

    /** True if the entry was active at any moment of [from, to). */
    public boolean overlaps(long from, long to) {
        return start < to && stop > from;
    }

    /** The encounter this entry was recorded in; null only for entries made outside care. */
    public String encounterId() {
        return encounterId;
    }

    /** Ends the entry; ending twice keeps the first stop time. */
    public void end(long time) {
        if (stop == OPEN) {
            stop = Math.max(time, start);
        }
    }
}
