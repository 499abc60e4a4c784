package org.patientgen.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.patientgen.engine.generate.Generator;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * {@code realism.json}: the report's rows as data. Written to a temporary file beside the target
 * and renamed over it, so a reader never sees half a report.
 */
final class RealismJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealismJson() {
    }

    static Path write(RealismReport report, Path target) throws IOException {
        byte[] content = JSON.writeValueAsBytes(tree(report));
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    static ObjectNode tree(RealismReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "PatientGen " + Generator.version());
        ObjectNode input = root.putObject("input");
        PopulationManifest m = report.manifest();
        input.put("directory", report.directory().toAbsolutePath().normalize().toString());
        input.put("source", report.source().label());
        input.put("seed", m.seed());
        input.put("population", m.population());
        input.put("patientsRead", report.patientsRead());
        input.put("state", m.state());
        input.put("endDate", m.endDate().toString());
        input.put("yearsOfHistory", m.yearsOfHistory());
        ObjectNode summary = root.putObject("summary");
        summary.put("checks", report.checks().size());
        summary.put("evaluated", report.evaluatedCount());
        summary.put("withinTolerance", report.withinCount());
        summary.put("passed", report.passed());
        summary.put("line", report.summaryLine());
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode sections = root.putArray("sections");
        for (Section s : Section.values()) {
            ObjectNode section = sections.addObject();
            section.put("name", s.name().toLowerCase(java.util.Locale.ROOT));
            section.put("title", s.title());
            ObjectNode tolerance = section.putObject("tolerance");
            tolerance.put("rule", "|observed - expected| <= max(absoluteFloor, relativeFloor x expected, k x SE)");
            tolerance.put("k", s.tolerance().k());
            tolerance.put("absoluteFloor", s.tolerance().absoluteFloor());
            tolerance.put("relativeFloor", s.tolerance().relativeFloor());
            tolerance.put("text", s.toleranceRule());
            section.put("unit", s.unit());
            section.put("displayScale", s.scale());
            ArrayNode rows = section.putArray("checks");
            for (RealismCheck c : report.checks(s)) {
                ObjectNode row = rows.addObject();
                row.put("measure", c.measure());
                row.put("band", c.band());
                number(row, "expected", c.expected());
                number(row, "observed", c.observed());
                number(row, "deviation", c.deviation());
                number(row, "tolerance", c.tolerance());
                row.put("count", c.count());
                number(row, "denominator", c.denominator());
                row.put("evaluated", c.evaluated());
                row.put("withinTolerance", c.withinTolerance());
            }
        }
        return root;
    }

    /** JSON has no NaN or infinity: those are written as null. */
    private static void number(ObjectNode row, String field, double value) {
        if (Double.isFinite(value)) {
            row.put(field, value);
        } else {
            row.putNull(field);
        }
    }
}
