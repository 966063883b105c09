package org.sitrep.risk.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The features of one text before they are mapped to a vocabulary: term counts, surfaces and keyword hits. */
final class DocFeatures {

    final Map<String, int[]> counts;
    final Map<String, String> surfaces;
    final int[] keywordCounts;
    final List<KeywordMatcher.Hit> keywordHits;

    private DocFeatures(Map<String, int[]> counts, Map<String, String> surfaces, int[] keywordCounts,
            List<KeywordMatcher.Hit> keywordHits) {
        this.counts = counts;
        this.surfaces = surfaces;
        this.keywordCounts = keywordCounts;
        this.keywordHits = keywordHits;
    }

    /** The text a feature came from: the key itself for Chinese words and bigrams, as written for English. */
    String surface(String key) {
        if (key.startsWith("w:") || key.startsWith("b:")) {
            return key.substring(2);
        }
        return surfaces == null ? null : surfaces.get(key);
    }

    static DocFeatures extract(Tokenizer tokenizer, KeywordMatcher keywords, String text, boolean keepSurfaces) {
        Map<String, int[]> counts = new HashMap<>(256);
        Map<String, String> surfaces = keepSurfaces ? new HashMap<>(256) : null;
        tokenizer.features(text, (key, surface) -> {
            int[] c = counts.get(key);
            if (c == null) {
                counts.put(key, new int[] {1});
                if (surfaces != null && key.charAt(0) == 'e') {
                    surfaces.put(key, surface); // Chinese keys (w:, b:) are their own surface, see surface()
                }
            } else {
                c[0]++;
            }
        });
        List<KeywordMatcher.Hit> hits = keepSurfaces ? new ArrayList<>() : null;
        int[] kw = keywords.count(text, hits);
        return new DocFeatures(counts, surfaces, kw, hits);
    }
}
