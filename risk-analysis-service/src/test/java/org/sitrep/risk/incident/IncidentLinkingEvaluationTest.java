package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.risk.classification.ClassifierTrainer;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.Taxonomy;
import org.sitrep.risk.classification.TextClassifier;
import org.sitrep.risk.classification.LabelledReport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures incident linking on the labelled duplicate groups (src/test/resources/incidents/duplicate-groups.jsonl):
 * reports are fed in order of occurrence, each linked against the earlier ones, and the predicted incidents are
 * compared with the labelled groups pair by pair. Writes target/incident-linking.md; with -Dsitrep.write-docs=true
 * also docs/incident-linking.md.
 */
class IncidentLinkingEvaluationTest {

    static final Duration WINDOW = Duration.ofHours(36);
    static final double THRESHOLD = 0.08;
    static final double CROSS_LANGUAGE_THRESHOLD = 0.08;
    static final int MAX_DOCUMENT_FREQUENCY = 8;

    record Labelled(String id, String group, String regionCode, Instant occurredAt, String text, boolean english,
            String category) {
    }

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
    }

    static List<Labelled> load() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        // the service links after classifying, so the linker sees the category the model gives each report
        TextClassifier classifier = new ClassifierTrainer(Taxonomy.bundled())
                .train(CORPUS.reports(), CORPUS.hash(), 0.6).classifier();
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = IncidentLinkingEvaluationTest.class.getResourceAsStream("/incidents/duplicate-groups.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String title = n.path("title").isTextual() ? n.get("title").asText() + "\n" : "";
                String body = n.get("body").asText();
                String category = classifier.classify(title.isEmpty() ? null : title.strip(), body).category().name();
                boolean english = body.chars().filter(c -> c < 128 && Character.isLetter(c)).count() > body.length() / 2;
                out.add(new Labelled(n.get("id").asText(), n.get("group").asText(), n.get("regionCode").asText(),
                        Instant.parse(n.get("occurredAt").asText()), title + body, english, category));
            }
        }
        out.sort(Comparator.comparing(Labelled::occurredAt).thenComparing(Labelled::id));
        return out;
    }

    /** Weights learnt from the training corpus, as the service does: never from the labelled groups. */
    static final Corpus CORPUS = Corpus.load();
    static final FeatureWeights WEIGHTS = FeatureWeights.learn(CORPUS.reports().stream().map(LabelledReport::text).toList(),
            MAX_DOCUMENT_FREQUENCY);

    static IncidentLinker linker(double threshold, double crossLanguageThreshold) {
        return new IncidentLinker(WINDOW, threshold, crossLanguageThreshold, WEIGHTS);
    }

    static Map<String, UUID> link(List<Labelled> reports, IncidentLinker linker) {
        Map<String, UUID> incidentOf = new HashMap<>();
        List<IncidentLinker.Sighting> seen = new ArrayList<>();
        for (Labelled r : reports) {
            IncidentLinker.Sighting s = IncidentLinker.sighting(r.id(), r.regionCode(), r.occurredAt(), r.category(), r.text());
            IncidentLinker.Decision d = linker.link(s, seen);
            incidentOf.put(r.id(), d.incidentId());
            seen.add(s.withIncident(d.incidentId()));
        }
        return incidentOf;
    }

    static PairScore pairs(List<Labelled> reports, Map<String, UUID> predicted) {
        long tp = 0;
        long pred = 0;
        long actual = 0;
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                boolean same = reports.get(i).group().equals(reports.get(j).group());
                boolean linked = predicted.get(reports.get(i).id()).equals(predicted.get(reports.get(j).id()));
                if (same) {
                    actual++;
                }
                if (linked) {
                    pred++;
                }
                if (same && linked) {
                    tp++;
                }
            }
        }
        return new PairScore(tp, pred, actual);
    }

    /**
     * The 1,240 corpus reports are 1,240 different incidents. Placed at random over 21 days in their own counties
     * (about 60 reports a day, a busy office), every report that joins an earlier one is a false merge.
     */
    static final List<Labelled> DISTINCT = distinctIncidents();

    static List<Labelled> distinctIncidents() {
        java.util.Random random = new java.util.Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Labelled> out = new ArrayList<>();
        for (LabelledReport r : CORPUS.reports()) {
            out.add(new Labelled(r.id(), r.id(), r.regionCode(), start.plusSeconds(random.nextInt(21 * 86_400)), r.text(),
                    "en".equals(r.lang()), r.category().name()));
        }
        out.sort(Comparator.comparing(Labelled::occurredAt).thenComparing(Labelled::id));
        return out;
    }

    static double falseMergeRate(IncidentLinker linker) {
        Map<String, UUID> incidents = link(DISTINCT, linker);
        return (DISTINCT.size() - new java.util.HashSet<>(incidents.values()).size()) / (double) DISTINCT.size();
    }

    static String row(List<Labelled> reports, double threshold, double cross) {
        PairScore s = pairs(reports, link(reports, linker(threshold, cross)));
        return String.format(Locale.ROOT, "| %.2f | %.2f | %.3f | %.3f | %.3f | %.3f |%n", threshold, cross, s.precision(),
                s.recall(), s.f1(), falseMergeRate(linker(threshold, cross)));
    }

    @Test
    void linkingKeepsItsMeasuredPrecisionAndRecallOnTheLabelledDuplicateGroups() throws IOException {
        List<Labelled> reports = load();
        StringBuilder sweep = new StringBuilder(
                "| threshold | cross-language threshold | precision | recall | F1 | false merges at corpus density |\n|---|---|---|---|---|---|\n");
        for (double t : new double[] {0.04, 0.06, 0.08, 0.12, 0.16}) {
            sweep.append(row(reports, t, CROSS_LANGUAGE_THRESHOLD));
        }
        for (double c : new double[] {0.04, 0.06, 0.12}) {
            sweep.append(row(reports, THRESHOLD, c));
        }
        double falseMerges = falseMergeRate(linker(THRESHOLD, CROSS_LANGUAGE_THRESHOLD));
        PairScore score = pairs(reports, link(reports, linker(THRESHOLD, CROSS_LANGUAGE_THRESHOLD)));
        long groups = reports.stream().map(Labelled::group).distinct().count();
        String report = String.format(Locale.ROOT, """
                # Incident linking: measured figures

                Regenerate: `mvn -B -q test -pl risk-analysis-service -Dtest=IncidentLinkingEvaluationTest -Dsitrep.write-docs=true`

                Labelled set: `risk-analysis-service/src/test/resources/incidents/duplicate-groups.jsonl` — %d reports in %d
                incidents (groups of 1–4 reports by different units or follow-ups, many single reports that resemble another
                incident: same kind of event in the same county days apart, the same road at another kilometre post, another
                victim the same day). Reports are linked in order of occurrence, each against the earlier ones; a predicted
                pair is two reports put into one incident.

                At the configured thresholds %.2f (same language) and %.2f (Chinese with English), window %d h: **pairwise precision %.3f, recall %.3f, F1 %.3f**
                (%d of %d predicted pairs correct, %d labelled pairs). At corpus density — the 1,240 corpus reports, all different
                incidents, placed at random over 21 days in their counties — **%.1f %%** of reports are merged into another
                report's incident (false merges).

                How it links: each report's title and body become a set of hashed shingles — pairs of Chinese characters,
                the same pairs spelt in pinyin (蒿坪 ~ haoping, so English reports meet Chinese place names), Latin words
                cut to five letters, and figures. Shingles are weighted by their inverse document frequency in the
                labelled training corpus (never in this set), so the phrasing all reports share weighs little and the
                names and figures of one incident weigh much; shingles found in more than %d corpus reports (the
                vocabulary of a kind of incident) weigh nothing. A new report joins the incident of the most similar earlier
                report of the same city-level area within the window, when the cosine similarity (less a small penalty
                for another county and for the time gap) reaches the threshold; a Chinese and an English report are
                compared on what both can hold (pinyin, Latin words, figures) with their own threshold, and gain a little
                when the model put both in one category in one county within 12 hours; reports the model put in
                different categories lose a little. An incident is judged by all its reports (the mean of the best and
                the average similarity), so a report resembling one member of a larger incident does not join it. The
                categories here come from the same classifier the service runs, trained on the corpus.

                **Target not yet met.** The issue asks for ≥ 0.9 precision and recall. The thresholds are set for
                precision: a false merge hides an incident from the duty officer, while a missed link only shows one
                incident as two (reports and incidents are shown side by side). Lower thresholds raise recall on the
                labelled set but merge a growing share of distinct incidents at a busy office's density
                (the last column), which the labelled set alone does not show. Most missed pairs join a Chinese and an
                English report of the same incident, which share little beyond a place name and a figure. Next steps: a
                bilingual gazetteer of place names, and extraction of the incident's place, time and figures as
                structured facts.

                Threshold sweep (same data):

                %s
                """, reports.size(), groups, THRESHOLD, CROSS_LANGUAGE_THRESHOLD, WINDOW.toHours(), score.precision(), score.recall(), score.f1(),
                score.truePositives(), score.predicted(), score.actual(), 100 * falseMerges, MAX_DOCUMENT_FREQUENCY, sweep);
        System.out.println(report);
        Path target = Path.of("target", "incident-linking.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        if (Boolean.getBoolean("sitrep.write-docs")) {
            Files.writeString(Path.of(System.getProperty("sitrep.docs.dir", "../docs"), "incident-linking.md"), report);
        }
        // the target is 0.9 for both; these floors hold what the linker reaches today (docs/incident-linking.md)
        assertThat(score.precision()).as("pairwise precision").isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall()).as("pairwise recall").isGreaterThanOrEqualTo(0.42);
        assertThat(falseMerges).as("false merges at corpus density").isLessThanOrEqualTo(0.06);
    }
}
