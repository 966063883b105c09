package org.sitrep.risk.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bilingual lexicon of the things incidents are made of (a fire, a night market, a knife, a canteen, ransomware),
 * read from {@code incidents/concepts.tsv}: a Chinese report and an English report of one incident share few
 * shingles but many concepts. Chinese terms match as substrings, English terms as whole lower-cased words (a term
 * ending in {@code *} as a prefix; several words as consecutive words).
 */
final class Concepts {

    static final String PREFIX = "~c:";
    static final String RESOURCE = "incidents/concepts.tsv";

    private static volatile Concepts bundled;

    /** Chinese terms by their first character. */
    private final Map<Character, List<String[]>> chinese = new HashMap<>();
    /** English terms (their words) by their first word, or by its first four letters for a prefix term. */
    private final Map<String, List<String[]>> english = new HashMap<>();
    private final Map<String, List<String[]>> englishPrefixes = new HashMap<>();
    private final int size;

    private Concepts(String tsv) {
        int n = 0;
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(RESOURCE + ": expected id, Chinese terms, English terms: " + line);
            }
            String id = PREFIX + fields[0].strip();
            n++;
            for (String term : fields[1].split("\\|")) {
                term = term.strip();
                if (!term.isEmpty()) {
                    chinese.computeIfAbsent(term.charAt(0), k -> new ArrayList<>()).add(new String[] {term, id});
                }
            }
            for (String term : fields[2].split("\\|")) {
                String[] words = term.strip().toLowerCase(Locale.ROOT).split("[\\s-]+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                String[] entry = new String[words.length + 1];
                System.arraycopy(words, 0, entry, 0, words.length);
                entry[words.length] = id;
                String first = words[0];
                if (words.length == 1 && first.endsWith("*")) {
                    String prefix = first.substring(0, first.length() - 1);
                    entry[0] = prefix;
                    englishPrefixes.computeIfAbsent(prefix.substring(0, Math.min(4, prefix.length())), k -> new ArrayList<>())
                            .add(entry);
                } else {
                    english.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
                }
            }
        }
        size = n;
    }

    static Concepts bundled() {
        Concepts c = bundled;
        if (c == null) {
            try (InputStream in = Concepts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                c = new Concepts(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = c;
        }
        return c;
    }

    static Concepts parse(String tsv) {
        return new Concepts(tsv);
    }

    int size() {
        return size;
    }

    /** The concepts the text mentions, as {@code ~c:<id>}. */
    Set<String> of(String text) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            List<String[]> terms = chinese.get(text.charAt(i));
            if (terms != null) {
                for (String[] t : terms) {
                    if (text.startsWith(t[0], i)) {
                        out.add(t[1]);
                    }
                }
            }
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            List<String[]> terms = english.get(w);
            if (terms != null) {
                for (String[] t : terms) {
                    if (matchesFrom(words, i, t)) {
                        out.add(t[t.length - 1]);
                    }
                }
            }
            List<String[]> prefixes = englishPrefixes.get(w.substring(0, Math.min(4, w.length())));
            if (prefixes != null) {
                for (String[] t : prefixes) {
                    if (w.startsWith(t[0])) {
                        out.add(t[1]);
                    }
                }
            }
        }
        return out;
    }

    private static boolean matchesFrom(String[] words, int start, String[] term) {
        int n = term.length - 1;
        if (start + n > words.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            String want = term[k];
            String have = words[start + k];
            boolean ok = want.endsWith("*") ? have.startsWith(want.substring(0, want.length() - 1)) : have.equals(want);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
