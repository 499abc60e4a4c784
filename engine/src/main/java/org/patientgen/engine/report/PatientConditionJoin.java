package org.patientgen.engine.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patientgen.engine.model.Sex;

/**
 * Joins a stream of patients with a stream of their condition records without an index, as a
 * merge: the generator writes every file in patient order, each patient's rows together, so the
 * conditions of the current patient are the rows at the head of the condition stream. Memory is
 * one patient's conditions, whatever the population size. Rows that do not follow this order (or
 * name a patient that is not in the patient file) are left over at the end and reported as an
 * input error rather than silently dropped.
 */
final class PatientConditionJoin {
    /** A patient row before its conditions are attached. */
    record PatientRow(String id, Sex sex, LocalDate birthDate, boolean deceased, LocalDate deathDate) {
    }

    /** A condition row: whose, what, and where it was read (for error messages). */
    record ConditionRow(String patientId, PatientFacts.ConditionSpan span, String location) {
    }

    /** A stream of rows read on demand; {@code null} at the end. */
    interface RowSource<T> {
        T next() throws IOException, ReportInputException;
    }

    private PatientConditionJoin() {
    }

    /**
     * Hands each patient with its conditions to {@code sink}, in patient-file order.
     *
     * @return the number of patients read
     * @throws ReportInputException if a condition row is out of patient order or names an unknown patient
     */
    static long join(RowSource<PatientRow> patients, RowSource<ConditionRow> conditions,
                     Consumer<PatientFacts> sink) throws IOException, ReportInputException {
        ConditionRow pending = conditions.next();
        long count = 0;
        PatientRow p;
        while ((p = patients.next()) != null) {
            List<PatientFacts.ConditionSpan> own = new ArrayList<>();
            while (pending != null && pending.patientId().equals(p.id())) {
                own.add(pending.span());
                pending = conditions.next();
            }
            sink.accept(new PatientFacts(p.id(), p.sex(), p.birthDate(), p.deceased(), p.deathDate(), own));
            count++;
        }
        if (pending != null) {
            throw new ReportInputException(pending.location() + ": condition of patient " + pending.patientId()
                    + " is out of patient order or names a patient missing from the patient file (the report "
                    + "reads files in the order the generator writes them: patients in order, each patient's "
                    + "conditions together)");
        }
        return count;
    }
}
