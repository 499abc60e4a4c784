package org.patientgen.engine.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Education;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.ProcedureEntry;
import org.patientgen.engine.module.Attributes;
import org.patientgen.engine.module.Module;
import org.patientgen.engine.module.ModuleRun;
import org.patientgen.engine.reference.CauseOfDeathShares;
import org.patientgen.engine.reference.LifeTable;

/**
 * Simulates patients one at a time, event by event: each patient's life is a priority queue of
 * timed events (birthdays, wellness visits, emergency visits, module wake-ups) and the simulator
 * jumps from one to the next instead of stepping through fixed weeks. Modules waiting on a Guard
 * are re-checked only when the person changed or a time threshold their condition reads passes.
 *
 * <p>Thread-safe: {@link #simulate} keeps all state on the stack, and all randomness of patient
 * {@code i} comes from a stream seeded by {@code (seed, i)}, so any patient can be regenerated
 * alone and the output does not depend on how many threads run.
 */
public final class Simulator {
    private static final int MAX_GUARD_ROUNDS = 1_000;
    /** A lifetime has a few thousand events; far more means a module loops on a tiny delay. */
    private static final long MAX_EVENTS_PER_PATIENT = 2_000_000;

    private final SimulationConfig config;
    private final DemographicsSampler demographics;
    private final long endTime;
    private final long windowStart;
    /** Modules that simulate causes of death the life table also counts. */
    private final List<String> modelledCauses;

