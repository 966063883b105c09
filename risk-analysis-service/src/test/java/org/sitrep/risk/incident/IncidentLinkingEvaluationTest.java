package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sitrep.risk.classification.ClassifierTrainer;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.LabelledReport;
import org.sitrep.risk.classification.Taxonomy;
import org.sitrep.risk.classification.TextClassifier;
import org.sitrep.risk.incident.LinkTraining.Report;

/**
 * Measures incident linking on the labelled duplicate groups ({@code incidents/duplicate-groups.jsonl}) by 5-fold
 * cross-validation over the groups: the link model of each fold never saw the groups it is scored on. Reports are
 * fed in order of occurrence, each linked against the earlier ones, and the predicted incidents are compared with
 * the labelled groups pair by pair. False merges are measured on half the corpus the model never saw, placed at a
 * busy office's density. Writes target/incident-linking.md; with -Dsitrep.write-docs=true also docs/incident-linking.md.
 */
class IncidentLinkingEvaluationTest {

    static final Duration WINDOW = Duration.ofHours(36);
    static final double THRESHOLD = 0.5;
    static final int MAX_DOCUMENT_FREQUENCY = 8;
    static final int FOLDS = 5;
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    static final Corpus CORPUS = Corpus.load();

    record PairScore(long truePositives, long predicted, long actual) {
        double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            return actual == 0 ? 1 : (double) truePositives / actual;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        PairScore plus(PairScore o) {
            return new PairScore(truePositives + o.truePositives, predicted + o.predicted, actual + o.actual);
        }
    }

    /** The labelled groups with the category the service's classifier gives each report (it links after classifying). */
    static List<Report> labelled() {
        TextClassifier classifier = new ClassifierTrainer(Taxonomy.bundled()).train(CORPUS.reports(), CORPUS.hash(), 0.6)
                .classifier();
        return LinkTraining.labelledGroups().stream()
                .map(r -> r.withCategory(classifier.classify(r.title(), r.body()).category().name())).toList();
    }

