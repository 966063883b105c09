package org.sitrep.risk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.risk.severity.Grade;
import org.sitrep.risk.severity.SeverityGrader;

/**
 * Held-out evaluation on the labelled corpus: a stratified (category × language) 80/20 split with a fixed seed; the
 * classifier is trained on the 80 % and scored on the 20 % it never saw. Writes target/classifier-evaluation.md.
 */
class ClassifierEvaluationTest {

    static final long SPLIT_SEED = 20261124L;
    static final double REQUIRED_MACRO_F1 = 0.80;

    static Corpus corpus;
    static List<LabelledReport> train = new ArrayList<>();
    static List<LabelledReport> test = new ArrayList<>();

    @BeforeAll
    static void split() {
        corpus = Corpus.load();
        Map<String, List<LabelledReport>> strata = new TreeMap<>();
        for (LabelledReport r : corpus.reports()) {
            strata.computeIfAbsent(r.category() + "|" + language(r), k -> new ArrayList<>()).add(r);
        }
        Random rnd = new Random(SPLIT_SEED);
        for (List<LabelledReport> stratum : strata.values()) {
            List<LabelledReport> shuffled = new ArrayList<>(stratum);
            java.util.Collections.shuffle(shuffled, rnd);
            int held = (int) Math.round(shuffled.size() * 0.2);
            test.addAll(shuffled.subList(0, held));
            train.addAll(shuffled.subList(held, shuffled.size()));
        }
    }

    static String language(LabelledReport r) {
        return "en".equals(r.lang()) ? "en" : "zh";  // "mixed" is Chinese with English terms
    }

    @Test
    void heldOutMacroF1ReachesTheBar() throws IOException {
        assertThat(test).as("held-out reports").isNotEmpty();
        long start = System.nanoTime();
        ClassifierTrainer trainer = new ClassifierTrainer(Taxonomy.bundled());
        ClassifierTrainer.Result result = trainer.train(train, "eval", 0.6);
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        TextClassifier classifier = result.classifier();

        Evaluation all = new Evaluation();
        Map<String, Evaluation> byLanguage = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int reviewed = 0;
        int confidentWrong = 0;
        for (LabelledReport r : test) {
            Classification c = classifier.classify(r.title(), r.body());
            all.add(r.category(), c.category());
            byLanguage.computeIfAbsent(language(r), k -> new Evaluation()).add(r.category(), c.category());
            if (c.needsReview()) {
                reviewed++;
            }
            if (c.category() != r.category()) {
                if (!c.needsReview()) {
                    confidentWrong++;
                }
                errors.add(String.format(Locale.ROOT, "- %s: labelled %s, predicted %s (%.2f)%s", r.id(), r.category(),
                        c.category(), c.confidence(), r.ambiguous() ? " [ambiguous]" : ""));
            }
        }

        // severity agreement of the grader with the labels, over the whole corpus (the grader is not trained)
        SeverityGrader grader = new SeverityGrader();
        int agree = 0;
        int within1 = 0;
        int graded = 0;
        int[][] severityConfusion = new int[4][4];
        List<String> severityMisses = new ArrayList<>();
        for (LabelledReport r : corpus.reports()) {
            if (r.severity() == null) {
                continue;
            }
            Grade label = Grade.valueOf(r.severity());
            var assessment = grader.grade(r.title(), r.body(), casualties(r), r.category());
            Grade got = assessment.grade();
            if (got != label) {
                severityMisses.add("- " + r.id() + ": labelled " + label + ", graded " + got + " " + assessment.reasons());
            }
            severityConfusion[label.ordinal()][got.ordinal()]++;
            graded++;
            if (got == label) {
                agree++;
            }
            if (Math.abs(got.ordinal() - label.ordinal()) <= 1) {
                within1++;
            }
        }

        // throughput on held-out texts (single thread)
        List<String[]> texts = test.stream().map(r -> new String[] {r.title(), r.body()}).toList();
        int warm = 0;
        for (int i = 0; i < 2000; i++) {
            warm += classifier.classify(texts.get(i % texts.size())[0], texts.get(i % texts.size())[1]).evidence().size();
        }
        int runs = 5000;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            warm += classifier.classify(texts.get(i % texts.size())[0], texts.get(i % texts.size())[1]).evidence().size();
        }
        double perSecond = runs / ((System.nanoTime() - t0) / 1e9);
        double avgChars = texts.stream().mapToInt(t -> (t[0] == null ? 0 : t[0].length()) + t[1].length()).average()
                .orElse(0);

        StringBuilder md = new StringBuilder();
        md.append("# Classifier evaluation (generated by ClassifierEvaluationTest)\n\n");
        md.append(String.format(Locale.ROOT,
                "Corpus: %d reports from %s; split 80/20 stratified by category × language (seed %d): %d train, %d held out.%n%n",
                corpus.size(), corpus.files(), SPLIT_SEED, train.size(), test.size()));
        md.append(String.format(Locale.ROOT,
                "Model %s, vocabulary %d features, temperature %.3f (out-of-fold NLL %.3f → %.3f), training %d ms.%n%n",
                classifier.modelVersion(), classifier.vocabularySize(), classifier.temperature(),
                result.report().nllBefore(), result.report().nllAfter(), trainMs));
        md.append("## Held-out, all languages\n\n").append(all.table()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Accuracy %.3f; %d of %d flagged needsReview; %d wrong without the flag.%n%n",
                all.accuracy(), reviewed, test.size(), confidentWrong));
        for (var e : byLanguage.entrySet()) {
            md.append(String.format(Locale.ROOT, "Macro-F1 %s: **%.3f** (%d held-out reports, accuracy %.3f)%n%n",
                    e.getKey(), e.getValue().macroF1(), e.getValue().total, e.getValue().accuracy()));
        }
        md.append("## Confusion matrix (held-out)\n\n").append(all.confusionTable()).append("\n\n");
        md.append("## Misclassified held-out reports\n\n").append(String.join("\n", errors)).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "## Severity\n\nExact agreement of the rule-based grader with the corpus labels: **%.3f** (%d/%d); within one grade %.3f.%n%n",
                (double) agree / graded, agree, graded, (double) within1 / graded));
        md.append("| label \\ graded | I | II | III | IV |\n|---|---|---|---|---|\n");
        for (Grade g : Grade.values()) {
            int[] row = severityConfusion[g.ordinal()];
            md.append(String.format("| %s | %d | %d | %d | %d |%n", g, row[0], row[1], row[2], row[3]));
        }
        md.append("\nDisagreements:\n\n").append(String.join("\n", severityMisses)).append("\n");
        md.append(String.format(Locale.ROOT, "%nThroughput: %.0f classifications/s on one thread (average text %.0f chars).%n",
                perSecond, avgChars));
        System.out.println(md);
        Path out = Path.of("target", "classifier-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());

        assertThat(warm).isPositive();
        assertThat(all.macroF1()).as("held-out macro-F1").isGreaterThanOrEqualTo(REQUIRED_MACRO_F1);
    }

    static org.sitrep.risk.severity.Casualties casualties(LabelledReport r) {
        if (r.casualties() == null) {
            return null;
        }
        return new org.sitrep.risk.severity.Casualties(r.casualties().deaths(), r.casualties().injured());
    }
}
