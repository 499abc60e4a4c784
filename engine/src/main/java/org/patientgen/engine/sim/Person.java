package org.patientgen.engine.sim;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.ProcedureEntry;

/**
 * The mutable state of one patient while being simulated: attributes, vital signs, symptoms,
 * what is active, and the growing health record. Owned by exactly one thread for the patient's
 * whole simulation; all randomness comes from the patient's own stream.
 *
 * <p>Every mutation that a module condition could observe bumps {@link #version()}, which is how
 * the event-driven simulator knows to re-check waiting Guards.
 */
public final class Person {
    public static final long MILLIS_PER_DAY = 86_400_000L;
    public static final long MILLIS_PER_YEAR = 31_556_952_000L; // 365.2425 days

    private final Demographics demographics;
    private final SplittableRandom random;
    private final IdSource ids;
    private final long birthTime;
    /** {@code birthdays[k]}: first instant of age k (index 0 = birth), for ages 0–130. */
    private final long[] birthdays;
    /** The last age computed and the instants it holds for: [from, until). */
    private int cachedAge;
    private long cachedAgeFrom = Long.MAX_VALUE;
    private long cachedAgeUntil = Long.MIN_VALUE;
    private final Map<String, Object> attributes = new HashMap<>();
    private final EnumMap<VitalSign, Double> vitals = new EnumMap<>(VitalSign.class);
    private final Map<String, Map<String, Double>> symptoms = new HashMap<>();

    private final Map<String, ObservationEntry> latestObservations = new HashMap<>();

    final ActiveEntries<ConditionEntry> conditions = new ActiveEntries<>();
    final ActiveEntries<AllergyEntry> allergies = new ActiveEntries<>();
    final ActiveEntries<MedicationEntry> medications = new ActiveEntries<>();
    final ActiveEntries<CarePlanEntry> carePlans = new ActiveEntries<>();
    final ActiveEntries<DeviceEntry> devices = new ActiveEntries<>();
    final List<Encounter> encounters = new ArrayList<>();
    final List<ObservationEntry> observations = new ArrayList<>();
    final List<ProcedureEntry> procedures = new ArrayList<>();
    final List<ImmunizationEntry> immunizations = new ArrayList<>();

    private long version;
    private long deathTime = Entry.OPEN;
    private long deathAllowedFrom = Long.MIN_VALUE;
    private long deathAllowedUntil = Long.MAX_VALUE;
    private Code causeOfDeath;
    /** The wellness encounter in progress (modules waiting for wellness join it), or null. */
    private Encounter wellnessEncounter;

    public Person(Demographics demographics, SplittableRandom random, IdSource ids) {
        this.demographics = demographics;
        this.random = random;
        this.ids = ids;
        this.birthTime = demographics.birthDate().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        this.birthdays = new long[131];
        for (int k = 0; k < birthdays.length; k++) {
            birthdays[k] = timeAtAgeIn(k, java.time.temporal.ChronoUnit.YEARS);
        }
    }

    public Demographics demographics() {
        return demographics;
    }

    public SplittableRandom random() {
        return random;
    }

    public IdSource ids() {
        return ids;
    }

    public long birthTime() {
        return birthTime;
    }

    /** Incremented on every change a module condition could read. */
    public long version() {
        return version;
    }

    void touch() {
        version++;
    }

    // ---- age -----------------------------------------------------------------------------

    /** Whole years of age at {@code time} (calendar birthdays). */
    public int ageYears(long time) {
        return (int) ageIn(time, java.time.temporal.ChronoUnit.YEARS);
    }

    /** Whole months of age at {@code time}. */
    public long ageMonths(long time) {
        return ageIn(time, java.time.temporal.ChronoUnit.MONTHS);
    }

    /** Whole calendar units of age (years, months, weeks, days…) at {@code time}. */
    public long ageIn(long time, java.time.temporal.ChronoUnit unit) {
        if (time <= birthTime) {
            return 0;
        }
        switch (unit) {
            case YEARS:
                return ageYearsFast(time);
            case DAYS:
                return Math.floorDiv(time, MILLIS_PER_DAY) - demographics.birthDate().toEpochDay();
            case WEEKS:
                return (Math.floorDiv(time, MILLIS_PER_DAY) - demographics.birthDate().toEpochDay()) / 7;
            default:
                break;
        }
        if (!unit.isDateBased()) {
            return (time - birthTime) / unit.getDuration().toMillis();
        }
        LocalDate now = LocalDate.ofEpochDay(Math.floorDiv(time, MILLIS_PER_DAY));
        return unit.between(demographics.birthDate(), now);
    }

