package org.patientgen.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark: cold start of the console to an interactive window. Launches the console JVM
 * ({@code org.patientgen.console.Launcher}, the README's command without Maven) {@code runs} times,
 * each on a fresh data directory (a first launch: no settings, no database), and measures from spawning the
 * process until the console reports (system property {@code patientgen.console.readyFile})
 * that its first screen was laid out and rendered and the UI thread answered a posted task. Prints
 * every run and the median. Run it with {@code app/bench/cold-start.sh}.
 *
 * <p>Arguments: {@code [runs] [headless]}; {@code headless} uses Monocle without a display,
 * otherwise the child uses the display in {@code DISPLAY} (the script starts Xvfb for it). The
 * environment variable {@code CONSOLE_JAVA_OPTS} adds JVM options to the console's command.
 */
public final class ColdStartBench {
    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean headless = args.length > 1 && args[1].equals("headless");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        System.out.printf("cold start to interactive window, %d runs, %s, java %s, options [%s]%n", runs,
                headless ? "Monocle headless" : "display " + System.getenv("DISPLAY"), Runtime.version(),
                System.getenv().getOrDefault("CONSOLE_JAVA_OPTS", ""));
        List<Long> fromSpawn = new ArrayList<>();
        List<Long> uptimes = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("patientgen-coldstart");
            Path ready = dir.resolve("ready");
            List<String> command = new ArrayList<>(List.of(java, "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                    "-Dpatientgen.data.dir=" + dir.resolve("data"), "-Dpatientgen.console.readyFile=" + ready));
            String extra = System.getenv().getOrDefault("CONSOLE_JAVA_OPTS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            if (headless) {
                command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dheadless.geometry=1600x1000-32"));
            }
            command.addAll(List.of("-cp", classpath, "org.patientgen.console.Launcher"));
            long spawn = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile()).start();
            long deadline = spawn + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(2);
            }
            long seen = System.nanoTime();
            if (!Files.exists(ready)) {
                process.destroyForcibly();
                throw new IllegalStateException("the console did not report ready; its output is in "
                        + dir.resolve("console.log"));
            }
            Properties report = new Properties();
            try (var in = Files.newInputStream(ready)) {
                report.load(in);
            }
            // The process's own start instant (/proc, clock ticks) is too coarse and drifts from the
            // wall clock; the harness's monotonic clock from spawning to seeing the report is used.
            long uptime = Long.parseLong(report.getProperty("uptimeMillis"));
            long cpuMillis = Long.parseLong(report.getProperty("cpuMillis"));
            long spawned = TimeUnit.NANOSECONDS.toMillis(seen - spawn);
            fromSpawn.add(spawned);
            uptimes.add(uptime);
            cpu.add(cpuMillis);
            System.out.printf("run %d: %,d ms from spawning the process (JVM uptime at ready %,d ms; CPU time used by"
                    + " then %,d ms; load average %s)%n", run, spawned, uptime, cpuMillis, loadAverage());
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            delete(dir);
        }
        System.out.printf("median %,d ms from spawning (JVM uptime median %,d ms, CPU time median %,d ms); first run"
                + " %,d ms; target 3,000 ms%n", median(fromSpawn), median(uptimes), median(cpu), fromSpawn.get(0));
        System.exit(0);
    }

    /** The 1-minute load average: other processes competing for the processors skew the figures. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.1f", load);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
