package org.patientgen.engine.export.fhir;

import java.util.Locale;

/**
 * The BCP-47 tag ({@code urn:ietf:bcp:47}) for a demographic language name as the population
 * data spells it ("english", "spanish", "chinese", …). English is {@code en-US} because every
 * patient lives in the US; other languages get the bare language subtag, since the data says
 * nothing about region. Unknown names map to null and are exported as text only.
 *
 * @param tag     the BCP-47 tag
 * @param display its English name, as in the IANA subtag registry
 */
record LanguageCode(String tag, String display) {
    static final String SYSTEM = "urn:ietf:bcp:47";

    /** The code for {@code languageName}, or null when it has no known BCP-47 tag. */
    static LanguageCode of(String languageName) {
        if (languageName == null) {
            return null;
        }
        // A switch, not a map lookup: the name set is small and fixed, and lower-casing is skipped
        // for the common already-lower-case input by trying the raw string first.
        LanguageCode c = lookup(languageName);
        return c != null ? c : lookup(languageName.trim().toLowerCase(Locale.ROOT));
    }

    private static LanguageCode lookup(String name) {
        return switch (name) {
            case "english" -> new LanguageCode("en-US", "English (United States)");
            case "spanish" -> new LanguageCode("es", "Spanish");
            case "french" -> new LanguageCode("fr", "French");
            case "german" -> new LanguageCode("de", "German");
            case "italian" -> new LanguageCode("it", "Italian");
            case "portuguese" -> new LanguageCode("pt", "Portuguese");
            case "russian" -> new LanguageCode("ru", "Russian");
            case "polish" -> new LanguageCode("pl", "Polish");
            case "greek" -> new LanguageCode("el", "Greek");
            case "dutch" -> new LanguageCode("nl", "Dutch");
            case "chinese", "mandarin" -> new LanguageCode("zh", "Chinese");
            case "cantonese" -> new LanguageCode("yue", "Yue Chinese");
            case "japanese" -> new LanguageCode("ja", "Japanese");
            case "korean" -> new LanguageCode("ko", "Korean");
            case "vietnamese" -> new LanguageCode("vi", "Vietnamese");
            case "tagalog", "filipino" -> new LanguageCode("tl", "Tagalog");
            case "thai" -> new LanguageCode("th", "Thai");
            case "hmong" -> new LanguageCode("hmn", "Hmong");
            case "khmer", "cambodian" -> new LanguageCode("km", "Khmer");
            case "lao", "laotian" -> new LanguageCode("lo", "Lao");
            case "hindi" -> new LanguageCode("hi", "Hindi");
            case "urdu" -> new LanguageCode("ur", "Urdu");
            case "bengali" -> new LanguageCode("bn", "Bengali");
            case "gujarati" -> new LanguageCode("gu", "Gujarati");
            case "punjabi" -> new LanguageCode("pa", "Punjabi");
            case "arabic" -> new LanguageCode("ar", "Arabic");
            case "hebrew" -> new LanguageCode("he", "Hebrew");
            case "persian", "farsi" -> new LanguageCode("fa", "Persian");
            case "armenian" -> new LanguageCode("hy", "Armenian");
            case "haitian", "haitian creole", "french creole" -> new LanguageCode("ht", "Haitian");
            case "somali" -> new LanguageCode("so", "Somali");
            case "swahili" -> new LanguageCode("sw", "Swahili");
            case "navajo" -> new LanguageCode("nv", "Navajo");
            case "ukrainian" -> new LanguageCode("uk", "Ukrainian");
            case "yiddish" -> new LanguageCode("yi", "Yiddish");
            default -> null;
        };
    }
}
