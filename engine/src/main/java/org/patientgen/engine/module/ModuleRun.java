package org.patientgen.engine.module;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.sim.Person;

/**
 * One module running for one person: where the state machine is, what it remembers (state
 * visits, entries it made, diagnoses waiting for an encounter), and what it waits for. The
 * simulator calls {@link #advance} at the instants the run asked to be woken.
 */
public final class ModuleRun {
    /** What a blocked run waits for. */
    public enum Wait { NONE, UNTIL, CHANGE, WELLNESS, FINISHED }

    /** Runaway protection: a module that takes this many steps at one instant has a loop with no wait. */
    private static final int MAX_STEPS_PER_INSTANT = 10_000;
    private static final long DEFAULT_VISIT_MILLIS = 15 * 60_000L;

    private static final class Frame {
        final Module module;
        State state;
        long entered;
        long deadline = Long.MIN_VALUE;
        boolean returnedFromCall;

        Frame(Module module, State state, long entered) {
            this.module = module;
            this.state = state;
            this.entered = entered;
        }
    }

    private final ModuleLibrary library;
    private final Module module;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, StateVisit> visits = new HashMap<>();
    private final Map<String, Entry> entriesByState = new HashMap<>();
    private final Map<String, List<ClinicalStates.Onset>> pendingDiagnoses = new HashMap<>();

    private Encounter currentEncounter;
    private String currentEncounterState;
    private Encounter joinedWellness;
    private String joinedWellnessState;

    private Wait wait = Wait.NONE;
    private long wakeTime = Long.MAX_VALUE;
    private long seenVersion;

    public ModuleRun(ModuleLibrary library, Module module, long startTime) {
        this.library = library;
        this.module = module;
        frames.push(new Frame(module, module.initial(), startTime));
    }

    public Module module() {
        return module;
    }

    String moduleName() {
        return module.name();
    }

    public Wait waitKind() {
        return wait;
    }

    /** For UNTIL and CHANGE waits: when to run again even if nothing changes (MAX_VALUE = never). */
    public long wakeTime() {
        return wakeTime;
    }

    /** For CHANGE waits: the person's version when the guard last failed. */
    public long seenVersion() {
        return seenVersion;
    }

    /**
     * Processes states at {@code time} until the module must wait or ends.
     *
     * @throws IllegalStateException naming the module and state if the module loops without waiting
     */
    public void advance(Person person, long time) {
        if (wait == Wait.FINISHED) {
            return;
        }
        int steps = 0;
        while (true) {
            if (!person.isAlive(time)) {
                finish(time); // nothing happens to the dead, whatever states follow a Death
                return;
            }
            Frame frame = frames.peek();
            State state = frame.state;
            wait = Wait.NONE;
            wakeTime = Long.MAX_VALUE;
            boolean done = state.process(person, this, time);
            if (!done) {
                if (wait == Wait.NONE) {
                    continue; // a submodule was pushed; run it now
                }
                onBlocked(time);
                return;
            }
            visits.put(state.name, new StateVisit(frame.entered, time));
            String next;
            if (state.isTerminal()) {
                if (frames.size() == 1) {
                    finish(time);
                    return;
                }
                frames.pop();
                frames.peek().returnedFromCall = true;
                continue;
            }
            next = state.transition == null ? null : state.transition.next(person, this, time);
            if (next == null) {
                finish(time);
                return;
            }
            frame.state = frame.module.state(next);
            frame.entered = time;
            frame.deadline = Long.MIN_VALUE;
            if (++steps > MAX_STEPS_PER_INSTANT) {
                throw new IllegalStateException("module " + frame.module.key() + " passed " + MAX_STEPS_PER_INSTANT
                        + " states without waiting (last: '" + state.name + "' -> '" + next
                        + "'); add a Delay or Guard to the loop");
            }
        }
    }

    private void finish(long time) {
        endCurrentEncounter(time);
        wait = Wait.FINISHED;
        wakeTime = Long.MAX_VALUE;
        frames.clear();
    }

