package org.patientgen.engine.export.csv;

import static org.patientgen.engine.export.csv.SyntheaValueFormat.ZERO_COST;

import java.io.IOException;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.Address;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.ProcedureEntry;

/**
 * Exports patients as Synthea-compatible CSV: {@code csv/patients.csv}, {@code encounters.csv},
 * {@code conditions.csv}, {@code observations.csv}, {@code medications.csv},
 * {@code immunizations.csv}, {@code procedures.csv}, {@code careplans.csv}, {@code allergies.csv}
 * and {@code devices.csv}, one row per entry with the patient (and encounter) id as foreign key.
 *
 * <h2>Compatibility</h2>
 * Matched against <b>Synthea 3.3.0</b> ({@code org.mitre.synthea:synthea:3.3.0}, class
 * {@code org.mitre.synthea.export.CSVExporter} and {@code ExportHelper}): column names and order are
 * its header constants (see {@link CsvTable}); per column it writes what that class writes:
 * <ul>
 *   <li>Timestamps {@code 2024-05-02T09:00:00Z} (UTC) for encounters, observations, medications,
 *       immunizations, procedures and devices; dates {@code yyyy-MM-dd} for birth and death,
 *       conditions, allergies and care plans. An entry still open has an empty STOP.</li>
 *   <li>RACE {@code white|black|asian|native|hawaiian|other}, ETHNICITY
 *       {@code hispanic|nonhispanic}, GENDER {@code M|F}, MARITAL the HL7 letter
 *       ({@code M S D W L}), ENCOUNTERCLASS the lower-case module name ({@code wellness}, …).</li>
 *   <li>SYSTEM columns hold Synthea's system names ({@code SNOMED-CT}, {@code RxNorm}, …), not
 *       URIs.</li>
 *   <li>Observations: a panel (an entry with {@link ObservationEntry#components() components} and no
 *       value) is written as one row per component, never as a row of its own; an entry with
 *       neither value nor components is skipped, as Synthea does. VALUE is
 *       {@code %.1f} with TYPE {@code numeric} for numbers, the display with TYPE {@code text} for
 *       coded values, the string with TYPE {@code text} for text.</li>
 *   <li>DISPENSES follows Synthea's default (no prescription details): one dispense per 30 days
 *       from START to STOP (or to the end of the record, or death, while still active), at least
 *       one.</li>
 * </ul>
 *
 * <h2>Columns without data</h2>
 * The simulation has no costs, payers, organizations or clinicians. Money columns
 * (HEALTHCARE_EXPENSES, HEALTHCARE_COVERAGE, BASE_ENCOUNTER_COST, TOTAL_CLAIM_COST, PAYER_COVERAGE,
 * BASE_COST, TOTALCOST) are {@code 0.00}: they are numeric in every Synthea loader (an empty string
 * fails a typed {@code DECIMAL} import), and 0.00 is the honest amount billed. Foreign keys to
 * tables we do not write (ORGANIZATION, PROVIDER, PAYER) are empty rather than invented, which is
 * what Synthea itself writes when an encounter has no provider; a made-up id would dangle. MIDDLE,
 * SUFFIX, FIPS, UDI and the allergy REACTION/DESCRIPTION/SEVERITY columns are empty (Synthea
 * writes the latter empty too when there is no reaction).
 *
 * <h2>Deliberate differences</h2>
 * Synthea strips commas and line breaks from free text ({@code clean()}) and never quotes; we keep
 * the text and quote it per RFC 4180 (see {@link CsvRowBuffer}), so ordinary rows are byte-identical
 * and rows with such text stay readable by any CSV parser (though not by a naive split on commas).
 * Dates are UTC, where Synthea uses the JVM's zone. Rows are written per table in the order of the
 * record's lists rather than grouped by encounter; no table is ordered by contract.
 *
 * <p>Stateless: each {@link #write} call uses only local buffers, and the bytes depend only on the
 * record.
 */
public final class CsvExporter implements Exporter {
    public static final String FORMAT = "csv";

