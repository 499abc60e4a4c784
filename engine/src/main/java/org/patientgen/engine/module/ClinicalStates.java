package org.patientgen.engine.module;

import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.sim.Person;
import org.patientgen.engine.sim.VitalSign;

/** States that create, change or end health-record entries. */
final class ClinicalStates {
    private ClinicalStates() {
    }

    /** Resolves a {@code reason}: an attribute holding an entry or code, or a state that made one. */
    static Code reason(String reason, Person person, ModuleRun run) {
        if (reason == null) {
            return null;
        }
        Object held = person.attribute(reason);
        if (held instanceof Entry e) {
            return e.code();
        }
        if (held instanceof Code c) {
            return c;
        }
        Entry byState = run.entryMadeBy(reason);
        return byState == null ? null : byState.code();
    }

    /** How an "End" state finds what to end: an attribute, the state that started it, or codes. */
    record EndTarget(String attribute, String startState, List<Code> codes) {
        List<String> resolve(Person person, ModuleRun run) {
            List<String> result = new ArrayList<>();
            if (attribute != null) {
                Object held = person.attribute(attribute);
                if (held instanceof Entry e) {
                    result.add(e.code().code());
                } else if (held instanceof Code c) {
                    result.add(c.code());
                }
            }
            if (startState != null) {
                Entry e = run.entryMadeBy(startState);
                if (e != null) {
                    result.add(e.code().code());
                }
            }
            for (Code c : codes) {
                result.add(c.code());
            }
            return result;
        }
    }

    static final class EncounterState extends State {
        final boolean wellness;
        final EncounterClass encounterClass;
        final Code type;
        final String reason;

        EncounterState(String name, boolean wellness, EncounterClass encounterClass, Code type, String reason) {
            super(name);
            this.wellness = wellness;
            this.encounterClass = encounterClass;
            this.type = type;
            this.reason = reason;
        }

        @Override
        String typeName() {
            return "Encounter";
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Encounter encounter;
            if (wellness) {
                encounter = person.wellnessEncounter();
                if (encounter == null || encounter.start() != time || run.lastWellnessJoined() == encounter) {
                    run.waitForWellness();
                    return false;
                }
                run.joinWellness(encounter);
            } else {
                run.endCurrentEncounter(time);
                encounter = person.startEncounter(encounterClass, type, time, reason(reason, person, run));
                run.setCurrentEncounter(encounter);
            }
            run.diagnosePending(name, person, encounter, time);
            return true;
        }
    }

    static final class EncounterEnd extends State {
        final Code dischargeDisposition;

        EncounterEnd(String name, Code dischargeDisposition) {
            super(name);
            this.dischargeDisposition = dischargeDisposition;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Encounter current = run.currentEncounter();
            if (current != null && dischargeDisposition != null) {
                current.setDischargeDisposition(dischargeDisposition);
            }
            run.endCurrentEncounter(time);
            return true;
        }
    }

    /** ConditionOnset and AllergyOnset: recorded now, or when the target encounter happens. */
    static final class Onset extends State {
        final boolean allergy;
        final Code code;
        final String targetEncounter;
        final String assignTo;
        final String allergyType;
        final String allergyCategory;

        Onset(String name, boolean allergy, Code code, String targetEncounter, String assignTo,
              String allergyType, String allergyCategory) {
            super(name);
            this.allergy = allergy;
            this.code = code;
            this.targetEncounter = targetEncounter;
            this.assignTo = assignTo;
            this.allergyType = allergyType;
            this.allergyCategory = allergyCategory;
        }

        @Override
        String typeName() {
            return allergy ? "AllergyOnset" : "ConditionOnset";
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Encounter encounter = run.encounterFor(targetEncounter);
            if (targetEncounter != null && encounter == null) {
                run.addPending(targetEncounter, this);
                if (assignTo != null) {
                    person.setAttribute(assignTo, code);
                }
            } else {
                diagnose(person, run, encounter, time);
            }
            return true;
        }

        void diagnose(Person person, ModuleRun run, Encounter encounter, long time) {
            Entry entry = allergy
                    ? person.onsetAllergy(code, time, encounter, allergyType, allergyCategory)
                    : person.onsetCondition(code, time, encounter);
            remember(person, run, entry, assignTo);
        }
    }

    /** ConditionEnd, AllergyEnd, MedicationEnd, CarePlanEnd, DeviceEnd. */
    static final class End extends State {
        enum Kind { CONDITION, ALLERGY, MEDICATION, CARE_PLAN, DEVICE }

        final Kind kind;
        final EndTarget target;

        End(String name, Kind kind, EndTarget target) {
            super(name);
            this.kind = kind;
            this.target = target;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            for (String code : target.resolve(person, run)) {
                switch (kind) {
                    case CONDITION -> person.endCondition(code, time);
                    case ALLERGY -> person.endAllergy(code, time);
                    case MEDICATION -> person.endMedication(code, time);
                    case CARE_PLAN -> person.endCarePlan(code, time);
                    case DEVICE -> person.endDevice(code, time);
                }
            }
            return true;
        }
    }

    static final class MedicationOrder extends State {
        final Code code;
        final String reason;
        final String assignTo;
        final boolean chronic;

        MedicationOrder(String name, Code code, String reason, String assignTo, boolean chronic) {
            super(name);
            this.code = code;
            this.reason = reason;
            this.assignTo = assignTo;
            this.chronic = chronic;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Entry entry = person.orderMedication(code, time, run.activeEncounter(person), reason(reason, person, run),
                    chronic);
            remember(person, run, entry, assignTo);
            return true;
        }
    }

