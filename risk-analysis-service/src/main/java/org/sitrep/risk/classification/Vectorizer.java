package org.sitrep.risk.classification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@link DocFeatures} onto a fixed vocabulary: sub-linear term frequency ({@code 1 + ln tf}), L2-normalised over
 * the text features, followed by one keyword-layer feature per category ({@code KEYWORD_SCALE · ln(1 + hits)}) whose
 * weights the model learns like any other.
 */
final class Vectorizer {

    static final float KEYWORD_SCALE = 0.5f;

    final Map<String, Integer> vocabulary;
    final String[] keys;
    final int textDims;

    private Vectorizer(Map<String, Integer> vocabulary, String[] keys) {
        this.vocabulary = vocabulary;
        this.keys = keys;
        this.textDims = keys.length;
    }

    int dims() {
        return textDims + Category.count();
    }

    /** Index of the keyword-layer feature of a category. */
    int keywordIndex(Category c) {
        return textDims + c.ordinal();
    }

    /** Builds the vocabulary from training documents (features in at least minDf of them), deterministically. */
    static Vectorizer fit(List<DocFeatures> docs, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (DocFeatures d : docs) {
            for (String k : d.counts.keySet()) {
                df.merge(k, 1, Integer::sum);
            }
        }
        String[] keys = df.entrySet().stream().filter(e -> e.getValue() >= minDf).map(Map.Entry::getKey).sorted()
                .toArray(String[]::new);
        Map<String, Integer> vocab = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            vocab.put(keys[i], i);
        }
        return new Vectorizer(vocab, keys);
    }

    SparseVector vectorize(DocFeatures doc) {
        int n = 0;
        int[] idx = new int[doc.counts.size() + Category.count()];
        float[] val = new float[idx.length];
        for (Map.Entry<String, int[]> e : doc.counts.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                idx[n] = i;
                val[n] = (float) (1.0 + Math.log(e.getValue()[0]));
                n++;
            }
        }
        // sort by index (insertion sort is fine for these sizes; keeps the arrays paired)
        sortPaired(idx, val, n);
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm += val[k] * val[k];
        }
        if (norm > 0) {
            float inv = (float) (1.0 / Math.sqrt(norm));
            for (int k = 0; k < n; k++) {
                val[k] *= inv;
            }
        }
        for (int c = 0; c < Category.count(); c++) {
            if (doc.keywordCounts[c] > 0) {
                idx[n] = textDims + c;
                val[n] = (float) (KEYWORD_SCALE * Math.log1p(doc.keywordCounts[c]));
                n++;
            }
        }
        return new SparseVector(Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    private static void sortPaired(int[] idx, float[] val, int n) {
        if (n < 2) {
            return;
        }
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = ((long) idx[k] << 32) | (Float.floatToRawIntBits(val[k]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int k = 0; k < n; k++) {
            idx[k] = (int) (packed[k] >>> 32);
            val[k] = Float.intBitsToFloat((int) packed[k]);
        }
    }
}
