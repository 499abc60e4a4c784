package org.patientgen.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.patientgen.engine.module.Module;
import org.patientgen.engine.module.ModuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patientgen modules …}: inspect module libraries. */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "Inspect disease module libraries (Synthea Generic Module Framework JSON).",
        subcommands = {ModulesCommand.Check.class, ModulesCommand.ListModules.class})
final class ModulesCommand {

    /** {@code patientgen modules check PATH}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load every module under PATH (directory, .json, .jar or .zip) and report each as "
                    + "loaded or failed with the reason. Exit code 1 if any failed.")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Module directory, file, or jar. Omit for the built-in library.",
                arity = "0..1")
        private Path path;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (path != null && !Files.exists(path)) {
                throw new UsageException("module path " + path + " does not exist");
            }
            List<ModuleLoader.FileResult> results = path == null ? builtInResults() : ModuleLoader.check(path);
            int failed = 0;
            Map<String, Integer> reasons = new TreeMap<>();
            for (ModuleLoader.FileResult r : results) {
                if (r.loaded()) {
                    out.printf("loaded  %-50s %3d states%n", r.key(), r.module().stateCount());
                } else {
                    failed++;
                    out.printf("FAILED  %-50s %s: %s%n", r.key(), r.error().jsonPath(), r.error().reason());
                    reasons.merge(r.error().reason().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
                }
            }
            out.printf("%d module files: %d loaded, %d failed (%.1f%% loaded)%n", results.size(),
                    results.size() - failed, failed, results.isEmpty() ? 0 : 100.0 * (results.size() - failed) / results.size());
            reasons.forEach((reason, n) -> out.printf("  %3d x %s%n", n, reason));
            return failed == 0 ? 0 : 1;
        }

        private static List<ModuleLoader.FileResult> builtInResults() {
            return ModuleLoader.builtIn().all().values().stream()
                    .map(m -> new ModuleLoader.FileResult(m.key(), m.source(), m, null)).toList();
        }
    }

    /** {@code patientgen modules list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in modules.")
    static final class ListModules implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Module m : ModuleLoader.builtIn().all().values()) {
                out.printf("%-40s %-45s %3d states%s%n", m.key(), m.name(), m.stateCount(),
                        m.isSubmodule() ? "  (submodule)" : "");
            }
            return 0;
        }
    }
}