    /** Synthea's {@code Utilities.convertTime("months", 1)}: 30 days. */
    private static final long MONTH_MILLIS = 30L * 86_400_000L;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] fileHeader(String relativePath) {
        CsvTable table = CsvTable.byPath(relativePath);
        return table == null ? null : table.headerBytes();
    }

    @Override
    public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
        String patientId = patient.demographics().id();
        StringBuilder scratch = new StringBuilder(32);

        CsvRowBuffer rows = new CsvRowBuffer(CsvTable.PATIENTS);
        writePatient(rows, patient, scratch);
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.ENCOUNTERS);
        for (Encounter encounter : patient.encounters()) {
            writeEncounter(rows, patientId, encounter, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.CONDITIONS);
        for (ConditionEntry condition : patient.conditions()) {
            writeCondition(rows, patientId, condition, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.OBSERVATIONS);
        for (ObservationEntry observation : patient.observations()) {
            writeObservation(rows, patientId, encounterOf(observation), observation, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.MEDICATIONS);
        long recordEnd = Math.min(patient.endTime(), patient.deathTime());
        for (MedicationEntry medication : patient.medications()) {
            writeMedication(rows, patientId, medication, recordEnd, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.IMMUNIZATIONS);
        for (ImmunizationEntry immunization : patient.immunizations()) {
            writeImmunization(rows, patientId, immunization, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.PROCEDURES);
        for (ProcedureEntry procedure : patient.procedures()) {
            writeProcedure(rows, patientId, procedure, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.CAREPLANS);
        for (CarePlanEntry carePlan : patient.carePlans()) {
            writeCarePlan(rows, patientId, carePlan, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.ALLERGIES);
        for (AllergyEntry allergy : patient.allergies()) {
            writeAllergy(rows, patientId, allergy, scratch);
        }
        rows.drainInto(this, chunk);

        rows = new CsvRowBuffer(CsvTable.DEVICES);
        for (DeviceEntry device : patient.devices()) {
            writeDevice(rows, patientId, device, scratch);
        }
        rows.drainInto(this, chunk);
    }

    private static void writePatient(CsvRowBuffer rows, PatientRecord patient, StringBuilder scratch)
            throws IOException {
        Demographics d = patient.demographics();
        rows.field(d.id());
        rows.field(SyntheaValueFormat.appendDate(cleared(scratch), d.birthDate()));
        rows.field(patient.alive() ? "" : SyntheaValueFormat.appendDateOf(cleared(scratch), patient.deathTime()));
        rows.field(d.ssn()).field(d.driversLicense()).field(d.passport());
        rows.field(d.prefix()).field(d.firstName()).empty(1) // MIDDLE
                .field(d.lastName()).empty(1) // SUFFIX
                .field(d.maidenName());
        rows.field(d.maritalStatus() == null ? "" : d.maritalStatus().code());
        rows.field(d.race() == null ? "" : d.race().csvName());
        rows.field(d.hispanic() ? "hispanic" : "nonhispanic");
        rows.field(d.sex() == null ? "" : d.sex().letter());
        rows.field(d.birthPlace());
        Address a = d.address();
        if (a == null) {
            rows.empty(8);
        } else {
            rows.field(a.line()).field(a.city()).field(a.state()).field(a.county()).empty(1) // FIPS
                    .field(a.postalCode());
            // Synthea appends the doubles with StringBuilder.append(double), i.e. Double.toString.
            rows.field(Double.toString(a.latitude())).field(Double.toString(a.longitude()));
        }
        rows.field(ZERO_COST).field(ZERO_COST); // HEALTHCARE_EXPENSES, HEALTHCARE_COVERAGE
        rows.field(d.income());
        rows.endRow();
    }

    private static void writeEncounter(CsvRowBuffer rows, String patientId, Encounter encounter,
                                       StringBuilder scratch) throws IOException {
        rows.field(encounter.id());
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), encounter.start()));
        stopTimestamp(rows, encounter, scratch);
        rows.field(patientId);
        rows.empty(3); // ORGANIZATION, PROVIDER, PAYER
        rows.field(encounter.encounterClass() == null ? "" : encounter.encounterClass().moduleName());
        code(rows, encounter.code());
        rows.field(ZERO_COST).field(ZERO_COST).field(ZERO_COST); // BASE, TOTAL_CLAIM, PAYER_COVERAGE
        reason(rows, encounter.reason());
        rows.endRow();
    }

    private static void writeCondition(CsvRowBuffer rows, String patientId, ConditionEntry condition,
                                       StringBuilder scratch) throws IOException {
        datesAndOwners(rows, patientId, condition, scratch);
        rows.field(SyntheaValueFormat.systemName(condition.code().system()));
        code(rows, condition.code());
        rows.endRow();
    }

    /** One row for an observation with a value, one per component (recursively) for a panel. */
    private static void writeObservation(CsvRowBuffer rows, String patientId, String encounterId,
                                         ObservationEntry observation, StringBuilder scratch) throws IOException {
        Object value = observation.value();
        if (value == null) {
            for (ObservationEntry component : observation.components()) {
                writeObservation(rows, patientId, encounterId, component, scratch);
            }
            return;
        }
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), observation.start()));
        rows.field(patientId).field(encounterId);
        rows.field(observation.category());
        code(rows, observation.code());
        if (value instanceof Double number) {
            rows.field(SyntheaValueFormat.oneDecimal(number));
            rows.field(observation.unit()).field("numeric");
        } else if (value instanceof Code coded) {
            rows.field(coded.display());
            rows.field(observation.unit()).field("text");
        } else {
            rows.field((String) value);
            rows.field(observation.unit()).field("text");
        }
        rows.endRow();
    }

    private static void writeMedication(CsvRowBuffer rows, String patientId, MedicationEntry medication,
                                        long recordEnd, StringBuilder scratch) throws IOException {
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), medication.start()));
        stopTimestamp(rows, medication, scratch);
        rows.field(patientId);
        rows.empty(1); // PAYER
        rows.field(encounterOf(medication));
        code(rows, medication.code());
        rows.field(ZERO_COST).field(ZERO_COST); // BASE_COST, PAYER_COVERAGE
        long stop = medication.isOpen() ? recordEnd : medication.stop();
        rows.field(Math.max(1, (stop - medication.start()) / MONTH_MILLIS)); // DISPENSES
        rows.field(ZERO_COST); // TOTALCOST = dispenses × 0.00
        reason(rows, medication.reason());
        rows.endRow();
    }

    private static void writeImmunization(CsvRowBuffer rows, String patientId, ImmunizationEntry immunization,
                                          StringBuilder scratch) throws IOException {
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), immunization.start()));
        rows.field(patientId).field(encounterOf(immunization));
        code(rows, immunization.code());
        rows.field(ZERO_COST); // BASE_COST
        rows.endRow();
    }

    private static void writeProcedure(CsvRowBuffer rows, String patientId, ProcedureEntry procedure,
                                       StringBuilder scratch) throws IOException {
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), procedure.start()));
        stopTimestamp(rows, procedure, scratch);
        rows.field(patientId).field(encounterOf(procedure));
        rows.field(SyntheaValueFormat.systemName(procedure.code().system()));
        code(rows, procedure.code());
        rows.field(ZERO_COST); // BASE_COST
        reason(rows, procedure.reason());
        rows.endRow();
    }

    private static void writeCarePlan(CsvRowBuffer rows, String patientId, CarePlanEntry carePlan,
                                      StringBuilder scratch) throws IOException {
        rows.field(carePlan.id());
        datesAndOwners(rows, patientId, carePlan, scratch);
        code(rows, carePlan.code());
        reason(rows, carePlan.reason());
        rows.endRow();
    }

    private static void writeAllergy(CsvRowBuffer rows, String patientId, AllergyEntry allergy,
                                     StringBuilder scratch) throws IOException {
        datesAndOwners(rows, patientId, allergy, scratch);
        // Synthea's allergy columns put CODE before SYSTEM (unlike conditions and procedures).
        rows.field(allergy.code().code());
        rows.field(SyntheaValueFormat.systemName(allergy.code().system()));
        rows.field(allergy.code().display());
        rows.field(allergy.type()).field(allergy.category());
        rows.empty(6); // REACTION1, DESCRIPTION1, SEVERITY1, REACTION2, DESCRIPTION2, SEVERITY2
        rows.endRow();
    }

    private static void writeDevice(CsvRowBuffer rows, String patientId, DeviceEntry device, StringBuilder scratch)
            throws IOException {
        rows.field(SyntheaValueFormat.appendTimestamp(cleared(scratch), device.start()));
        stopTimestamp(rows, device, scratch);
        rows.field(patientId).field(encounterOf(device));
        code(rows, device.code());
        rows.empty(1); // UDI
        rows.endRow();
    }

    /** START and STOP as dates, then PATIENT and ENCOUNTER: the lead of several Synthea tables. */
    private static void datesAndOwners(CsvRowBuffer rows, String patientId, Entry entry, StringBuilder scratch)
            throws IOException {
        rows.field(SyntheaValueFormat.appendDateOf(cleared(scratch), entry.start()));
        rows.field(entry.isOpen() ? "" : SyntheaValueFormat.appendDateOf(cleared(scratch), entry.stop()));
        rows.field(patientId).field(encounterOf(entry));
    }

    private static void stopTimestamp(CsvRowBuffer rows, Entry entry, StringBuilder scratch) throws IOException {
        rows.field(entry.isOpen() ? "" : SyntheaValueFormat.appendTimestamp(cleared(scratch), entry.stop()));
    }

    /** CODE, DESCRIPTION. */
    private static void code(CsvRowBuffer rows, Code code) throws IOException {
        rows.field(code.code()).field(code.display());
    }

    /** REASONCODE, REASONDESCRIPTION; both empty without a reason. */
    private static void reason(CsvRowBuffer rows, Code reason) throws IOException {
        if (reason == null) {
            rows.empty(2);
        } else {
            code(rows, reason);
        }
    }

    private static String encounterOf(Entry entry) {
        String id = entry.encounterId();
        return id == null ? "" : id;
    }

    private static StringBuilder cleared(StringBuilder scratch) {
        scratch.setLength(0);
        return scratch;
    }
}
