package org.patientgen.engine.sim;

import java.util.List;
import java.util.random.RandomGenerator;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.SmokingPrevalence;

/**
 * When a person starts and stops smoking. Whether someone ever smokes follows the NHIS
 * ever-smoker prevalence of the age band they are in at the end date (so each birth cohort
 * matches its own survey figure); the age of quitting is drawn so that the share still smoking,
 * current / (current + former), follows the survey by age.
 */
final class SmokingHistory {
    static final int NEVER = Integer.MAX_VALUE;

    private final int startAge;
    private final int quitAge;

    private SmokingHistory(int startAge, int quitAge) {
        this.startAge = startAge;
        this.quitAge = quitAge;
    }

    static SmokingHistory draw(Sex sex, int ageAtEnd, RandomGenerator random) {
        SmokingPrevalence table = SmokingPrevalence.get();
        SmokingPrevalence.Band cohort = table.band(sex, Math.max(ageAtEnd, 18));
        if (random.nextDouble() >= cohort.ever()) {
            return new SmokingHistory(NEVER, NEVER);
        }
        // initiation mostly in late teens (Surgeon General 2012: ~90% of adult smokers start before 18-21)
        int start = 14 + (int) Math.min(12, Math.abs(random.nextGaussian()) * 4);
        double u = random.nextDouble();
        int quit = NEVER;
        List<SmokingPrevalence.Band> bands = table.bands(sex);
        double stillSmoking = 1;
        for (int age = start; age <= 100; age++) {
            stillSmoking = Math.min(stillSmoking, shareStillSmoking(bands, age));
            if (u > stillSmoking) {
                quit = age;
                break;
            }
        }
        return new SmokingHistory(start, quit);
    }

    /** current/(current+former), interpolated between band mid-points. */
    private static double shareStillSmoking(List<SmokingPrevalence.Band> bands, int age) {
        SmokingPrevalence.Band prev = null;
        for (SmokingPrevalence.Band b : bands) {
            double mid = (b.from() + Math.min(b.to(), b.from() + 20)) / 2.0;
            double share = b.ever() <= 0 ? 0 : b.current() / b.ever();
            if (age <= mid) {
                if (prev == null) {
                    return share;
                }
                double prevMid = (prev.from() + Math.min(prev.to(), prev.from() + 20)) / 2.0;
                double prevShare = prev.ever() <= 0 ? 0 : prev.current() / prev.ever();
                return prevShare + (age - prevMid) / (mid - prevMid) * (share - prevShare);
            }
            prev = b;
        }
        return prev == null || prev.ever() <= 0 ? 0 : prev.current() / prev.ever();
    }

    boolean smokesAt(int age) {
        return age >= startAge && age < quitAge;
    }

    boolean everSmokedBy(int age) {
        return age >= startAge;
    }
}
