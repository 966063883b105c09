package org.sitrep.risk.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

/**
 * The keyword layer: finds the taxonomy's keywords of every category in one pass over the lower-cased text
 * (Aho-Corasick). Latin keywords must stand as whole words; Chinese ones match anywhere.
 */
public final class KeywordMatcher {

    /** One keyword found in a text. */
    public record Hit(Category category, String surface) {
    }

    private final AhoCorasickDoubleArrayTrie<int[]> trie = new AhoCorasickDoubleArrayTrie<>();

    public KeywordMatcher(Taxonomy taxonomy) {
        TreeMap<String, int[]> map = new TreeMap<>();
        for (Taxonomy.Entry e : taxonomy.categories()) {
            List<String> all = new ArrayList<>(e.keywordsZh());
            all.addAll(e.keywordsEn());
            for (String k : all) {
                String key = k.toLowerCase(Locale.ROOT).strip();
                if (key.isEmpty()) {
                    continue;
                }
                int[] cats = map.get(key);
                int ord = e.code().ordinal();
                if (cats == null) {
                    map.put(key, new int[] {ord});
                } else if (java.util.Arrays.stream(cats).noneMatch(c -> c == ord)) {
                    int[] more = java.util.Arrays.copyOf(cats, cats.length + 1);
                    more[cats.length] = ord;
                    map.put(key, more);
                }
            }
        }
        trie.build(map);
    }

    /** Number of keyword hits per category (indexed by ordinal); hits receives each hit when not null. */
    public int[] count(String text, List<Hit> hits) {
        int[] counts = new int[Category.count()];
        if (text == null || text.isEmpty()) {
            return counts;
        }
        char[] lower = new char[text.length()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(Tokenizer.normalise(text.charAt(i)));
        }
        trie.parseText(lower, (begin, end, cats) -> {
            if (!boundary(lower, begin, end)) {
                return;
            }
            for (int c : cats) {
                counts[c]++;
                if (hits != null) {
                    hits.add(new Hit(Category.of(c), text.substring(begin, end)));
                }
            }
        });
        return counts;
    }

    private static boolean boundary(char[] s, int begin, int end) {
        if (isLatin(s[begin]) && begin > 0 && isLatin(s[begin - 1])) {
            return false;
        }
        return !(isLatin(s[end - 1]) && end < s.length && isLatin(s[end]));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
