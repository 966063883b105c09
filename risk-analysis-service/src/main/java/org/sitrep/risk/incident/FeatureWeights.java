package org.sitrep.risk.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Inverse document frequencies of shingles, learnt from a reference collection of reports (the labelled corpus):
 * phrasing common to all reports (发生, 目前, reported) weighs little, the names and figures of one incident weigh
 * much. Shingles never seen weigh as much as the rarest. The capped weights give nothing to shingles found in more
 * than {@code maxDocumentFrequency} reference reports (the vocabulary of a kind of incident, not the mark of one) nor
 * to common words of the general language, however rare in the reference reports.
 */
public final class FeatureWeights {

    // an open-addressing table from feature to slot (no boxing): a linking looks up every candidate's few hundred
    // shingles; at each slot the weight and whether the shingle is too frequent to count as rare
    private final int[] keys;
    private final boolean[] used;
    private final double[] idf;
    private final boolean[] frequent;
    private final int mask;
    private final double unseen;

    private FeatureWeights(Map<Integer, Integer> df, int n, int maxDocumentFrequency) {
        int capacity = Integer.highestOneBit(Math.max(df.size(), 1) * 4);
        keys = new int[capacity];
        used = new boolean[capacity];
        idf = new double[capacity];
        frequent = new boolean[capacity];
        mask = capacity - 1;
        unseen = Math.log(n + 1.0) + 1;
        df.forEach((feature, count) -> {
            int slot = slot(feature);
            used[slot] = true;
            keys[slot] = feature;
            idf[slot] = Math.log((n + 1.0) / (count + 1.0)) + 1;
            frequent[slot] = count > maxDocumentFrequency;
        });
    }

    /** The slot of the feature, or of the empty slot where it would go. */
    private int slot(int feature) {
        int slot = (feature * 0x9E3779B9) >>> 7 & mask;
        while (used[slot] && keys[slot] != feature) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    public static FeatureWeights learn(Collection<String> texts, int maxDocumentFrequency) {
        Map<Integer, Integer> df = new HashMap<>();
        for (String text : texts) {
            for (int f : TextFingerprint.of(text).features()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        return new FeatureWeights(df, texts.size(), maxDocumentFrequency);
    }

    /** The weight of the rarest shingle: one never seen in the reference reports. */
    double unseen() {
        return unseen;
    }

    /**
     * The feature's plain weight into {@code out[0]} and its capped weight into {@code out[1]} (zero for a shingle of a
     * common word or one found in too many reference reports), from one lookup.
     */
    void weigh(int feature, double[] out) {
        int slot = slot(feature);
        double plain = used[slot] ? idf[slot] : unseen;
        out[0] = plain;
        out[1] = (feature & TextFingerprint.COMMON_BIT) != 0 || used[slot] && frequent[slot] ? 0 : plain;
    }
}
