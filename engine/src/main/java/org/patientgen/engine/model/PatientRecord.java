package org.patientgen.engine.model;

import java.util.List;

/**
 * The complete simulated life of one patient, handed to exporters once simulation ends.
 * Lists are in the order events happened. Entries before the export window have been dropped,
 * except those still active at its start.
 *
 * @param index        the patient's index in the population (0-based); with the seed it fully
 *                     determines this record
 * @param demographics who the patient is
 * @param deathTime    epoch millis of death, or {@link Entry#OPEN} if alive at the end date
 * @param causeOfDeath the condition that caused death, or null (alive, or background mortality)
 * @param endTime      epoch millis of the end of the simulation window
 */
public record PatientRecord(
        long index,
        Demographics demographics,
        long deathTime,
        Code causeOfDeath,
        long endTime,
        List<Encounter> encounters,
        List<ConditionEntry> conditions,
        List<AllergyEntry> allergies,
        List<MedicationEntry> medications,
        List<ObservationEntry> observations,
        List<ProcedureEntry> procedures,
        List<ImmunizationEntry> immunizations,
        List<CarePlanEntry> carePlans,
        List<DeviceEntry> devices) {

    public boolean alive() {
        return deathTime == Entry.OPEN;
    }

    /** Total number of entries, a proxy for the number of FHIR resources the patient yields. */
    public int entryCount() {
        return encounters.size() + conditions.size() + allergies.size() + medications.size()
                + observations.size() + procedures.size() + immunizations.size() + carePlans.size()
                + devices.size();
    }
}
