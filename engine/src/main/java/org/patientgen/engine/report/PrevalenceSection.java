package org.patientgen.engine.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.patientgen.engine.reference.PrevalenceTargets;
import org.patientgen.engine.reference.PrevalenceTargets.Target;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * Point prevalence at the end date against {@code prevalence_targets.csv}: among patients alive
 * at the end date, of the target's sex and age band (completed years at the end date), the share
 * with a condition record of the target's SNOMED CT code active at the end date (started by then,
 * no abatement or abatement after it).
 *
 * <p>The export keeps conditions that were still active at the start of the history window even
 * when they were diagnosed before it, so a chronic condition diagnosed decades ago is counted.
 */
final class PrevalenceSection implements RealismSection {
    private final LocalDate endDate;
    private final List<Target> targets;
    private final long[] patients;
    private final long[] cases;

    PrevalenceSection(PrevalenceTargets targets, LocalDate endDate) {
        this.endDate = endDate;
        this.targets = targets.targets();
        this.patients = new long[this.targets.size()];
        this.cases = new long[this.targets.size()];
    }

    @Override
    public void accept(PatientFacts p) {
        if (p.sex() == null || !p.aliveAtEndOf(endDate)) {
            return;
        }
        int age = p.ageOn(endDate);
        Set<String> active = null;
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.sex() == p.sex() && t.covers(age)) {
                if (active == null) {
                    active = p.activeCodesAtEndOf(endDate);
                }
                patients[i]++;
                if (active.contains(t.snomed())) {
                    cases[i]++;
                }
            }
        }
    }

    @Override
    public List<RealismCheck> checks() {
        List<RealismCheck> rows = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            double observed = patients[i] > 0 ? (double) cases[i] / patients[i] : Double.NaN;
            double se = Tolerance.binomialSe(t.prevalence(), patients[i]);
            rows.add(new RealismCheck(Section.PREVALENCE, t.condition() + " (" + t.snomed() + ")",
                    t.sex().letter() + " " + t.ageLabel(), t.prevalence(), observed,
                    Section.PREVALENCE.tolerance().allowed(t.prevalence(), se), cases[i], patients[i]));
        }
        return rows;
    }
}
