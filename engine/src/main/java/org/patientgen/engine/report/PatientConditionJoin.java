package org.patientgen.engine.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patientgen.engine.model.Sex;

/**
 * Joins a stream of patients with streams of their condition records and their certified causes
 * of death without an index, as a merge: the generator writes every file in patient order, each
 * patient's rows together, so the rows of the current patient are at the head of each stream.
 * Memory is one patient's conditions, whatever the population size. Rows that do not follow this
 * order (or name a patient that is not in the patient file) are left over at the end and reported
 * as an input error rather than silently dropped.
 */
final class PatientConditionJoin {
    /** A patient row before its conditions are attached. */
    record PatientRow(String id, Sex sex, LocalDate birthDate, boolean deceased, LocalDate deathDate) {
    }

    /** A condition row: whose, what, and where it was read (for error messages). */
    record ConditionRow(String patientId, PatientFacts.ConditionSpan span, String location) {
    }

    /** A certified cause of death: whose, the cause (a SNOMED CT code), and where it was read. */
    record CauseRow(String patientId, String cause, String location) {
    }

    /** A stream of rows read on demand; {@code null} at the end. */
    interface RowSource<T> {
        T next() throws IOException, ReportInputException;

        /** A stream without rows, for an export that does not hold them. */
        static <T> RowSource<T> empty() {
            return () -> null;
        }
    }

    private PatientConditionJoin() {
    }

    /**
     * Hands each patient with its conditions and cause of death to {@code sink}, in patient-file
     * order. A patient with several cause rows keeps the first.
     *
     * @return the number of patients read
     * @throws ReportInputException if a condition or cause row is out of patient order or names an unknown
     *                              patient
     */
    static long join(RowSource<PatientRow> patients, RowSource<ConditionRow> conditions, RowSource<CauseRow> causes,
                     Consumer<PatientFacts> sink) throws IOException, ReportInputException {
        ConditionRow pending = conditions.next();
        CauseRow pendingCause = causes.next();
        long count = 0;
        PatientRow p;
        while ((p = patients.next()) != null) {
            List<PatientFacts.ConditionSpan> own = new ArrayList<>();
            while (pending != null && pending.patientId().equals(p.id())) {
                own.add(pending.span());
                pending = conditions.next();
            }
            String cause = null;
            while (pendingCause != null && pendingCause.patientId().equals(p.id())) {
                cause = cause == null ? pendingCause.cause() : cause;
                pendingCause = causes.next();
            }
            sink.accept(new PatientFacts(p.id(), p.sex(), p.birthDate(), p.deceased(), p.deathDate(), cause, own));
            count++;
        }
        if (pending != null) {
            throw outOfOrder(pending.location(), "condition", pending.patientId());
        }
        if (pendingCause != null) {
            throw outOfOrder(pendingCause.location(), "cause of death", pendingCause.patientId());
        }
        return count;
    }

    private static ReportInputException outOfOrder(String location, String what, String patientId) {
        return new ReportInputException(location + ": " + what + " of patient " + patientId
                + " is out of patient order or names a patient missing from the patient file (the report "
                + "reads files in the order the generator writes them: patients in order, each patient's "
                + "rows together)");
    }
}
