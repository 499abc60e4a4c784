package org.patientgen.engine.sim;

import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.AdultNorms;
import org.patientgen.engine.reference.GrowthCharts;
import org.patientgen.engine.reference.GrowthCharts.Chart;

/**
 * A person's body over a lifetime: height, weight, BMI, blood pressure, heart and respiration
 * rate. Each person keeps a percentile (z-score) per measure that drifts slowly (an AR(1) process
 * with stationary variance 1), so population distributions match the reference tables at every
 * age while individuals track their own curve: CDC growth charts until 20, NHANES adult tables
 * after. Blood pressure is correlated with BMI (r ≈ 0.4), which is what makes obesity raise
 * hypertension risk without a special case.
 */
final class BodyModel {
    private static final double PERSISTENCE = 0.97;
    private static final double INNOVATION = Math.sqrt(1 - PERSISTENCE * PERSISTENCE);
    private static final double BP_BMI_LOADING = 0.44;
    private static final double BP_OWN_LOADING = Math.sqrt(1 - BP_BMI_LOADING * BP_BMI_LOADING);

    private final Sex sex;
    private final GrowthCharts growth = GrowthCharts.get();
    private final AdultNorms adults = AdultNorms.get();
    private final double zHeight;
    private double zBmi;
    private double zSystolic;
    private double zDiastolicOwn;
    private final double zHeart;

    BodyModel(Sex sex, java.util.random.RandomGenerator random) {
        this.sex = sex;
        this.zHeight = clamp(random.nextGaussian());
        this.zBmi = clamp(random.nextGaussian());
        this.zSystolic = clamp(random.nextGaussian());
        this.zDiastolicOwn = clamp(random.nextGaussian());
        this.zHeart = clamp(random.nextGaussian());
    }

    /** Advances the individual percentiles by one year of drift. */
    void drift(java.util.random.RandomGenerator random) {
        zBmi = clamp(PERSISTENCE * zBmi + INNOVATION * random.nextGaussian());
        zSystolic = clamp(PERSISTENCE * zSystolic + INNOVATION * random.nextGaussian());
        zDiastolicOwn = clamp(PERSISTENCE * zDiastolicOwn + INNOVATION * random.nextGaussian());
    }

    /** Writes the current vital signs for {@code person} at {@code time}. */
    void update(Person person, long time) {
        double ageYears = person.ageYearsExact(time);
        double ageMonths = ageYears * 12;
        double height;
        double weight;
        double bmi;
        if (ageMonths < 24) {
            height = growth.value(Chart.LENGTH_FOR_AGE_INFANT, sex, ageMonths, zHeight);
            weight = growth.value(Chart.WEIGHT_FOR_AGE_INFANT, sex, ageMonths, 0.6 * zBmi + 0.4 * zHeight);
            bmi = weight / (height * height / 10_000);
        } else if (ageYears < 20) {
            height = growth.value(Chart.STATURE_FOR_AGE, sex, ageMonths, zHeight);
            bmi = growth.value(Chart.BMI_FOR_AGE, sex, ageMonths, zBmi);
            weight = bmi * height * height / 10_000;
        } else {
            double adultHeight = growth.value(Chart.STATURE_FOR_AGE, sex, 240, zHeight);
            // stature shrinks about 1 cm per decade after 40
            height = adultHeight - Math.max(0, ageYears - 40) * 0.1;
            AdultNorms.Normal b = adults.at(sex, ageYears, AdultNorms.Measure.BMI);
            bmi = Math.max(14, logNormal(b.mean(), b.sd(), zBmi));
            weight = bmi * height * height / 10_000;
        }
        double zSys = BP_BMI_LOADING * zBmi + BP_OWN_LOADING * zSystolic;
        double zDia = 0.6 * zSys + 0.8 * zDiastolicOwn;
        double systolic;
        double diastolic;
        if (ageYears < 18) {
            // pediatric BP rises roughly linearly through childhood (NHLBI Fourth Report, 50th percentiles)
            systolic = 88 + 1.6 * ageYears + 9 * zSys;
            diastolic = 50 + 1.1 * ageYears + 7 * zDia;
        } else {
            AdultNorms.Normal s = adults.at(sex, ageYears, AdultNorms.Measure.SYSTOLIC);
            AdultNorms.Normal d = adults.at(sex, ageYears, AdultNorms.Measure.DIASTOLIC);
            systolic = s.mean() + s.sd() * zSys;
            diastolic = d.mean() + d.sd() * zDia;
        }
        diastolic = Math.min(diastolic, systolic - 20);
        double heart = ageYears < 1 ? 130 : ageYears < 12 ? 120 - 4 * ageYears : 72;
        double respiration = ageYears < 1 ? 35 : ageYears < 12 ? 30 - ageYears : 16;
        person.setVital(VitalSign.HEIGHT, round1(height));
        person.setVital(VitalSign.WEIGHT, round1(weight));
        person.setVital(VitalSign.BMI, round1(bmi));
        person.setVital(VitalSign.SYSTOLIC_BLOOD_PRESSURE, Math.round(systolic));
        person.setVital(VitalSign.DIASTOLIC_BLOOD_PRESSURE, Math.round(diastolic));
        person.setVital(VitalSign.HEART_RATE, Math.round(heart + 8 * zHeart));
        person.setVital(VitalSign.RESPIRATION_RATE, Math.round(respiration + 1.5 * zHeart));
    }

    /**
     * Adult BMI is right-skewed: a normal draw with the NHANES mean and SD puts too many people
     * above 30. A log-normal with the same mean and SD keeps both and skews the tail the right way.
     */
    static double logNormal(double mean, double sd, double z) {
        double sigma2 = Math.log(1 + (sd / mean) * (sd / mean));
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * z);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Keeps percentiles within ±3.5 SD so no measurement leaves the plausible range. */
    private static double clamp(double z) {
        return Math.max(-3.5, Math.min(3.5, z));
    }
}
