package org.patientgen.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which cause-of-death group each certified cause belongs to. Every death carries an observation
 * LOINC 69453-9 "Cause of Death" whose value is the SNOMED CT code of the module {@code Death}
 * state that caused it, or 419620001 "Death (event)" for background (life-table) mortality. The
 * groups are the columns of {@code data/cause_of_death_shares.csv}, which are module keys: a code
 * belongs to the group of the built-in module whose Death states use it. The table is explicit so
 * that a module that starts certifying a new cause fails a test until the code is listed here.
 */
final class DeathCauses {
    /** The LOINC code of the "Cause of Death" observation. */
    static final String OBSERVATION_CODE = "69453-9";
    /** The cause of deaths that no module simulated (life-table mortality). */
    static final String BACKGROUND_CODE = "419620001";
    /** Group name of {@link #BACKGROUND_CODE}. */
    static final String BACKGROUND = "other causes";

    /** A certified cause: SNOMED CT code, its display as the exporters write it, and its group. */
    record Cause(String code, String display, String group) {
    }

    static final List<Cause> CAUSES = List.of(
            new Cause("22298006", "Myocardial infarction (disorder)", "coronary_heart_disease"),
            new Cause("53741008", "Coronary arteriosclerosis (disorder)", "coronary_heart_disease"),
            new Cause("95281009", "Sudden cardiac death (disorder)", "coronary_heart_disease"),
            new Cause("230690007", "Cerebrovascular accident (disorder)", "stroke"),
            new Cause("422504002", "Ischemic stroke (disorder)", "stroke"),
            new Cause("274100004", "Cerebral hemorrhage (disorder)", "stroke"),
            new Cause("13645005", "Chronic obstructive lung disease (disorder)", "copd"),
            new Cause("709044004", "Chronic kidney disease (disorder)", "chronic_kidney_disease"),
            new Cause("46177005", "End-stage renal disease (disorder)", "chronic_kidney_disease"),
            new Cause("254837009", "Malignant neoplasm of breast (disorder)", "breast_cancer"),
            new Cause(BACKGROUND_CODE, "Death (event)", BACKGROUND));

    private static final Map<String, Cause> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, Cause> BY_DISPLAY = new LinkedHashMap<>();

    static {
        for (Cause c : CAUSES) {
            BY_CODE.put(c.code(), c);
            BY_DISPLAY.put(c.display(), c);
        }
    }

    private DeathCauses() {
    }

    /** The group of a cause code, if it is listed. */
    static Optional<String> group(String code) {
        return Optional.ofNullable(BY_CODE.get(code)).map(Cause::group);
    }

    /**
     * The code of a cause written as its display text, as Synthea CSV writes coded observation
     * values; an unlisted text is returned unchanged (it then belongs to no group).
     */
    static String codeOfDisplay(String display) {
        Cause c = BY_DISPLAY.get(display);
        return c == null ? display : c.code();
    }
}
