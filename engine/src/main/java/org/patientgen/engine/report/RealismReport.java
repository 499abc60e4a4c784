package org.patientgen.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.reference.CauseOfDeathShares;
import org.patientgen.engine.reference.Census;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.reference.PrevalenceTargets;
import org.patientgen.engine.reference.StateProfile;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Compares a generated population with the reference figures it was drawn from: age/sex shares
 * against the state's census, prevalences against {@code prevalence_targets.csv}, death rates
 * against the life table, and death rates by certified cause against the NCHS shares of causes the
 * modules simulate (see {@code docs/realism.md}). One streaming pass over the export.
 */
public final class RealismReport {
    public static final String JSON_FILE = "realism.json";

    private final Path dir;
    private final PopulationManifest manifest;
    private final PopulationReader.Source source;
    private final long patientsRead;
    private final List<RealismCheck> checks;
    private final List<String> notes;

    private RealismReport(Path dir, PopulationManifest manifest, PopulationReader.Source source, long patientsRead,
                          List<RealismCheck> checks, List<String> notes) {
        this.dir = dir;
        this.manifest = manifest;
        this.source = source;
        this.patientsRead = patientsRead;
        this.checks = List.copyOf(checks);
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads the output directory {@code dir} and computes every check.
     *
     * @param only read this export format, or {@code null} for CSV when present, else FHIR NDJSON
     * @throws ReportInputException if {@code dir} is not a readable generator output (message says why)
     */
    public static RealismReport compute(Path dir, PopulationReader.Source only)
            throws IOException, ReportInputException {
        if (!Files.isDirectory(dir)) {
            throw new ReportInputException(dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        PopulationManifest manifest = PopulationManifest.read(dir);
        StateProfile state;
        try {
            state = Census.get().state(manifest.state());
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(dir.resolve(PopulationManifest.FILE_NAME) + ": " + e.getMessage(), e);
        }
        PopulationReader reader = PopulationReader.open(dir, only);
        List<RealismSection> sections = List.of(
                new AgeSexSection(state, manifest.endDate(), manifest.yearsOfHistory()),
                new PrevalenceSection(PrevalenceTargets.get(), manifest.endDate()),
                new MortalitySection(LifeTable.get(), manifest.windowStart(), manifest.endDate()),
                new DeathsByCauseSection(LifeTable.get(), CauseOfDeathShares.get(), manifest.modules(),
                        manifest.windowStart(), manifest.endDate()));
        long read = reader.read(p -> {
            for (RealismSection s : sections) {
                s.accept(p);
            }
        });
        List<RealismCheck> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (read != manifest.population()) {
            notes.add("the manifest says " + manifest.population() + " patients, the files hold " + read);
        }
        for (RealismSection s : sections) {
            checks.addAll(s.checks());
            notes.addAll(s.notes());
        }
        return new RealismReport(dir, manifest, reader.source(), read, checks, notes);
    }

    public Path directory() {
        return dir;
    }

    public PopulationManifest manifest() {
        return manifest;
    }

    public PopulationReader.Source source() {
        return source;
    }

    public long patientsRead() {
        return patientsRead;
    }

    /** All rows: age/sex, then prevalence, then mortality, then deaths by cause. */
    public List<RealismCheck> checks() {
        return checks;
    }

    /** The rows of one section. */
    public List<RealismCheck> checks(Section section) {
        return checks.stream().filter(c -> c.section() == section).toList();
    }

    public List<String> notes() {
        return notes;
    }

    /** Rows that could be evaluated (their band was not empty). */
    public long evaluatedCount() {
        return checks.stream().filter(RealismCheck::evaluated).count();
    }

    public long withinCount() {
        return checks.stream().filter(RealismCheck::withinTolerance).count();
    }

    /** Overall result: every evaluated row within tolerance. */
    public boolean passed() {
        return withinCount() == evaluatedCount();
    }

    /** {@code N of M checks within tolerance}, with empty bands counted apart. */
    public String summaryLine() {
        long notEvaluated = checks.size() - evaluatedCount();
        return withinCount() + " of " + evaluatedCount() + " checks within tolerance"
                + (notEvaluated > 0 ? " (" + notEvaluated + " not evaluated: no patients in the band)" : "")
                + ": " + (passed() ? "PASS" : "FAIL");
    }

    /** Writes {@code realism.json} into the output directory atomically; returns its path. */
    public Path writeJson() throws IOException {
        return RealismJson.write(this, dir.resolve(JSON_FILE));
    }
}