    /**
     * Whole years by binary search over precomputed birthdays: age is read by every Age condition
     * and birthday, and calendar arithmetic was the simulator's hottest spot.
     */
    private int ageYearsFast(long time) {
        // simulation time moves forward, so the last answer is almost always still right
        if (time >= cachedAgeFrom && time < cachedAgeUntil) {
            return cachedAge;
        }
        long[] b = birthdays;
        if (time >= b[b.length - 1]) {
            return (int) unitBetween(time);
        }
        int lo = 0;
        int hi = b.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (b[mid] <= time) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        cachedAge = lo;
        cachedAgeFrom = b[lo];
        cachedAgeUntil = b[lo + 1];
        return lo;
    }

    private long unitBetween(long time) {
        LocalDate now = LocalDate.ofEpochDay(Math.floorDiv(time, MILLIS_PER_DAY));
        return java.time.temporal.ChronoUnit.YEARS.between(demographics.birthDate(), now);
    }

    /** The first instant at which {@link #ageIn} reaches {@code amount} units (Feb 29 birthdays: Mar 1). */
    public long timeAtAgeIn(long amount, java.time.temporal.ChronoUnit unit) {
        if (!unit.isDateBased()) {
            return birthTime + amount * unit.getDuration().toMillis();
        }
        LocalDate birth = demographics.birthDate();
        LocalDate date = birth.plus(amount, unit);
        if (unit.between(birth, date) < amount) {
            date = date.plusDays(1);
        }
        return date.toEpochDay() * MILLIS_PER_DAY;
    }

    /** Exact age in fractional years (for growth curves and risk interpolation). */
    public double ageYearsExact(long time) {
        return (time - birthTime) / (double) MILLIS_PER_YEAR;
    }

    /** Epoch millis when the patient reaches {@code years} years of age (a calendar birthday). */
    public long timeAtAge(int years) {
        if (years >= 0 && years < birthdays.length) {
            return birthdays[years];
        }
        return timeAtAgeIn(years, java.time.temporal.ChronoUnit.YEARS);
    }

    // ---- attributes, vitals, symptoms ------------------------------------------------------

