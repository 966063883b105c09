package org.sitrep.risk.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained classifier: tokenizer, keyword layer, vocabulary, logistic-regression weights and the calibration
 * temperature. Immutable and thread-safe; {@link #classify} allocates only per-text buffers.
 */
public final class TextClassifier {

    /** Version of the algorithm (features + model); the model version adds the training corpus hash. */
    public static final String ALGORITHM = "logreg-1.1";
    private static final int EVIDENCE = 6;

    private final Tokenizer tokenizer;
    private final KeywordMatcher keywords;
    private final Vectorizer vectorizer;
    private final LogisticRegression model;
    private final double temperature;
    private final String modelVersion;
    private final String taxonomyVersion;
    private final double reviewThreshold;
    private final float[] meanWeight;

    TextClassifier(Tokenizer tokenizer, KeywordMatcher keywords, Vectorizer vectorizer, LogisticRegression model,
            double temperature, String modelVersion, String taxonomyVersion, double reviewThreshold) {
        this.tokenizer = tokenizer;
        this.keywords = keywords;
        this.vectorizer = vectorizer;
        this.model = model;
        this.temperature = temperature;
        this.modelVersion = modelVersion;
        this.taxonomyVersion = taxonomyVersion;
        this.reviewThreshold = reviewThreshold;
        int k = model.classes;
        this.meanWeight = new float[model.dims];
        for (int f = 0; f < model.dims; f++) {
            float s = 0;
            for (int c = 0; c < k; c++) {
                s += model.weight(f, c);
            }
            meanWeight[f] = s / k;
        }
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    public double temperature() {
        return temperature;
    }

    public int vocabularySize() {
        return vectorizer.textDims;
    }

    public Classification classify(String title, String body) {
        String text = title == null || title.isBlank() ? body : title + "\n" + body;
        DocFeatures doc = DocFeatures.extract(tokenizer, keywords, text, true);
        SparseVector x = vectorizer.vectorize(doc);
        double[] z = new double[model.classes];
        model.logits(x, z);
        double[] p = TemperatureScaling.probabilities(z, temperature);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        for (int c = 0; c < p.length; c++) {
            scores.put(Category.of(c), p[c]);
        }
        Category winner = Category.of(best);
        return new Classification(winner, p[best], Collections.unmodifiableMap(scores), evidence(doc, x, best),
                p[best] < reviewThreshold, modelVersion, taxonomyVersion);
    }

    /** Raw (uncalibrated) logits of already extracted features: for evaluation. */
    double[] logits(DocFeatures doc) {
        double[] z = new double[model.classes];
        model.logits(vectorizer.vectorize(doc), z);
        return z;
    }

    /** The category with the highest raw score (no calibration, no evidence): for evaluation. */
    public Category predict(String text) {
        DocFeatures doc = DocFeatures.extract(tokenizer, keywords, text, false);
        SparseVector x = vectorizer.vectorize(doc);
        double[] z = new double[model.classes];
        model.logits(x, z);
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return Category.of(best);
    }

    private List<String> evidence(DocFeatures doc, SparseVector x, int cls) {
        int[] idx = x.index();
        float[] val = x.value();
        int n = idx.length;
        double[] contribution = new double[n];
        for (int j = 0; j < n; j++) {
            int f = idx[j];
            contribution[j] = val[j] * (model.weight(f, cls) - meanWeight[f]);
        }
        Set<String> out = new LinkedHashSet<>();
        Category category = Category.of(cls);
        // partial selection of the largest positive contributions (a full sort of every feature is not needed)
        for (int picked = 0; picked < Math.min(n, 8 * EVIDENCE) && out.size() < EVIDENCE; picked++) {
            int j = -1;
            double bestValue = 0;
            for (int q = 0; q < n; q++) {
                if (contribution[q] > bestValue) {
                    bestValue = contribution[q];
                    j = q;
                }
            }
            if (j < 0) {
                break;
            }
            contribution[j] = 0;
            int f = idx[j];
            if (f >= vectorizer.textDims) {
                Category kwCat = Category.of(f - vectorizer.textDims);
                if (kwCat == category) {
                    for (KeywordMatcher.Hit h : doc.keywordHits) {
                        if (h.category() == category && out.size() < EVIDENCE) {
                            out.add(h.surface());
                        }
                    }
                }
                continue;
            }
            String surface = doc.surface(vectorizer.keys[f]);
            if (surface != null && !covered(out, surface)) {
                out.add(surface);
            }
        }
        return new ArrayList<>(out);
    }

    /** A bigram already inside a listed word adds nothing. */
    private static boolean covered(Set<String> out, String surface) {
        for (String s : out) {
            if (s.contains(surface)) {
                return true;
            }
        }
        return false;
    }
}
