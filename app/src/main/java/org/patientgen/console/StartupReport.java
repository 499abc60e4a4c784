package org.patientgen.console;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the cold-start benchmark ({@code app/bench/cold-start.sh}): when the system property
 * {@value #PROPERTY} names a file, writes there how long after the JVM started the window became
 * interactive — its first screen laid out and rendered (the first layout pulse) and the UI thread
 * then answering a posted task — and the CPU time the process had used by then (a figure that other
 * processes competing for the processors disturb less than the elapsed time). Nothing happens without the property.
 */
final class StartupReport {
    /** The file to write, e.g. {@code -Dpatientgen.console.readyFile=/tmp/ready}. */
    static final String PROPERTY = "patientgen.console.readyFile";
    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private StartupReport() {
    }

    /** Arms the report on the main window's scene (UI thread, right after it is shown). */
    static void arm(Scene scene) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // Posted after the pulse: runs when the UI thread is free to answer input.
            Platform.runLater(() -> write(Path.of(file), ManagementFactory.getRuntimeMXBean().getUptime(), cpuMillis()));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** CPU time this process used so far (all threads), ms; −1 when the JVM cannot tell. */
    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }

    private static void write(Path file, long uptimeMillis, long cpuMillis) {
        Thread writer = new Thread(() -> {
            try {
                Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"),
                        "uptimeMillis=" + uptimeMillis + "\ncpuMillis=" + cpuMillis + "\n");
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("cannot write the startup report to {}", file, e);
            }
        }, "patientgen-startup-report");
        writer.setDaemon(true);
        writer.start();
    }
}
