package org.patientgen.engine.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Prints the realism report as plain-text tables, one per section, and the summary line. Figures
 * are shown in each section's unit (percent, or deaths per 1,000 person-years).
 */
public final class ReportTable {
    private static final String[] HEADER = {"measure", "band", "expected", "observed", "deviation", "tolerance",
        "count", "n", "within"};
    /** Columns aligned left; the rest are numbers, aligned right. */
    private static final int TEXT_COLUMNS = 2;

    private ReportTable() {
    }

    /** Prints the header, every section, the notes and the summary line. */
    public static void print(RealismReport report, PrintWriter out) {
        PopulationManifest m = report.manifest();
        out.printf(Locale.ROOT, "Realism report for %s (%s): %,d patients, state %s, end date %s, %s%n",
                report.directory(), report.source().label(), report.patientsRead(), m.state(), m.endDate(),
                m.yearsOfHistory() == 0 ? "whole lifetime" : m.yearsOfHistory() + " years of history");
        for (Section s : Section.values()) {
            List<RealismCheck> rows = report.checks(s);
            long within = rows.stream().filter(RealismCheck::withinTolerance).count();
            long evaluated = rows.stream().filter(RealismCheck::evaluated).count();
            out.println();
            out.printf(Locale.ROOT, "%s, in %s: %d of %d within tolerance; within means %s%n", s.title(),
                    s.unit(), within, evaluated, s.toleranceRule());
            printTable(rows, s, out);
        }
        out.println();
        for (String note : report.notes()) {
            out.println("Note: " + note);
        }
        out.println(report.summaryLine());
    }

    private static void printTable(List<RealismCheck> checks, Section s, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RealismCheck c : checks) {
            rows.add(new String[] {c.measure(), c.band(), figure(c.expected(), s, false),
                figure(c.observed(), s, false), figure(c.deviation(), s, true), figure(c.tolerance(), s, false),
                String.format(Locale.ROOT, "%,d", c.count()), String.format(Locale.ROOT, "%,.0f", c.denominator()),
                !c.evaluated() ? "n/a" : c.withinTolerance() ? "yes" : "NO"});
        }
        int[] widths = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[i] - r[i].length());
                line.append(i < TEXT_COLUMNS || i == r.length - 1 ? r[i] + pad : pad + r[i]);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A figure in the section's unit; {@code -} when there is none. */
    static String figure(double value, Section s, boolean signed) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + s.decimals() + "f", value * s.scale());
    }
}
