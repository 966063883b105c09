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

    static DocFeatures extract(Tokenizer tokenizer, KeywordMatcher keywords, String text, boolean keepSurfaces) {
        Map<String, int[]> counts = new HashMap<>(256);
        Map<String, String> surfaces = keepSurfaces ? new HashMap<>(256) : null;
        tokenizer.features(text, (key, surface) -> {
            int[] c = counts.get(key);
            if (c == null) {
                counts.put(key, new int[] {1});
                if (surfaces != null) {
                    surfaces.put(key, surface);
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
