package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;
import org.patientgen.engine.sim.Simulator;

/**
 * Writes small GMF modules (and lookup tables) into a temporary module root, loads them with the
 * real {@link ModuleLoader} and simulates patients with the real {@link Simulator}. Codes in test
 * modules are made-up SNOMED codes such as "T1" so they never collide with background care.
 */
final class GmfFixture {
    static final LocalDate END_DATE = LocalDate.of(2025, 6, 30);
    static final long DAY = 86_400_000L;
    static final long SEED = 20250630L;

    private final Path root;

    GmfFixture(Path root) {
        this.root = root;
    }

    /** Writes {@code modules/<key>.json}; a key with a folder ("sub/child") is a submodule. */
    GmfFixture module(String key, String json) {
        return file(key + ".json", json);
    }

    /** Writes any file under the module root, e.g. {@code lookup_tables/risk.csv}. */
    GmfFixture file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ModuleLibrary library() {
        try {
            return ModuleLoader.load(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Patients 0..n-1 of a fixed seed, living from birth to {@link #END_DATE} with whole-life records. */
    List<PatientRecord> simulate(int n) {
        Simulator simulator = new Simulator(new SimulationConfig(SEED, Census.get().state("MA"), END_DATE, 0,
                library()));
        return LongStream.range(0, n).mapToObj(simulator::simulate).toList();
    }

    /** The error loading the module root must raise. */
    ModuleFormatException loadError() {
        ModuleFormatException e = catchThrowableOfType(this::library, ModuleFormatException.class);
        assertThat(e).as("loading must fail with a ModuleFormatException").isNotNull();
        return e;
    }

    Path root() {
        return root;
    }

    // ---- JSON snippets ---------------------------------------------------------------------------

    /** A code object in GMF form. */
    static String code(String code) {
        return "{\"system\": \"SNOMED-CT\", \"code\": \"" + code + "\", \"display\": \"Test " + code + "\"}";
    }

    /** A ConditionOnset state recording code {@code code}, then {@code next}. */
    static String onset(String code, String next) {
        return "{\"type\": \"ConditionOnset\", \"codes\": [" + code(code) + "], \"direct_transition\": \"" + next
                + "\"}";
    }

    /**
     * A module that evaluates each condition at birth, one after another, and records condition
     * "Y{i}" when condition i holds and "N{i}" when it does not.
     */
    static String checks(String... conditions) {
        return "{\"name\": \"checks\", \"states\": {"
                + "\"Initial\": {\"type\": \"Initial\", \"direct_transition\": \"Check0\"},\n"
                + checkStates(0, "Terminal", conditions) + ",\n\"Terminal\": {\"type\": \"Terminal\"}}}";
    }

    /**
     * States Check{first}, Check{first+1}, … evaluating {@code conditions} in turn (recording "Y{i}"
     * or "N{i}"), then going to {@code next}; for modules that check after doing something.
     */
    static String checkStates(int first, String next, String... conditions) {
        StringBuilder states = new StringBuilder();
        for (int k = 0; k < conditions.length; k++) {
            int i = first + k;
            String after = k + 1 < conditions.length ? "Check" + (i + 1) : next;
            if (k > 0) {
                states.append(",\n");
            }
            states.append("\"Check").append(i).append("\": {\"type\": \"Simple\", \"conditional_transition\": [")
                    .append("{\"condition\": ").append(conditions[k]).append(", \"transition\": \"Yes").append(i)
                    .append("\"}, {\"transition\": \"No").append(i).append("\"}]}");
            states.append(",\n\"Yes").append(i).append("\": ").append(onset("Y" + i, after));
            states.append(",\n\"No").append(i).append("\": ").append(onset("N" + i, after));
        }
        return states.toString();
    }

    /** Whether check {@code i} of {@link #checks} held for this patient (exactly one outcome is recorded). */
    static boolean held(PatientRecord p, int i) {
        boolean yes = has(p, "Y" + i);
        boolean no = has(p, "N" + i);
        assertThat(yes ^ no).as("check %d recorded exactly once", i).isTrue();
        return yes;
    }

    // ---- record queries --------------------------------------------------------------------------

    static boolean has(PatientRecord p, String code) {
        return p.conditions().stream().anyMatch(c -> c.code().code().equals(code));
    }

    static ConditionEntry condition(PatientRecord p, String code) {
        return only(p.conditions(), code);
    }

    /** The single entry with {@code code}; fails if there is none or more than one. */
    static <T extends Entry> T only(List<T> entries, String code) {
        List<T> matching = entries.stream().filter(e -> e.code().code().equals(code)).toList();
        assertThat(matching).as("entries with code %s", code).hasSize(1);
        return matching.get(0);
    }

    static long birth(PatientRecord p) {
        return p.demographics().birthDate().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The instant of the patient's {@code years}-th birthday (Feb 29 babies: Mar 1 in common years). */
    static long birthday(PatientRecord p, int years) {
        LocalDate birth = p.demographics().birthDate();
        LocalDate d = birth.plusYears(years);
        if (d.getDayOfMonth() != birth.getDayOfMonth()) {
            d = d.plusDays(1);
        }
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static long endTime() {
        return END_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
