package org.patientgen.console.dashboard;

import java.time.Duration;
import java.util.Locale;
import org.patientgen.console.jobs.JobFormat;

/** How the dashboard writes its figures: counts, rates, bytes, shares, milliseconds. */
final class DashboardFormat {
    private DashboardFormat() {
    }

    /** {@code 12,345}; {@link JobFormat#NONE} for NaN. */
    static String count(double n) {
        return Double.isNaN(n) ? JobFormat.NONE : JobFormat.count(Math.round(n));
    }

    /** {@code 1,234/s}, {@code 0/s}, {@code 0.4/s} below 10. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return JobFormat.NONE;
        }
        if (perSecond > 0 && perSecond < 10) {
            return String.format(Locale.US, "%.1f/s", perSecond);
        }
        return JobFormat.count(Math.round(perSecond)) + "/s";
    }

    /** {@code 512 KB}, {@code 412 MB}, {@code 1.5 GB}. */
    static String bytes(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return JobFormat.NONE;
        }
        double mb = bytes / (1024 * 1024);
        if (mb < 1) {
            return Math.round(bytes / 1024) + " KB";
        }
        if (mb < 1024) {
            return Math.round(mb) + " MB";
        }
        return String.format(Locale.US, "%.1f GB", mb / 1024);
    }

    /** {@code 37%} of a 0–1 share. */
    static String percent(double share) {
        if (Double.isNaN(share) || share < 0) {
            return JobFormat.NONE;
        }
        return Math.round(share * 100) + "%";
    }

    /** {@code 0.42 ms}, {@code 12 ms}, {@code 1.2 s}. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return JobFormat.NONE;
        }
        if (ms >= 1000) {
            return String.format(Locale.US, "%.1f s", ms / 1000);
        }
        if (ms >= 10 || ms == 0) {
            return Math.round(ms) + " ms";
        }
        return String.format(Locale.US, "%.2f ms", ms);
    }

    /** {@code 3 min 05 s}. */
    static String seconds(double seconds) {
        return JobFormat.duration(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** The value at the top of a chart, in the unit of its tile. */
    static String axis(DashboardTile tile, double value) {
        return switch (tile) {
            case PATIENTS -> rate(value);
            case ACQUIRE -> millis(value);
            case HEAP -> bytes(value);
            case CPU -> percent(value);
            default -> count(value);
        };
    }
}
