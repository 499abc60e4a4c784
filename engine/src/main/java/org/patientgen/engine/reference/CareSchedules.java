package org.patientgen.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.patientgen.engine.model.Code;

/**
 * Preventive care schedules: wellness-visit intervals by age (AAP Bright Futures for children,
 * adult preventive-visit guidance) and the CDC routine immunization schedule (CVX codes).
 */
public final class CareSchedules {
    private static final Lazy<CareSchedules> INSTANCE = new Lazy<>(CareSchedules::load);

    /** Between {@code fromMonths} (inclusive) and {@code toMonths} (exclusive), a visit every {@code interval} months. */
    public record VisitInterval(int fromMonths, int toMonths, double intervalMonths) {
    }

    /**
     * One dose: given at {@code ageMonths}; {@code repeatMonths} > 0 for doses repeated at that
     * interval from then on (annual influenza, Td every 10 years).
     */
    public record Dose(Code vaccine, int dose, int ageMonths, int repeatMonths) {
    }

    private final List<VisitInterval> visits;
    private final List<Dose> doses;

    private CareSchedules(List<VisitInterval> visits, List<Dose> doses) {
        this.visits = List.copyOf(visits);
        this.doses = List.copyOf(doses);
    }

    public static CareSchedules get() {
        return INSTANCE.get();
    }

    public List<VisitInterval> visits() {
        return visits;
    }

    public List<Dose> doses() {
        return doses;
    }

    /** Months until the next wellness visit for a patient aged {@code ageMonths}. */
    public double intervalAt(double ageMonths) {
        for (VisitInterval v : visits) {
            if (ageMonths >= v.fromMonths() && ageMonths < v.toMonths()) {
                return v.intervalMonths();
            }
        }
        return visits.get(visits.size() - 1).intervalMonths();
    }

    private static CareSchedules load() {
        DataTable w = DataTable.load("wellness_schedule.csv");
        List<VisitInterval> visits = new ArrayList<>();
        for (CSVRecord r : w.rows()) {
            visits.add(new VisitInterval((int) w.number(r, "age_from_months"), (int) w.number(r, "age_to_months"),
                    w.number(r, "interval_months")));
        }
        visits.sort((a, b) -> Integer.compare(a.fromMonths(), b.fromMonths()));
        DataTable s = DataTable.load("immunization_schedule.csv");
        List<Dose> doses = new ArrayList<>();
        for (CSVRecord r : s.rows()) {
            String series = s.text(r, "series").trim().toLowerCase();
            int repeat = switch (series) {
                case "annual", "yearly" -> 12;
                case "every10years", "every_10_years", "decennial", "10y", "booster10y" -> 120;
                default -> 0;
            };
            doses.add(new Dose(new Code(Code.CVX, s.text(r, "cvx"), s.text(r, "display")),
                    (int) s.number(r, "dose"), (int) s.number(r, "age_months"), repeat));
        }
        doses.sort((a, b) -> Integer.compare(a.ageMonths(), b.ageMonths()));
        return new CareSchedules(visits, doses);
    }
}