    public Object attribute(String name) {
        return attributes.get(name);
    }

    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        touch();
    }

    public Double vital(VitalSign sign) {
        return vitals.get(sign);
    }

    public void setVital(VitalSign sign, double value) {
        Double old = vitals.put(sign, value);
        if (old == null || old != value) {
            touch();
        }
    }

    /** The highest severity any cause has given this symptom (0 when absent). */
    public double symptom(String name) {
        Map<String, Double> causes = symptoms.get(name);
        if (causes == null) {
            return 0;
        }
        double max = 0;
        for (double v : causes.values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    public void setSymptom(String name, String cause, double value) {
        symptoms.computeIfAbsent(name, k -> new HashMap<>()).put(cause, value);
        touch();
    }

    // ---- active things ---------------------------------------------------------------------

    public boolean hasActiveCondition(String code) {
        return conditions.isActive(code);
    }

    public boolean hasActiveMedication(String code) {
        return medications.isActive(code);
    }

    public boolean hasActiveCarePlan(String code) {
        return carePlans.isActive(code);
    }

    public boolean hasActiveAllergy(String code) {
        return allergies.isActive(code);
    }

    public ObservationEntry latestObservation(String code) {
        return latestObservations.get(code);
    }

    public Encounter wellnessEncounter() {
        return wellnessEncounter;
    }

    void setWellnessEncounter(Encounter encounter) {
        this.wellnessEncounter = encounter;
    }

    // ---- recording ---------------------------------------------------------------------------

    public Encounter startEncounter(EncounterClass cls, Code type, long time, Code reason) {
        Encounter e = new Encounter(ids.next(), cls, type, time, reason);
        encounters.add(e);
        touch();
        return e;
    }

    /** Records (diagnoses) a condition; an already active condition with the same code is reused. */
    public ConditionEntry onsetCondition(Code code, long time, Encounter encounter) {
        return started(conditions.startIfAbsent(code.code(),
                c -> new ConditionEntry(ids.next(), code, time, encounterId(encounter))), time);
    }

    public void endCondition(String code, long time) {
        ended(conditions.end(code, time));
    }

    public AllergyEntry onsetAllergy(Code code, long time, Encounter encounter, String type, String category) {
        return started(allergies.startIfAbsent(code.code(),
                c -> new AllergyEntry(ids.next(), code, time, encounterId(encounter), type, category)), time);
    }

    public void endAllergy(String code, long time) {
        ended(allergies.end(code, time));
    }

    public MedicationEntry orderMedication(Code code, long time, Encounter encounter, Code reason, boolean chronic) {
        return started(medications.startIfAbsent(code.code(),
                c -> new MedicationEntry(ids.next(), code, time, encounterId(encounter), reason, chronic)), time);
    }

    public void endMedication(String code, long time) {
        ended(medications.end(code, time));
    }

    public CarePlanEntry startCarePlan(Code code, long time, Encounter encounter, List<Code> activities, Code reason) {
        return started(carePlans.startIfAbsent(code.code(),
                c -> new CarePlanEntry(ids.next(), code, time, encounterId(encounter), activities, reason)), time);
    }

    public void endCarePlan(String code, long time) {
        ended(carePlans.end(code, time));
    }

    public DeviceEntry startDevice(Code code, long time, Encounter encounter) {
        return started(devices.startIfAbsent(code.code(),
                c -> new DeviceEntry(ids.next(), code, time, encounterId(encounter))), time);
    }

    public void endDevice(String code, long time) {
        ended(devices.end(code, time));
    }

    /** Bumps the version when {@code entry} was just started (not an already active one reused). */
    private <T extends Entry> T started(T entry, long time) {
        if (entry.start() == time) {
            touch();
        }
        return entry;
    }

    private void ended(boolean changed) {
        if (changed) {
            touch();
        }
    }

    public ProcedureEntry recordProcedure(Code code, long start, long stop, Encounter encounter, Code reason) {
        ProcedureEntry p = new ProcedureEntry(ids.next(), code, start, stop, encounterId(encounter), reason);
        procedures.add(p);
        touch();
        return p;
    }

    public ImmunizationEntry recordImmunization(Code code, long time, Encounter encounter) {
        ImmunizationEntry i = new ImmunizationEntry(ids.next(), code, time, encounterId(encounter));
        immunizations.add(i);
        return i;
    }

    /** Records an observation (value Double, Code or String; or components for a panel). */
    public ObservationEntry recordObservation(Code code, String category, long time, Encounter encounter,
                                              Object value, String unit, List<ObservationEntry> components) {
        ObservationEntry o = new ObservationEntry(ids.next(), code, category, time, encounterId(encounter),
                value, unit, components);
        observations.add(o);
        latestObservations.put(code.code(), o);
        for (ObservationEntry part : o.components()) {
            latestObservations.put(part.code().code(), part);
        }
        touch();
        return o;
    }

    /** Builds an observation to use as a panel component (not recorded on its own). */
    public ObservationEntry component(Code code, String category, long time, Encounter encounter, Object value,
                                      String unit) {
        return new ObservationEntry(ids.next(), code, category, time, encounterId(encounter), value, unit, null);
    }

    // ---- death ---------------------------------------------------------------------------------

    public boolean isAlive(long time) {
        return time < deathTime;
    }

    public long deathTime() {
        return deathTime;
    }

    public Code causeOfDeath() {
        return causeOfDeath;
    }

    /**
     * Restricts deaths to [from, until): patients are sampled as alive at the start of the history
     * window, and a death scheduled after the end date happens outside the simulation.
     */
    void setDeathWindow(long from, long until) {
        this.deathAllowedFrom = from;
        this.deathAllowedUntil = until;
    }

    /**
     * Records death at {@code time}; an earlier recorded death wins. Deaths outside the death
     * window are not recorded: before it the patient is known to survive, after it is the future.
     */
    public void die(long time, Code cause) {
        if (time < deathAllowedFrom || time >= deathAllowedUntil) {
            return;
        }
        if (time < deathTime) {
            deathTime = time;
            causeOfDeath = cause;
            touch();
        }
    }

    private static String encounterId(Encounter encounter) {
        return encounter == null ? null : encounter.id();
    }
}
