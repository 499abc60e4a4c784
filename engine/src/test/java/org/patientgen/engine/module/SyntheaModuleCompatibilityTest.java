package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.sim.SimulationConfig;
import org.patientgen.engine.sim.Simulator;

/**
 * Loads the module library shipped in Synthea 3.3.0's jar (a test-scope dependency; its modules
 * are never copied into this repository) and simulates patients with every module that loads.
 * Prints loaded/failed counts and failures grouped by reason, so the gap is visible in the build log.
 */
class SyntheaModuleCompatibilityTest {
    private static final int SYNTHEA_MODULE_FILES = 235;

    private static List<ModuleLoader.FileResult> results;

    @BeforeAll
    static void checkLibrary() throws Exception {
        results = ModuleLoader.check(syntheaJar());
    }

    /** The jar holding Synthea's {@code modules/}, found from one of its module files. */
    static Path syntheaJar() throws Exception {
        // a module name PatientGen's own library does not use, so the lookup cannot find ours first
        URL url = ClassLoader.getSystemResource("modules/appendicitis.json");
        assertThat(url).as("Synthea 3.3.0 jar on the test classpath").isNotNull();
        assertThat(url.getProtocol()).isEqualTo("jar");
        String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
        return Path.of(new java.net.URI(file));
    }

    @Test
    void atLeastNinetyPercentOfModuleFilesLoad() {
        List<ModuleLoader.FileResult> failed = results.stream().filter(r -> !r.loaded()).toList();
        Map<String, List<String>> byReason = new TreeMap<>();
        for (ModuleLoader.FileResult r : failed) {
            byReason.computeIfAbsent(feature(r.error().reason()), k -> new ArrayList<>())
                    .add(r.key() + " (" + r.error().jsonPath() + ")");
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("Synthea 3.3.0 modules: %d/%d loaded, %d failed%n",
                results.size() - failed.size(), results.size(), failed.size()));
        byReason.forEach((reason, files) -> report.append(String.format("  %d x %s: %s%n", files.size(), reason,
                String.join(", ", files))));
        System.err.print(report); // test report only; production code never prints

        assertThat(results).hasSize(SYNTHEA_MODULE_FILES);
        assertThat(results.size() - failed.size()).as(report.toString())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * SYNTHEA_MODULE_FILES));
    }

    @Test
    void everyFailureNamesTheUnsupportedFeature() {
        for (ModuleLoader.FileResult r : results) {
            if (!r.loaded()) {
                assertThat(r.error().reason()).as(r.key()).containsAnyOf("unsupported", "unknown");
                assertThat(r.error().jsonPath()).as(r.key()).startsWith("$.states.");
            }
        }
    }

    @Test
    void loadedModulesSimulateFiftyPatients() {
        ModuleLibrary library = new ModuleLibrary(runnableModules());
        assertThat(library.topLevel()).hasSizeGreaterThan(75);
        Simulator simulator = new Simulator(new SimulationConfig(20250630L, Census.get().state("MA"),
                LocalDate.of(2025, 6, 30), 0, library));
        int entries = 0;
        for (int i = 0; i < 50; i++) {
            PatientRecord record = simulator.simulate(i);
            entries += record.entryCount();
        }
        assertThat(entries).isPositive();
    }

    /** Loaded modules, minus any whose (transitively) called submodules failed to load. */
    private static Map<String, Module> runnableModules() {
        Map<String, Module> loaded = new HashMap<>();
        for (ModuleLoader.FileResult r : results) {
            if (r.loaded()) {
                loaded.put(r.key(), r.module());
            }
        }
        boolean removed = true;
        while (removed) {
            Set<String> broken = new HashSet<>();
            for (Module m : loaded.values()) {
                for (State s : m.states().values()) {
                    if (s instanceof State.CallSubmodule call && !loaded.containsKey(call.submodule)) {
                        broken.add(m.key());
                    }
                }
            }
            removed = !broken.isEmpty();
            broken.forEach(loaded::remove);
        }
        return loaded;
    }

    /** Groups reasons by the feature they name: the quoted word after "unsupported"/"unknown". */
    private static String feature(String reason) {
        int quote = reason.indexOf('\'');
        int end = quote < 0 ? -1 : reason.indexOf('\'', quote + 1);
        return end < 0 ? reason : reason.substring(0, end + 1);
    }
}
