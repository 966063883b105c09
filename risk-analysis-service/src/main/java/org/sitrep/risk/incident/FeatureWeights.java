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

    private final Map<Integer, Double> idf;
    private final Map<Integer, Integer> df;
    private final int maxDocumentFrequency;
    private final double unseen;

    private FeatureWeights(Map<Integer, Double> idf, Map<Integer, Integer> df, int maxDocumentFrequency, double unseen) {
        this.idf = idf;
        this.df = df;
        this.maxDocumentFrequency = maxDocumentFrequency;
        this.unseen = unseen;
    }

    public static FeatureWeights learn(Collection<String> texts, int maxDocumentFrequency) {
        Map<Integer, Integer> df = new HashMap<>();
        for (String text : texts) {
            for (int f : TextFingerprint.of(text).features()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        int n = texts.size();
        Map<Integer, Double> idf = new HashMap<>(df.size() * 2);
        df.forEach((f, count) -> idf.put(f, Math.log((n + 1.0) / (count + 1.0)) + 1));
        return new FeatureWeights(idf, df, maxDocumentFrequency, Math.log(n + 1.0) + 1);
    }

    /** The weight of the rarest shingle: one never seen in the reference reports. */
    double unseen() {
        return unseen;
    }

    double weight(int feature, boolean capped) {
        if (capped && (feature & TextFingerprint.COMMON_BIT) != 0) {
            return 0;
        }
        Double w = idf.get(feature);
        if (w == null) {
            return unseen;
        }
        return capped && df.get(feature) > maxDocumentFrequency ? 0 : w;
    }
}