    public Simulator(SimulationConfig config) {
        this.config = config;
        this.demographics = new DemographicsSampler(config.state(), config.endDate(), config.yearsOfHistory());
        this.modelledCauses = config.modules().topLevel().stream().map(Module::key).toList();
        this.endTime = config.endDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        this.windowStart = config.yearsOfHistory() == 0 ? Long.MIN_VALUE
                : config.endDate().minusYears(config.yearsOfHistory()).atStartOfDay().toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    public SimulationConfig config() {
        return config;
    }

    /** The random stream of patient {@code index}: a pure function of (seed, index). */
    static SplittableRandom randomFor(long seed, long index) {
        return new SplittableRandom(IdSource.mix(seed ^ IdSource.mix(index + 0x632BE59BD9B4E019L)));
    }

    private enum Kind { BIRTHDAY, WELLNESS, EMERGENCY, MODULE }

    private record Event(long time, long sequence, Kind kind, ModuleRun run) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /** Simulates patient {@code index} from birth to the end date or death. */
    public PatientRecord simulate(long index) {
        SplittableRandom random = randomFor(config.seed(), index);
        IdSource ids = new IdSource(config.seed(), index);
        Person person = new Person(demographics.sample(random, ids), random, ids);
        return new Life(person, random).live(index);
    }

    /** The mutable state of one simulation run. */
    private final class Life {
        private final Person person;
        private final SplittableRandom random;
        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private final List<ModuleRun> runs = new ArrayList<>();
        private final BodyModel body;
        private final SmokingHistory smoking;
        private final CareModel care = new CareModel();
        private long sequence;
        /** The age the next BIRTHDAY event celebrates (counted, not derived: Feb 29 birthdays). */
        private int nextBirthdayAge = 1;
        /** How many runs wait on a Guard (skips re-checking when none does). */
        private int guardWaiters;

        Life(Person person, SplittableRandom random) {
            this.person = person;
            this.random = random;
            this.body = new BodyModel(person.demographics().sex(), random);
            this.smoking = SmokingHistory.draw(person.demographics().sex(), person.ageYears(endTime), random);
        }

        PatientRecord live(long index) {
            long birth = person.birthTime();
            person.setDeathWindow(windowStart, endTime);
            initialiseAttributes(birth);
            body.update(person, birth);
            scheduleBackgroundDeath();
            schedule(person.timeAtAge(1), Kind.BIRTHDAY, null);
            schedule(care.firstWellness(person, random), Kind.WELLNESS, null);
            schedule(CareModel.nextEmergency(person, Math.max(birth, windowStart), random), Kind.EMERGENCY, null);
            for (Module m : config.modules().topLevel()) {
                ModuleRun run = new ModuleRun(config.modules(), m, birth);
                runs.add(run);
                advance(run, birth);
            }
            recheckGuards(birth);

            long events = 0;
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                if (++events > MAX_EVENTS_PER_PATIENT) {
                    throw new IllegalStateException("patient " + index + ": more than " + MAX_EVENTS_PER_PATIENT
                            + " events" + (e.run() == null ? "" : "; module " + e.run().module().key()
                            + " keeps waking (a loop with a very short Delay?)"));
                }
                long stop = Math.min(endTime, person.deathTime());
                if (e.time() >= stop) {
                    break;
                }
                long before = person.version();
                switch (e.kind()) {
                    case BIRTHDAY -> birthday(e.time());
                    case WELLNESS -> wellness(e.time());
                    case EMERGENCY -> emergency(e.time());
                    case MODULE -> {
                        if (e.run().wakeTime() == e.time()) {
                            advance(e.run(), e.time());
                        }
                    }
                }
                if (person.version() != before) {
                    recheckGuards(e.time());
                }
            }
            return finish(index);
        }

        private void schedule(long time, Kind kind, ModuleRun run) {
            queue.add(new Event(time, sequence++, kind, run));
        }

        private void initialiseAttributes(long time) {
            var d = person.demographics();
            person.setAttribute(Attributes.INCOME, (double) d.income());
            person.setAttribute(Attributes.EDUCATION, d.education().attributeValue());
            person.setAttribute(Attributes.SES_CATEGORY, socioeconomicCategory(d.income(), d.education()));
            person.setAttribute(Attributes.SMOKER, false);
            person.setAttribute(Attributes.EVER_SMOKER, false);
        }

        /**
         * Life-table mortality, applied inside the history window (patients are alive at its
         * start), less the share of deaths from causes the loaded modules simulate themselves.
         */
        private void scheduleBackgroundDeath() {
            LifeTable table = LifeTable.get();
            CauseOfDeathShares causes = CauseOfDeathShares.get();
            var sex = person.demographics().sex();
            long from = Math.max(person.birthTime(), windowStart);
            int age = person.ageYears(from);
            long yearStart = from;
            while (yearStart < endTime) {
                long nextBirthday = person.timeAtAge(age + 1);
                double fraction = (nextBirthday - yearStart) / (double) (nextBirthday - person.timeAtAge(age));
                double background = table.qx(sex, age) * (1 - causes.modelledShare(sex, age, modelledCauses));
                double q = 1 - Math.pow(1 - background, fraction);
                if (random.nextDouble() < q) {
                    person.die(yearStart + (long) (random.nextDouble() * (nextBirthday - yearStart)), null);
                    return;
                }
                yearStart = nextBirthday;
                age++;
            }
        }

        private void birthday(long time) {
            int age = nextBirthdayAge++;
            body.drift(random);
            body.update(person, time);
            boolean smokes = smoking.smokesAt(age);
            if (!Boolean.valueOf(smokes).equals(person.attribute(Attributes.SMOKER))) {
                person.setAttribute(Attributes.SMOKER, smokes);
            }
            if (smoking.everSmokedBy(age) && !Boolean.TRUE.equals(person.attribute(Attributes.EVER_SMOKER))) {
                person.setAttribute(Attributes.EVER_SMOKER, true);
            }
            schedule(person.timeAtAge(nextBirthdayAge), Kind.BIRTHDAY, null);
        }

        private void wellness(long time) {
            body.update(person, time);
            Encounter visit = care.startWellnessVisit(person, time, random,
                    (Boolean) person.attribute(Attributes.SMOKER),
                    Boolean.TRUE.equals(person.attribute(Attributes.EVER_SMOKER)));
            person.setWellnessEncounter(visit);
            for (ModuleRun run : runs) {
                if (run.waitKind() == ModuleRun.Wait.WELLNESS) {
                    advance(run, time);
                }
            }
            recheckGuards(time);
            visit.end(time + (15 + random.nextInt(31)) * 60_000L);
            person.setWellnessEncounter(null);
            schedule(care.nextWellness(person, time, random), Kind.WELLNESS, null);
        }

        private void emergency(long time) {
            CareModel.emergencyVisit(person, time, random);
            schedule(CareModel.nextEmergency(person, time, random), Kind.EMERGENCY, null);
        }

        private void advance(ModuleRun run, long time) {
            if (run.waitKind() == ModuleRun.Wait.CHANGE) {
                guardWaiters--;
            }
            run.advance(person, time);
            if (run.waitKind() == ModuleRun.Wait.CHANGE) {
                guardWaiters++;
            }
            if ((run.waitKind() == ModuleRun.Wait.UNTIL || run.waitKind() == ModuleRun.Wait.CHANGE)
                    && run.wakeTime() != Long.MAX_VALUE) {
                schedule(run.wakeTime(), Kind.MODULE, run);
            }
        }

        /** Re-runs Guards whose person changed since they last failed, until nothing changes. */
        private void recheckGuards(long time) {
            if (guardWaiters == 0) {
                return;
            }
            for (int round = 0; round < MAX_GUARD_ROUNDS; round++) {
                boolean progressed = false;
                for (ModuleRun run : runs) {
                    if (run.waitKind() == ModuleRun.Wait.CHANGE && run.seenVersion() != person.version()) {
                        advance(run, time);
                        progressed = true;
                    }
                }
                if (!progressed) {
                    return;
                }
            }
            throw new IllegalStateException("guards keep changing the patient at one instant; check modules for a "
                    + "Guard loop that sets attributes");
        }

        private PatientRecord finish(long index) {
            long death = person.deathTime();
            long end = Math.min(endTime, death);
            if (death != Entry.OPEN) {
                CareModel.certifyDeath(person, death);
                // treatment stops at death
                person.medications.all().stream().filter(Entry::isOpen).forEach(m -> m.end(death));
                person.carePlans.all().stream().filter(Entry::isOpen).forEach(c -> c.end(death));
                person.devices.all().stream().filter(Entry::isOpen).forEach(d -> d.end(death));
            }
            person.encounters.stream().filter(Entry::isOpen).forEach(e -> e.end(end));
            // entries made at the instant of death (the fatal event, the certificate) are kept
            Predicate<Entry> inWindow = e -> e.stop() >= windowStart && e.start() <= end;
            Predicate<Entry> pointInWindow = e -> e.start() >= windowStart && e.start() <= end;
            List<ConditionEntry> conditions = filter(person.conditions.all(), inWindow);
            List<AllergyEntry> allergies = filter(person.allergies.all(), inWindow);
            List<MedicationEntry> medications = filter(person.medications.all(), inWindow);
            List<ObservationEntry> observations = filter(person.observations, pointInWindow);
            List<ProcedureEntry> procedures = filter(person.procedures, pointInWindow);
            List<ImmunizationEntry> immunizations = filter(person.immunizations,
                    pointInWindow);
            List<CarePlanEntry> carePlans = filter(person.carePlans.all(), inWindow);
            List<DeviceEntry> devices = filter(person.devices.all(), inWindow);
            // keep every encounter in the window, and older ones that kept entries were recorded in
            Set<String> referenced = new HashSet<>();
            for (List<? extends Entry> list : List.of(conditions, allergies, medications, carePlans, devices)) {
                for (Entry e : list) {
                    if (e.encounterId() != null && e.start() < windowStart) {
                        referenced.add(e.encounterId());
                    }
                }
            }
            List<Encounter> encounters = filter(person.encounters,
                    e -> e.start() <= end && (e.start() >= windowStart || referenced.contains(e.id())));
            return new PatientRecord(index, person.demographics(), death, person.causeOfDeath(), endTime,
                    encounters, conditions, allergies, medications, observations, procedures, immunizations,
                    carePlans, devices);
        }
    }

    private static <T extends Entry> List<T> filter(List<T> entries, Predicate<Entry> keep) {
        List<T> result = new ArrayList<>(entries.size());
        for (T e : entries) {
            if (keep.test(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * Socioeconomic category from income and education, as the GMF "Socioeconomic Status"
     * condition reads it: a simple score (income rank plus education) split at fixed points.
     */
    static String socioeconomicCategory(int income, Education education) {
        double score = Math.min(1, income / 150_000.0) * 0.6 + education.ordinal() / 3.0 * 0.4;
        return score < 0.3 ? "Low" : score < 0.6 ? "Middle" : "High";
    }
}
