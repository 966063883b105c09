package org.sitrep.risk.classification;

/**
 * A small suffix-stripping stemmer for English report text (a reduced Porter step 1 plus a few derivational
 * suffixes). It only has to map inflected forms of one word onto one feature: {@code killed}, {@code killing},
 * {@code kills} → {@code kill}; {@code injuries}, {@code injury} → {@code injuri}; {@code evacuated},
 * {@code evacuation} → {@code evacu}.
 */
public final class EnglishStemmer {

    private EnglishStemmer() {
    }

    /** Words (mostly acronyms) that only look inflected. */
    private static final java.util.Set<String> KEEP = java.util.Set.of("ddos", "sms", "gps", "dns", "https", "news",
            "chaos", "ios", "aids", "sars", "gas", "bus", "apts", "wps", "ups", "cms", "oss", "xss");

    public static String stem(String word) {
        String w = word;
        if (w.length() <= 3 || KEEP.contains(w)) {
            return w;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        // step 1a: plurals
        if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "i";
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        // step 1b: -ed / -ing
        boolean stripped = false;
        if (w.endsWith("eed")) {
            if (w.length() > 4) {
                w = w.substring(0, w.length() - 1);
            }
        } else if (w.endsWith("ed") && w.length() > 4 && hasVowel(w, w.length() - 2)) {
            w = w.substring(0, w.length() - 2);
            stripped = true;
        } else if (w.endsWith("ing") && w.length() > 5 && hasVowel(w, w.length() - 3)) {
            w = w.substring(0, w.length() - 3);
            stripped = true;
        }
        if (stripped) {
            int n = w.length();
            if (n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1))
                    && "lsz".indexOf(w.charAt(n - 1)) < 0) {
                w = w.substring(0, n - 1);
            } else if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
                w = w + "e";
            }
        }
        // step 1c: y → i after a consonant
        if (w.length() > 3 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        // a few derivational suffixes
        w = strip(w, "ational", "ate");
        w = strip(w, "ation", "ate");
        w = strip(w, "ement", "");
        w = strip(w, "ness", "");
        w = strip(w, "ful", "");
        w = strip(w, "ously", "ous");
        w = strip(w, "ly", "");
        if (w.endsWith("ate") && w.length() > 6) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String strip(String w, String suffix, String replacement) {
        if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
            return w.substring(0, w.length() - suffix.length()) + replacement;
        }
        return w;
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if (isVowel(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
