package org.patientgen.engine.report;

import java.util.List;

/**
 * One part of the realism report: it sees every patient once (in file order, one at a time,
 * keeping only counters) and then produces its rows. Sections are independent stages; the report
 * feeds the same stream to all of them.
 */
interface RealismSection {
    /** Counts one patient. */
    void accept(PatientFacts patient);

    /** The rows, once every patient has been seen. */
    List<RealismCheck> checks();

    /** Remarks about the input worth a line in the report (patients skipped and why). */
    default List<String> notes() {
        return List.of();
    }
}
