package org.sitrep.risk.classification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link TextClassifier} from labelled reports, deterministically: k stratified folds give out-of-fold
 * scores on which the calibration temperature is fitted, then the final model is trained on all reports.
 */
public final class ClassifierTrainer {

    /** Training settings. */
    public record Options(int folds, int minDf, LogisticRegression.Params params, long seed) {
        public static final Options DEFAULT = new Options(5, 2, LogisticRegression.Params.DEFAULT, 7L);
    }

    /** What training measured besides the model. */
    public record Report(int documents, int vocabulary, double temperature, double outOfFoldAccuracy,
            double nllBefore, double nllAfter) {
    }

    /** A trained classifier with its training report. */
    public record Result(TextClassifier classifier, Report report) {
    }

    private final Tokenizer tokenizer;
    private final KeywordMatcher keywords;
    private final Taxonomy taxonomy;
    private final Options options;

    public ClassifierTrainer(Tokenizer tokenizer, Taxonomy taxonomy, Options options) {
        this.tokenizer = tokenizer;
        this.taxonomy = taxonomy;
        this.keywords = new KeywordMatcher(taxonomy);
        this.options = options;
    }

    public ClassifierTrainer(Taxonomy taxonomy) {
        this(new Tokenizer(allKeywords(taxonomy)), taxonomy, Options.DEFAULT);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    static List<String> allKeywords(Taxonomy taxonomy) {
        List<String> all = new ArrayList<>();
        taxonomy.categories().forEach(e -> all.addAll(e.keywordsZh()));
        return all;
    }

    public Result train(List<LabelledReport> reports, String corpusHash, double reviewThreshold) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no training reports");
        }
        int[] labels = new int[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            labels[i] = reports.get(i).category().ordinal();
        }
        return train(extract(reports), labels, corpusHash, reviewThreshold);
    }

    /** Features of every report (tokenisation is the costly part; done once, in parallel, order kept). */
    List<DocFeatures> extract(List<LabelledReport> reports) {
        DocFeatures[] docs = new DocFeatures[reports.size()];
        java.util.stream.IntStream.range(0, docs.length).parallel()
                .forEach(i -> docs[i] = DocFeatures.extract(tokenizer, keywords, reports.get(i).text(), false));
        return java.util.Arrays.asList(docs);
    }

    /**
     * Trains on already extracted features: k stratified folds give out-of-fold logits on which the temperature is
     * fitted, then the final model is trained on all documents.
     */
    Result train(List<DocFeatures> docs, int[] labels, String corpusHash, double reviewThreshold) {
        int[] fold = stratifiedFolds(labels, options.folds(), options.seed());
        // the folds are independent: trained in parallel, merged in fold order (so the result is deterministic)
        List<List<double[]>> foldLogits = java.util.stream.IntStream.range(0, options.folds()).parallel()
                .mapToObj(f -> {
                    List<DocFeatures> train = new ArrayList<>();
                    List<Integer> trainY = new ArrayList<>();
                    List<DocFeatures> held = new ArrayList<>();
                    for (int i = 0; i < docs.size(); i++) {
                        if (fold[i] == f) {
                            held.add(docs.get(i));
                        } else {
                            train.add(docs.get(i));
                            trainY.add(labels[i]);
                        }
                    }
                    if (held.isEmpty() || train.isEmpty()) {
                        return List.<double[]>of();
                    }
                    return java.util.Arrays.asList(
                            fitAndScore(train, trainY.stream().mapToInt(Integer::intValue).toArray(), held));
                }).toList();
        List<double[]> oofLogits = new ArrayList<>();
        List<Integer> oofLabels = new ArrayList<>();
        int correct = 0;
        for (int f = 0; f < options.folds(); f++) {
            int k = 0;
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] == f && k < foldLogits.get(f).size()) {
                    double[] z = foldLogits.get(f).get(k++);
                    oofLogits.add(z);
                    oofLabels.add(labels[i]);
                    if (argmax(z) == labels[i]) {
                        correct++;
                    }
                }
            }
        }
        int[] oofY = oofLabels.stream().mapToInt(Integer::intValue).toArray();
        double t = TemperatureScaling.fit(oofLogits, oofY);
        Fitted all = fit(docs, labels);
        String version = TextClassifier.ALGORITHM + "+" + corpusHash;
        TextClassifier classifier = new TextClassifier(tokenizer, keywords, all.vectorizer, all.model, t, version,
                taxonomy.version(), reviewThreshold);
        Report report = new Report(docs.size(), all.vectorizer.textDims, t,
                oofLogits.isEmpty() ? Double.NaN : (double) correct / oofLogits.size(),
                oofLogits.isEmpty() ? Double.NaN : TemperatureScaling.nll(oofLogits, oofY, 1.0),
                oofLogits.isEmpty() ? Double.NaN : TemperatureScaling.nll(oofLogits, oofY, t));
        return new Result(classifier, report);
    }

    /** One model without calibration (for model selection): raw logits of the given documents. */
    double[][] fitAndScore(List<DocFeatures> train, int[] trainLabels, List<DocFeatures> score) {
        Fitted m = fit(train, trainLabels);
        double[][] out = new double[score.size()][Category.count()];
        for (int i = 0; i < score.size(); i++) {
            m.model.logits(m.vectorizer.vectorize(score.get(i)), out[i]);
        }
        return out;
    }

    private record Fitted(Vectorizer vectorizer, LogisticRegression model) {
    }

    private Fitted fit(List<DocFeatures> docs, int[] labels) {
        Vectorizer v = Vectorizer.fit(docs, options.minDf());
        List<SparseVector> xs = new ArrayList<>(docs.size());
        for (DocFeatures d : docs) {
            xs.add(v.vectorize(d));
        }
        return new Fitted(v, LogisticRegression.train(xs, labels, v.dims(), Category.count(), options.params()));
    }

    /** Assigns each item a fold so that every class is spread evenly over the folds (seeded shuffle per class). */
    public static int[] stratifiedFolds(int[] labels, int folds, long seed) {
        Map<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[labels.length];
        Random rnd = new Random(seed);
        int offset = 0;
        for (List<Integer> members : byClass.values()) {
            java.util.Collections.shuffle(members, rnd);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = (j + offset) % folds;
            }
            offset += members.size();
        }
        return fold;
    }

    static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }

    static Map<Category, Integer> classCounts(int[] labels) {
        Map<Category, Integer> m = new EnumMap<>(Category.class);
        for (int l : labels) {
            m.merge(Category.of(l), 1, Integer::sum);
        }
        return m;
    }
}
