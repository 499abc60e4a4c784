package org.patientgen.engine.report;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.patientgen.engine.model.Sex;

/**
 * Person-years lived in the history window by sex and single year of age, the denominator of the
 * death-rate sections. Each patient contributes from max(window start, birth) to min(death, end of
 * the end date), split at birthdays into single years of age; a death counts in the year of age it
 * happened in. Counters only: memory does not grow with the population.
 */
final class WindowExposure {
    static final int MAX_AGE = 120;
    private static final double DAYS_PER_YEAR = 365.25;

    /** How a patient entered the figures. */
    enum Outcome {
        /** Alive at the end date (or dying after it): person-years only. */
        SURVIVED,
        /** Died inside the window: person-years and a death at {@link #lastDeathAge()}. */
        DIED_IN_WINDOW,
        /** Died before the window started: nothing counted. */
        DIED_BEFORE_WINDOW,
        /** Death dated after the end date: counted as alive for the whole window. */
        DIED_AFTER_END,
        /** No usable sex, or dead without a date: nothing counted. */
        SKIPPED
    }

    private final LocalDate windowStart;
    private final LocalDate endDate;
    /** Indexed [sex][single year of age]. */
    private final double[][] personYears = new double[Sex.values().length][MAX_AGE + 1];
    private int lastDeathAge = -1;

    WindowExposure(LocalDate windowStart, LocalDate endDate) {
        this.windowStart = windowStart;
        this.endDate = endDate;
    }

    LocalDate windowStart() {
        return windowStart;
    }

    LocalDate endDate() {
        return endDate;
    }

    /** Adds the patient's person-years and says whether (and at what age, see {@link #lastDeathAge()}) they died. */
    Outcome add(PatientFacts p) {
        lastDeathAge = -1;
        if (p.sex() == null || (p.deceased() && p.deathDate() == null)) {
            return Outcome.SKIPPED;
        }
        LocalDate birth = p.birthDate();
        LocalDate from = birth.isAfter(windowStart) ? birth : windowStart;
        LocalDate exitDay = endDate.plusDays(1);
        Outcome outcome = Outcome.SURVIVED;
        if (p.deathDate() != null && p.deathDate().isBefore(exitDay)) {
            exitDay = p.deathDate();
            if (exitDay.isBefore(windowStart)) {
                return Outcome.DIED_BEFORE_WINDOW; // no person-years in the window, and the death is outside it
            }
            lastDeathAge = Math.min(ageOn(birth, exitDay), MAX_AGE);
            outcome = Outcome.DIED_IN_WINDOW;
        } else if (p.deathDate() != null) {
            outcome = Outcome.DIED_AFTER_END; // a death in the future of the population: alive for the whole window
        }
        double[] py = personYears[p.sex().ordinal()];
        int age = ageOn(birth, from);
        LocalDate segmentStart = from;
        while (segmentStart.isBefore(exitDay)) {
            LocalDate birthday = birth.plusYears(age + 1L);
            LocalDate segmentEnd = birthday.isBefore(exitDay) ? birthday : exitDay;
            py[Math.min(age, MAX_AGE)] += ChronoUnit.DAYS.between(segmentStart, segmentEnd) / DAYS_PER_YEAR;
            segmentStart = segmentEnd;
            age++;
        }
        return outcome;
    }

    /** Age at death of the patient last {@linkplain #add added}, or -1 if they did not die in the window. */
    int lastDeathAge() {
        return lastDeathAge;
    }

    /** Person-years lived at {@code age} by {@code sex}. */
    double personYears(Sex sex, int age) {
        return personYears[sex.ordinal()][age];
    }

    /** Completed years on {@code day}, with birthdays as {@link LocalDate#plusYears} places them (Feb 29). */
    static int ageOn(LocalDate birth, LocalDate day) {
        int age = Math.max(0, Period.between(birth, day).getYears());
        return birth.plusYears(age + 1L).isAfter(day) ? age : age + 1;
    }
}
