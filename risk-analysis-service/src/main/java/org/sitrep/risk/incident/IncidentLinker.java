package org.sitrep.risk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a new report belongs to an incident already seen: among the earlier reports of the same city-level
 * area within the time window, the most similar one at or above the threshold lends its incident id; otherwise the
 * report starts a new incident. Similarity is the rarity-weighted overlap of the texts' shingles, lowered a little
 * for another county and for a larger gap in time.
 */
public final class IncidentLinker {

    /** What the linker knows of a report. */
    public record Sighting(String reportId, UUID incidentId, String regionCode, Instant occurredAt, String category,
            TextFingerprint fingerprint) {

        public Sighting withIncident(UUID incident) {
            return new Sighting(reportId, incident, regionCode, occurredAt, category, fingerprint);
        }
    }

    /** The incident a report joins, and the report that decided it (empty for a new incident). */
    public record Decision(UUID incidentId, Optional<String> matchedReportId, double score) {
    }

    static final double CATEGORY_PENALTY = 0.02;
    static final double CROSS_LANGUAGE_CONTEXT_BONUS = 0.04;
    static final Duration CLOSE_IN_TIME = Duration.ofHours(12);

    private final Duration window;
    private final double threshold;
    private final double crossLanguageThreshold;
    private final FeatureWeights weights;

    /**
     * @param threshold              similarity from which two reports in one language are one incident
     * @param crossLanguageThreshold the same for a Chinese and an English report, which share only place names spelt
     *                               in pinyin, Latin words and figures, so score lower for the same evidence
     */
    public IncidentLinker(Duration window, double threshold, double crossLanguageThreshold, FeatureWeights weights) {
        this.window = window;
        this.threshold = threshold;
        this.crossLanguageThreshold = crossLanguageThreshold;
        this.weights = weights;
    }

    public static Sighting sighting(String reportId, String regionCode, Instant occurredAt, String category, String text) {
        return new Sighting(reportId, null, regionCode, occurredAt, category, TextFingerprint.of(text));
    }

    public Duration window() {
        return window;
    }

    /** Same city-level area: the first four digits of the administrative-division code. */
    public static boolean nearby(String a, String b) {
        return a.regionMatches(0, b, 0, 4);
    }

    public double score(Sighting a, Sighting b) {
        Duration gap = Duration.between(a.occurredAt(), b.occurredAt()).abs();
        if (!nearby(a.regionCode(), b.regionCode()) || gap.compareTo(window) > 0) {
            return 0;
        }
        double score = a.fingerprint().similarity(b.fingerprint(), weights);
        boolean sameCategory = a.category() != null && a.category().equals(b.category());
        if (a.category() != null && b.category() != null && !sameCategory) {
            score -= CATEGORY_PENALTY;
        }
        if (!a.regionCode().equals(b.regionCode())) {
            score -= 0.01;
        } else if (sameCategory && a.fingerprint().crossLanguage(b.fingerprint())
                && gap.compareTo(CLOSE_IN_TIME) <= 0) {
            // a Chinese and an English report of one kind, one county, within hours: the strongest evidence two
            // languages can share besides names and figures
            score += CROSS_LANGUAGE_CONTEXT_BONUS;
        }
        score -= 0.01 * gap.toMinutes() / (double) window.toMinutes();
        return score;
    }

    /**
     * The incident for {@code report} given the earlier sightings nearby in place and time. An incident is judged by
     * all its reports, not only by the closest one: its score is the mean of the best and the average similarity to
     * its members, so one report that happens to resemble a single member of a larger incident does not join it.
     */
    public Decision link(Sighting report, Collection<Sighting> candidates) {
        java.util.Map<UUID, double[]> incidents = new java.util.LinkedHashMap<>(); // best, sum, count, needed
        java.util.Map<UUID, String> bestReport = new java.util.HashMap<>();
        for (Sighting candidate : candidates) {
            if (candidate.reportId().equals(report.reportId()) || candidate.incidentId() == null) {
                continue;
            }
            double s = score(report, candidate);
            double needed = report.fingerprint().crossLanguage(candidate.fingerprint()) ? crossLanguageThreshold : threshold;
            double[] acc = incidents.computeIfAbsent(candidate.incidentId(), k -> new double[] {Double.NEGATIVE_INFINITY, 0, 0, 0});
            if (s - needed > acc[0] - acc[3] || acc[2] == 0) {
                acc[0] = s;
                acc[3] = needed;
                bestReport.put(candidate.incidentId(), candidate.reportId());
            }
            acc[1] += s;
            acc[2]++;
        }
        UUID chosen = null;
        double chosenMargin = Double.NEGATIVE_INFINITY;
        double chosenScore = 0;
        for (var entry : incidents.entrySet()) {
            double[] acc = entry.getValue();
            double incidentScore = (acc[0] + acc[1] / acc[2]) / 2;
            double margin = incidentScore - acc[3];
            if (acc[0] > 0 && margin > chosenMargin) {
                chosenMargin = margin;
                chosenScore = incidentScore;
                chosen = entry.getKey();
            }
        }
        if (chosen != null && chosenMargin >= 0) {
            return new Decision(chosen, Optional.of(bestReport.get(chosen)), chosenScore);
        }
        return new Decision(UUID.randomUUID(), Optional.empty(), chosenScore);
    }
}
