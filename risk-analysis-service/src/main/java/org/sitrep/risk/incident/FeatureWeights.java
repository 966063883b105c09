package org.sitrep.risk.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Inverse document frequencies of shingles, learnt from a reference collection of reports (the labelled corpus):
 * phrasing common to all reports (发生, 目前, reported) weighs little, the names and figures of one incident weigh
 * much. Shingles never seen weigh as much as the rarest.
 */
public final class FeatureWeights {

    private final Map<Integer, Double> idf;
    private final double unseen;

    private FeatureWeights(Map<Integer, Double> idf, double unseen) {
        this.idf = idf;
        this.unseen = unseen;
    }

    public static FeatureWeights learn(Collection<String> texts) {
        return learn(texts, Integer.MAX_VALUE);
    }

    /**
     * @param maxDocumentFrequency shingles found in more reference reports than this weigh nothing: they are the
     *                             vocabulary of a kind of incident, not the mark of one incident
     */
    public static FeatureWeights learn(Collection<String> texts, int maxDocumentFrequency) {
        Map<Integer, Integer> df = new HashMap<>();
        for (String text : texts) {
            for (int f : TextFingerprint.of(text).features()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        int n = texts.size();
        Map<Integer, Double> idf = new HashMap<>(df.size() * 2);
        df.forEach((f, count) -> idf.put(f, count > maxDocumentFrequency ? 0.0 : Math.log((n + 1.0) / (count + 1.0)) + 1));
        return new FeatureWeights(idf, Math.log(n + 1.0) + 1);
    }

    double weight(int feature) {
        Double w = idf.get(feature);
        return w == null ? unseen : w;
    }

    double squaredNorm(int[] features) {
        double sum = 0;
        for (int f : features) {
            double w = weight(f);
            sum += w * w;
        }
        return sum;
    }
}
