package org.patientgen.engine.report;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patientgen.engine.model.Sex;

/**
 * What the realism report needs to know about one exported patient: sex, birth, death with its
 * certified cause, and the condition records of the export. Dates are UTC calendar days, as the exporters write them.
 *
 * @param id         patient id as exported
 * @param sex        administrative sex, or {@code null} when the export records something else
 * @param birthDate  date of birth
 * @param deceased   whether the export marks the patient dead
 * @param deathDate  date of death, or {@code null} when alive or dead at an unrecorded time
 * @param causeOfDeath the SNOMED CT code of the certified cause of death (the value of the LOINC
 *                   69453-9 "Cause of Death" observation), or {@code null} when there is none or the
 *                   export does not hold it; a CSV value that names no known cause is kept as its text
 * @param conditions the patient's condition records (one per exported row or resource)
 */
public record PatientFacts(String id, Sex sex, LocalDate birthDate, boolean deceased, LocalDate deathDate,
                           String causeOfDeath, List<ConditionSpan> conditions) {

    /**
     * One exported condition record.
     *
     * @param code  the SNOMED CT code
     * @param onset first day the condition is present
     * @param abatement day it resolved, or {@code null} if it was still active when the record ends
     */
    public record ConditionSpan(String code, LocalDate onset, LocalDate abatement) {
        /**
         * Active at the end of {@code day}: started by then and not abated by then. A condition
         * that abates on the end date itself is not active at the end date.
         */
        public boolean activeAtEndOf(LocalDate day) {
            return !onset.isAfter(day) && (abatement == null || abatement.isAfter(day));
        }
    }

    public PatientFacts {
        conditions = List.copyOf(conditions);
    }

    /** Alive at the end of {@code day}: not deceased, or died after it. */
    public boolean aliveAtEndOf(LocalDate day) {
        return !deceased || (deathDate != null && deathDate.isAfter(day));
    }

    /** Completed years of age on {@code day} (the age the person has, or would have, on that day). */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Codes of the conditions active at the end of {@code day}. */
    public Set<String> activeCodesAtEndOf(LocalDate day) {
        Set<String> codes = new HashSet<>();
        for (ConditionSpan c : conditions) {
            if (c.activeAtEndOf(day)) {
                codes.add(c.code());
            }
        }
        return codes;
    }
}
