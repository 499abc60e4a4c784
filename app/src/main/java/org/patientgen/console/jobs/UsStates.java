package org.patientgen.console.jobs;

import java.util.List;
import java.util.Locale;

/** The US states (and DC) a job can simulate, by USPS code; the engine checks names too. */
final class UsStates {
    static final List<String> CODES = List.of("AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI",
            "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE",
            "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA",
            "WI", "WV", "WY");

    private UsStates() {
    }

    /** Empty for a known code or a longer name (the engine checks names), else what to do. */
    static String check(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "Choose a US state, e.g. MA.";
        }
        if (t.length() == 2 && !CODES.contains(t.toUpperCase(Locale.ROOT))) {
            return "\"" + t + "\" is not a US state code; choose one from the list, e.g. MA.";
        }
        return "";
    }
}