    static final class CarePlanStart extends State {
        final Code code;
        final List<Code> activities;
        final String reason;
        final String assignTo;

        CarePlanStart(String name, Code code, List<Code> activities, String reason, String assignTo) {
            super(name);
            this.code = code;
            this.activities = activities;
            this.reason = reason;
            this.assignTo = assignTo;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Entry entry = person.startCarePlan(code, time, run.activeEncounter(person), activities,
                    reason(reason, person, run));
            remember(person, run, entry, assignTo);
            return true;
        }
    }

    /** Procedure, and ImagingStudy (recorded as the imaging procedure it is). */
    static final class Procedure extends State {
        final Code code;
        final String reason;
        final State.Duration duration;
        final String assignTo;

        Procedure(String name, Code code, String reason, State.Duration duration, String assignTo) {
            super(name);
            this.code = code;
            this.reason = reason;
            this.duration = duration;
            this.assignTo = assignTo;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            long stop = time + (duration == null ? 15 * 60_000L : duration.sampleMillis(person));
            Entry entry = person.recordProcedure(code, time, stop, run.activeEncounter(person),
                    reason(reason, person, run));
            remember(person, run, entry, assignTo);
            return true;
        }
    }

    static final class Device extends State {
        final Code code;
        final String assignTo;

        Device(String name, Code code, String assignTo) {
            super(name);
            this.code = code;
            this.assignTo = assignTo;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Entry entry = person.startDevice(code, time, run.activeEncounter(person));
            remember(person, run, entry, assignTo);
            return true;
        }
    }

    /** One observation definition (an Observation state, or one part of a panel). */
    record ObservationSpec(Code code, String category, String unit, ValueSource value) {
        ObservationEntry build(Person person, Encounter encounter, long time) {
            return person.component(code, category, time, encounter, value.sample(person, time), unit);
        }
    }

    static final class Observation extends State {
        final ObservationSpec spec;
        final String assignTo;

        Observation(String name, ObservationSpec spec, String assignTo) {
            super(name);
            this.spec = spec;
            this.assignTo = assignTo;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Object value = spec.value().sample(person, time);
            Entry entry = person.recordObservation(spec.code(), spec.category(), time, run.activeEncounter(person),
                    value, value instanceof Double ? spec.unit() : null, null);
            remember(person, run, entry, assignTo);
            return true;
        }
    }

    /**
     * MultiObservation: one panel observation with its parts as components. DiagnosticReport:
     * its parts recorded as individual observations (so conditions can read each result).
     */
    static final class Panel extends State {
        final boolean asComponents;
        final ObservationSpec panel;
        final List<ObservationSpec> parts;

        Panel(String name, boolean asComponents, ObservationSpec panel, List<ObservationSpec> parts) {
            super(name);
            this.asComponents = asComponents;
            this.panel = panel;
            this.parts = parts;
        }

        @Override
        String typeName() {
            return asComponents ? "MultiObservation" : "DiagnosticReport";
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Encounter encounter = run.activeEncounter(person);
            if (asComponents) {
                List<ObservationEntry> components = new ArrayList<>(parts.size());
                for (ObservationSpec part : parts) {
                    components.add(part.build(person, encounter, time));
                }
                run.rememberEntry(name, person.recordObservation(panel.code(), panel.category(), time, encounter,
                        null, null, components));
            } else {
                for (ObservationSpec part : parts) {
                    Object value = part.value().sample(person, time);
                    person.recordObservation(part.code(), part.category(), time, encounter, value,
                            value instanceof Double ? part.unit() : null, null);
                }
            }
            return true;
        }
    }

    static final class VitalSignState extends State {
        final VitalSign sign;
        final ValueSource value;

        VitalSignState(String name, VitalSign sign, ValueSource value) {
            super(name);
            this.sign = sign;
            this.value = value;
        }

        @Override
        String typeName() {
            return "VitalSign";
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            if (value.sample(person, time) instanceof Double d) {
                person.setVital(sign, d);
            }
            return true;
        }
    }

    static final class Symptom extends State {
        final String symptom;
        final String cause;
        final double probability;
        final ValueSource value;

        Symptom(String name, String symptom, String cause, double probability, ValueSource value) {
            super(name);
            this.symptom = symptom;
            this.cause = cause;
            this.probability = probability;
            this.value = value;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            if (probability >= 1 || person.random().nextDouble() < probability) {
                if (value.sample(person, time) instanceof Double d) {
                    person.setSymptom(symptom, cause == null ? run.moduleName() : cause, d);
                }
            }
            return true;
        }
    }

    /** Death, now or after a delay, with a cause from codes or a referenced condition. */
    static final class Death extends State {
        final Code cause;
        final String causeReference;
        final State.Duration delay;

        Death(String name, Code cause, String causeReference, State.Duration delay) {
            super(name);
            this.cause = cause;
            this.causeReference = causeReference;
            this.delay = delay;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            Code reason = cause != null ? cause : reason(causeReference, person, run);
            person.die(time + (delay == null ? 0 : delay.sampleMillis(person)), reason);
            return true;
        }
    }

    /** Vaccine: an immunization given now, in the module's encounter (or the wellness visit it joined). */
    static final class Vaccine extends State {
        final Code code;

        Vaccine(String name, Code code) {
            super(name);
            this.code = code;
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            run.rememberEntry(name, person.recordImmunization(code, time, run.activeEncounter(person)));
            return true;
        }
    }

    /** SupplyList: supplies are not modelled in the record; the state passes through. */
    static final class SupplyList extends State {
        SupplyList(String name) {
            super(name);
        }

        @Override
        boolean process(Person person, ModuleRun run, long time) {
            return true;
        }
    }
}
