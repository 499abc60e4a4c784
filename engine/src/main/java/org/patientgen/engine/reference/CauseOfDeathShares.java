package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Sex;

/**
 * Shares of all deaths by sex and age that fall to causes which disease modules simulate, keyed
 * by module ({@code data/cause_of_death_shares.csv}, NCHS leading causes). The life table counts
 * every cause; to avoid counting modelled causes twice, background mortality is scaled by one
 * minus the shares of the modules actually loaded.
 */
public final class CauseOfDeathShares {
    private static final Lazy<CauseOfDeathShares> INSTANCE = new Lazy<>(CauseOfDeathShares::load);

    private record Band(Sex sex, int from, int to, Map<String, Double> shareByModule) {
    }

    private final List<Band> bands;

    private CauseOfDeathShares(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    public static CauseOfDeathShares get() {
        return INSTANCE.get();
    }

    /** Modules with a share column. */
    public Collection<String> modules() {
        return bands.get(0).shareByModule().keySet();
    }

    /** Sum of the shares of {@code loadedModules} at this sex and age (0 when none is loaded). */
    public double modelledShare(Sex sex, int age, Collection<String> loadedModules) {
        for (Band b : bands) {
            if (b.sex() == sex && age >= b.from() && age <= b.to()) {
                double sum = 0;
                for (Map.Entry<String, Double> e : b.shareByModule().entrySet()) {
                    if (loadedModules.contains(e.getKey())) {
                        sum += e.getValue();
                    }
                }
                return Math.min(sum, 0.9);
            }
        }
        return 0;
    }

    private static CauseOfDeathShares load() {
        DataTable t = DataTable.load("cause_of_death_shares.csv");
        List<String> modules = new ArrayList<>();
        for (String column : t.headers()) {
            if (!List.of("sex", "age_from", "age_to").contains(column)) {
                modules.add(column);
            }
        }
        List<Band> bands = new ArrayList<>();
        for (CSVRecord r : t.rows()) {
            Map<String, Double> shares = new TreeMap<>();
            for (String m : modules) {
                shares.put(m, t.number(r, m));
            }
            bands.add(new Band(Sex.fromLetter(t.text(r, "sex")), (int) t.number(r, "age_from"),
                    (int) t.number(r, "age_to"), shares));
        }
        return new CauseOfDeathShares(bands);
    }
}