    /** Ends the module's own non-inpatient encounter when it waits longer than a visit lasts. */
    private void onBlocked(long time) {
        if (currentEncounter == null || !currentEncounter.isOpen()) {
            return;
        }
        boolean longWait = wait != Wait.UNTIL || wakeTime - time > Person.MILLIS_PER_DAY;
        if (longWait && currentEncounter.encounterClass() != EncounterClass.INPATIENT) {
            endCurrentEncounter(time);
        }
    }

    // ---- called by states ---------------------------------------------------------------------

    long enteredTime() {
        return frames.peek().entered;
    }

    long stateDeadline() {
        return frames.peek().deadline;
    }

    void setStateDeadline(long deadline) {
        frames.peek().deadline = deadline;
    }

    void waitUntil(long time) {
        wait = Wait.UNTIL;
        wakeTime = time;
    }

    void waitForChange(long version, long recheckAt) {
        wait = Wait.CHANGE;
        seenVersion = version;
        wakeTime = recheckAt;
    }

    void waitForWellness() {
        wait = Wait.WELLNESS;
        wakeTime = Long.MAX_VALUE;
    }

    boolean callSubmodule(String key, long time) {
        Frame caller = frames.peek();
        if (caller.returnedFromCall) {
            caller.returnedFromCall = false;
            return true;
        }
        Module sub = library.module(key);
        frames.push(new Frame(sub, sub.initial(), time));
        return false;
    }

    StateVisit lastVisit(String stateName) {
        return visits.get(stateName);
    }

    void rememberEntry(String stateName, Entry entry) {
        entriesByState.put(stateName, entry);
    }

    Entry entryMadeBy(String stateName) {
        return entriesByState.get(stateName);
    }

    Encounter lastWellnessJoined() {
        return joinedWellness;
    }

    void joinWellness(Encounter encounter) {
        joinedWellness = encounter;
        joinedWellnessState = frames.peek().state.name;
    }

    void setCurrentEncounter(Encounter encounter) {
        currentEncounter = encounter;
        currentEncounterState = frames.peek().state.name;
    }

    Encounter currentEncounter() {
        return currentEncounter != null && currentEncounter.isOpen() ? currentEncounter : null;
    }

    /** The encounter entries made now belong to: the module's own, or the wellness visit it joined. */
    Encounter activeEncounter(Person person) {
        Encounter own = currentEncounter();
        if (own != null) {
            return own;
        }
        Encounter wellness = person.wellnessEncounter();
        return wellness != null && wellness == joinedWellness ? wellness : null;
    }

    /** The active encounter if it was started by state {@code encounterState}; null target = any. */
    Encounter encounterFor(String encounterState) {
        if (encounterState == null) {
            return currentEncounter() != null ? currentEncounter : joinedWellness;
        }
        if (encounterState.equals(currentEncounterState) && currentEncounter() != null) {
            return currentEncounter;
        }
        if (encounterState.equals(joinedWellnessState) && joinedWellness != null && joinedWellness.isOpen()) {
            return joinedWellness;
        }
        return null;
    }

    void endCurrentEncounter(long time) {
        if (currentEncounter != null && currentEncounter.isOpen()) {
            currentEncounter.end(Math.max(time, currentEncounter.start() + DEFAULT_VISIT_MILLIS));
        }
        currentEncounter = null;
        currentEncounterState = null;
    }

    void addPending(String encounterState, ClinicalStates.Onset onset) {
        pendingDiagnoses.computeIfAbsent(encounterState, k -> new ArrayList<>(2)).add(onset);
    }

    void diagnosePending(String encounterState, Person person, Encounter encounter, long time) {
        List<ClinicalStates.Onset> pending = pendingDiagnoses.remove(encounterState);
        if (pending != null) {
            for (ClinicalStates.Onset onset : pending) {
                onset.diagnose(person, this, encounter, time);
            }
        }
    }
}
