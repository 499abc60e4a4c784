package org.patientgen.engine.module;

/** Attribute names the engine's lifecycle maintains for modules to read. */
public final class Attributes {
    /** Boolean: currently smokes cigarettes. */
    public static final String SMOKER = "smoker";
    /** Boolean: has ever smoked regularly. */
    public static final String EVER_SMOKER = "ever_smoker";
    /** Number: annual household income in USD. */
    public static final String INCOME = "income";
    /** String: less_than_hs, hs_degree, some_college, bs_degree. */
    public static final String EDUCATION = "education";
    /** String: High, Middle or Low, derived from income and education. */
    public static final String SES_CATEGORY = "socioeconomic_category";

    private Attributes() {
    }
}
