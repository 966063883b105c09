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
    public record Sighting(String reportId, UUID incidentId, String regionCode, Instant occurredAt,
            TextFingerprint fingerprint) {

        public Sighting withIncident(UUID incident) {
            return new Sighting(reportId, incident, regionCode, occurredAt, fingerprint);
        }
    }

    /** The incident a report joins, and the report that decided it (empty for a new incident). */
    public record Decision(UUID incidentId, Optional<String> matchedReportId, double score) {
    }

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

    public static Sighting sighting(String reportId, String regionCode, Instant occurredAt, String text) {
        return new Sighting(reportId, null, regionCode, occurredAt, TextFingerprint.of(text));
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
        if (!a.regionCode().equals(b.regionCode())) {
            score -= 0.01;
        }
        score -= 0.01 * gap.toMinutes() / (double) window.toMinutes();
        return score;
    }

    /** The incident for {@code report} given the earlier sightings nearby in place and time. */
    public Decision link(Sighting report, Collection<Sighting> candidates) {
        Sighting best = null;
        double bestMargin = Double.NEGATIVE_INFINITY;
        double bestScore = 0;
        for (Sighting candidate : candidates) {
            if (candidate.reportId().equals(report.reportId()) || candidate.incidentId() == null) {
                continue;
            }
            double s = score(report, candidate);
            double needed = report.fingerprint().crossLanguage(candidate.fingerprint()) ? crossLanguageThreshold : threshold;
            if (s > 0 && s - needed > bestMargin) {
                bestMargin = s - needed;
                bestScore = s;
                best = candidate;
            }
        }
        if (best != null && bestMargin >= 0) {
            return new Decision(best.incidentId(), Optional.of(best.reportId()), bestScore);
        }
        return new Decision(UUID.randomUUID(), Optional.empty(), bestScore);
    }
}