    /** Every other corpus report (in order of id), as a distinct incident. */
    static List<Report> corpusReports(int parity) {
        List<LabelledReport> sorted = new ArrayList<>(CORPUS.reports());
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        List<Report> all = LinkTraining.distinct(sorted);
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 2 == parity).mapToObj(all::get).toList();
    }

    /** Half the corpus as distinct incidents at a busy office's density ({@link LinkTraining#REPORTS_PER_DAY}). */
    static final List<Report> TRAINING_CORPUS = LinkTraining.placed(corpusReports(0), 11, START,
            LinkTraining.placementDays(corpusReports(0).size()));
    /** The other half, never seen by any model here, at the same density: every link among them is a false merge. */
    static final List<Report> HELD_OUT_CORPUS = LinkTraining.placed(corpusReports(1), 7, START,
            LinkTraining.placementDays(corpusReports(1).size()));

    /**
     * Shingle weights learnt, as the service learns them, from corpus reports only (never the labelled groups), and
     * here from the training half only, so that the held-out half's names are as new to the linker as a new report's.
     */
    static final FeatureWeights WEIGHTS = FeatureWeights.learn(corpusReports(0).stream().map(Report::text).toList(),
            MAX_DOCUMENT_FREQUENCY);

    static Map<String, Integer> folds(List<Report> reports) {
        List<String> groups = new ArrayList<>(reports.stream().map(Report::group).distinct().sorted().toList());
        Collections.shuffle(groups, new Random(5));
        Map<String, Integer> foldOfGroup = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOfGroup.put(groups.get(i), i % FOLDS);
        }
        return reports.stream().collect(Collectors.toMap(Report::id, r -> foldOfGroup.get(r.group())));
    }

    static Map<String, UUID> link(List<Report> reports, IncidentLinker linker) {
        Map<String, UUID> incidentOf = new HashMap<>();
        List<IncidentLinker.Sighting> seen = new ArrayList<>();
        for (Report r : reports) {
            IncidentLinker.Sighting s = r.sighting();
            IncidentLinker.Decision d = linker.link(s, seen.stream().filter(c -> linker.comparable(s, c)).toList());
            incidentOf.put(r.id(), d.incidentId());
            seen.add(s.withIncident(d.incidentId()));
        }
        return incidentOf;
    }

    /** Pair counts over the pairs whose later report satisfies {@code scored}. */
    static PairScore pairs(List<Report> reports, Map<String, UUID> predicted, Predicate<Report> scored) {
        long tp = 0;
        long pred = 0;
        long actual = 0;
        for (int j = 0; j < reports.size(); j++) {
            if (!scored.test(reports.get(j))) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                boolean same = reports.get(i).group().equals(reports.get(j).group());
                boolean linked = predicted.get(reports.get(i).id()).equals(predicted.get(reports.get(j).id()));
                actual += same ? 1 : 0;
                pred += linked ? 1 : 0;
                tp += same && linked ? 1 : 0;
            }
        }
        return new PairScore(tp, pred, actual);
    }

    static double falseMergeRate(IncidentLinker linker) {
        Map<String, UUID> incidents = link(HELD_OUT_CORPUS, linker);
        return (HELD_OUT_CORPUS.size() - new HashSet<>(incidents.values()).size()) / (double) HELD_OUT_CORPUS.size();
    }

    static final double[] SWEEP = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7};

    @Test
    void crossValidatedLinkingReachesTheTargetAndKeepsFalseMergesRare() throws IOException {
        List<Report> reports = labelled();
        Map<String, Integer> fold = folds(reports);
        Map<Double, PairScore> byThreshold = new HashMap<>();
        Map<Double, Map<String, PairScore>> byKind = new HashMap<>();
        for (int k = 0; k < FOLDS; k++) {
            int test = k;
            List<Report> training = reports.stream().filter(r -> fold.get(r.id()) != test).toList();
            IncidentLinker model = LinkTraining.train(WINDOW, THRESHOLD, WEIGHTS, List.of(training, TRAINING_CORPUS));
            for (double t : SWEEP) {
                Map<String, UUID> predicted = link(reports, model.withThreshold(t));
                byThreshold.merge(t, pairs(reports, predicted, r -> fold.get(r.id()) == test), PairScore::plus);
                if (t == THRESHOLD) {
                    Map<String, PairScore> kinds = byKind.computeIfAbsent(t, x -> new HashMap<>());
                    for (String kind : List.of("zh", "en")) {
                        Set<String> ids = reports.stream().filter(r -> language(r).equals(kind)).map(Report::id)
                                .collect(Collectors.toSet());
                        // pairs whose later report is in this language and the fold
                        kinds.merge(kind, pairs(reports, predicted, r -> fold.get(r.id()) == test && ids.contains(r.id())),
                                PairScore::plus);
                    }
                }
            }
        }
        IncidentLinker all = LinkTraining.train(WINDOW, THRESHOLD, WEIGHTS, List.of(reports, TRAINING_CORPUS));
        // the second batch of groups was written later, by another writer, after the inputs were designed: a model
        // fitted on the first batch alone, scored on the second
        List<Report> firstBatch = reports.stream().filter(r -> groupNumber(r) <= FIRST_BATCH_GROUPS).toList();
        List<Report> secondBatch = reports.stream().filter(r -> groupNumber(r) > FIRST_BATCH_GROUPS).toList();
        IncidentLinker firstOnly = LinkTraining.train(WINDOW, THRESHOLD, WEIGHTS, List.of(firstBatch, TRAINING_CORPUS));
        PairScore heldOut = pairs(secondBatch, link(secondBatch, firstOnly), r -> true);
        StringBuilder sweep = new StringBuilder("| threshold | precision | recall | F1 | false merges, held-out corpus |\n|---|---|---|---|---|\n");
        for (double t : SWEEP) {
            PairScore s = byThreshold.get(t);
            sweep.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.1f %% |%n", t, s.precision(), s.recall(),
                    s.f1(), 100 * falseMergeRate(all.withThreshold(t))));
        }
        double[] c = all.model().coefficients();
        StringBuilder coefficients = new StringBuilder("| input | coefficient |\n|---|---|\n");
        coefficients.append(String.format(Locale.ROOT, "| (intercept) | %.2f |%n", c[0]));
        for (int i = 0; i < PairFeatures.SIZE; i++) {
            coefficients.append(String.format(Locale.ROOT, "| %s | %.2f |%n", PairFeatures.NAMES[i], c[i + 1]));
        }
        PairScore score = byThreshold.get(THRESHOLD);
        PairScore zh = byKind.get(THRESHOLD).get("zh");
        PairScore en = byKind.get(THRESHOLD).get("en");
        double falseMerges = falseMergeRate(all);
        long groups = reports.stream().map(Report::group).distinct().count();
        String report = String.format(Locale.ROOT, """
                # Incident linking: measured figures

                Regenerate: `mvn -B -q test -pl risk-analysis-service -Dtest=IncidentLinkingEvaluationTest -Dsitrep.write-docs=true`

                Labelled set: `risk-analysis-service/src/main/resources/incidents/duplicate-groups.jsonl` — %d reports in %d
                incidents (groups of 1–4 reports by different units or follow-ups, in Chinese, English or both; many single
                reports that resemble another incident: same kind of event in the same county or town within a day or two,
                the same road at another kilometre post, another victim the same day). Two batches: groups g-001 … g-%03d
                were written first; the rest were written later by another writer, who never saw the linker, with
                look-alikes deliberately closer (another fire in the same town the next day).

                **Pairwise precision %.3f, recall %.3f, F1 %.3f** at probability threshold %.1f, by %d-fold cross-validation
                over the incidents (%d of %d predicted pairs correct, %d labelled pairs): the model scoring a fold never saw
                its incidents. Pairs whose later report is Chinese: precision %.3f, recall %.3f; English: precision %.3f,
                recall %.3f. **False merges: %.1f %%** of %d corpus reports — all distinct incidents, never seen by the model,
                placed at random over %d days in their counties (about %d a day; the dates they state moved with them, each
                keeping its distance from the first) — are merged into another report's incident.

                **Second batch held out:** a model fitted on the first batch only (and the corpus) links the second batch
                with precision %.3f and recall %.3f (%d of %d predicted pairs correct, %d labelled pairs). Most inputs were
                designed on the first batch; the last two (counties named, pinyin names in English) after reading the
                cross-validated misses of both, and the threshold and ridge penalty were chosen on the cross-validated
                figures over both — so the cross-validated figure is the one the design was tuned to, and this one is the
                nearer to what reports written by other hands will see.

                ## How it links

                A new report is compared with every earlier report of the same city-level area within %d h. For each pair
                a logistic regression gives the probability that both describe one incident; the report joins the
                incident of the earlier report with the highest probability when it reaches the threshold, else starts
                a new one. (Judging an incident by the mean of its reports' probabilities, by their combined evidence,
                or by all its reports' texts together was tried and gave no better figures.) The inputs:

                - texts as hashed shingles: pairs of Chinese characters, the same pairs spelt in pinyin (北关 ~ beiguan, so
                  English reports meet Chinese place names), Latin words cut to five letters; weighted by inverse document
                  frequency in the classification corpus (never the labelled groups); cosine over all of them, and over
                  the rare ones only (found in at most %d corpus reports); a Chinese and an English text are compared
                  on what both can hold;
                - how many rare shingles both texts hold (pairs of characters that are neither common in the corpus
                  nor words of the general language's dictionary, nor span two such words — so mostly names and
                  figures), and how many names of places and organisations (the characters before 村, 镇, 路, 小区,
                  公司 …, keyed by pinyin so that 石堰村 meets "Shiyan village"; in English also a capitalised word
                  inside a sentence that is spelt in pinyin and is neither an English word of the corpus nor a region,
                  so that "Dinghua Apparel" meets "Dinghua Apparel");
                - the counties a text names (镇安, 镇安县, "Zhen'an county"; from the region catalogue): a city office's
                  report carries the city's code but speaks of an incident in the county it names, so "one names the
                  other's county" (or both name one) stands beside "same county";
                - concepts of a bilingual lexicon (`incidents/concepts.tsv`: 火灾 ~ fire, 夜市 ~ night market, 勒索病毒 ~
                  ransomware), figures read alike in both languages (1,200 ~ 1200, 12.6万 ~ 126000, 三十七 ~ thirty-seven),
                  and the days and hours the texts state (6月13日 ~ 13 June, 21时36分 ~ 21:30);
                - same county, same or different category (from the classifier), time apart, two languages;
                - contradictions: both texts state hours and none lies within an hour of the other's, or both state days
                  and none is the same (added after the second batch was written; the held-out figure above did not
                  change with them).

                The service fits the model at start-up (about 3 s) on every comparable pair of all labelled groups and
                of the whole corpus placed the same way over %d days. The coefficients below are of the model fitted on
                all labelled groups and the training half of the corpus (inputs scaled 0–1):

                %s
                Threshold sweep (cross-validated precision and recall; false merges of the model fitted on all labelled
                groups and half the corpus, on the other half):

                %s
                ## Against the target

                The issue asks for 0.9 precision and recall: at the chosen threshold the cross-validated figures are
                precision %.3f and recall %.3f, so **the target is met on the labelled set**. Two inputs made the
                difference (recall was 0.841 without them): the counties a text names — city offices report incidents of
                their counties under the city's own code, and their reports met the county's own only when the texts
                happened to share wording — and names spelt in pinyin inside English sentences. The held-out second
                batch says where it is weakest: same-town look-alikes written by another hand (two fires in one town a
                day apart share the town's name, the kind of event and the fire brigade's wording) cost precision, and
                later reports that tell another part of an incident (the rescue, the investigation, the office's
                response) with neither names nor wording in common are still missed. A thesaurus of the general language
                (synonym groups), interactions of the inputs, and "each names a place the other does not" (also for
                places finer than a town) were tried and did not help: reports of one incident name different details
                too. Analysts merge and split with `POST /api/v1/incidents/merge` and `POST /api/v1/incidents/{id}/split`; the duty officer sees
                reports beside incidents, so a missed link shows one incident twice but hides nothing.

                ## Limits

                The labelled groups were written for this project (the first batch by the corpus's writer, the second
                by another); reports by real units will differ more in wording. The lexicon and the figure reader cover common wording only.
                The threshold and the ridge penalty were chosen on these cross-validated figures.
                """, reports.size(), groups, FIRST_BATCH_GROUPS, score.precision(), score.recall(), score.f1(), THRESHOLD,
                FOLDS, score.truePositives(), score.predicted(), score.actual(), zh.precision(), zh.recall(), en.precision(),
                en.recall(), 100 * falseMerges, HELD_OUT_CORPUS.size(),
                LinkTraining.placementDays(HELD_OUT_CORPUS.size()), LinkTraining.REPORTS_PER_DAY, heldOut.precision(), heldOut.recall(),
                heldOut.truePositives(), heldOut.predicted(), heldOut.actual(), WINDOW.toHours(), MAX_DOCUMENT_FREQUENCY,
                LinkTraining.placementDays(CORPUS.reports().size()),
                coefficients, sweep, score.precision(), score.recall());
        System.out.println(report);
        Path target = Path.of("target", "incident-linking.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        if (Boolean.getBoolean("sitrep.write-docs")) {
            Files.writeString(Path.of(System.getProperty("sitrep.docs.dir", "../docs"), "incident-linking.md"), report);
        }
        // the target: 0.9 for both
        assertThat(score.precision()).as("cross-validated pairwise precision").isGreaterThanOrEqualTo(0.9);
        assertThat(score.recall()).as("cross-validated pairwise recall").isGreaterThanOrEqualTo(0.9);
        assertThat(falseMerges).as("false merges, held-out corpus").isLessThanOrEqualTo(0.04);
    }

    /** Groups g-001 … g-134 are the first batch of the labelled set; the rest came later. */
    static final int FIRST_BATCH_GROUPS = 134;

    static int groupNumber(Report r) {
        return Integer.parseInt(r.group().substring(2));
    }

    static String language(Report r) {
        String body = r.body();
        return body.chars().filter(ch -> ch < 128 && Character.isLetter(ch)).count() > body.length() / 2 ? "en" : "zh";
    }
}
