package org.sitrep.risk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a new report belongs to an incident already seen: among the earlier reports of the same city-level
 * area within the time window, the incident whose reports are most probably the same incident (by {@link LinkModel}
 * over {@link PairFeatures}) lends its id when that probability reaches the threshold; otherwise the report starts a
 * new incident.
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

    private final Duration window;
    private final double threshold;
    private final FeatureWeights weights;
    private final LinkModel model;

    /**
     * @param threshold probability from which a report joins an incident
     */
    public IncidentLinker(Duration window, double threshold, FeatureWeights weights, LinkModel model) {
        this.window = window;
        this.threshold = threshold;
        this.weights = weights;
        this.model = model;
    }

    /** The same model with another threshold. */
    public IncidentLinker withThreshold(double other) {
        return new IncidentLinker(window, other, weights, model);
    }

    public double threshold() {
        return threshold;
    }

    LinkModel model() {
        return model;
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

    /** True when the two reports are near enough in place and time to be compared at all. */
    public boolean comparable(Sighting a, Sighting b) {
        return comparable(a, b, window);
    }

    static boolean comparable(Sighting a, Sighting b, Duration window) {
        return nearby(a.regionCode(), b.regionCode())
                && Duration.between(a.occurredAt(), b.occurredAt()).abs().compareTo(window) <= 0;
    }

    public double[] features(Sighting a, Sighting b) {
        return PairFeatures.of(a, b, weights, window);
    }

    /** The probability that the two reports are one incident; 0 when they are too far apart to compare. */
    public double score(Sighting a, Sighting b) {
        return comparable(a, b) ? model.probability(features(a, b)) : 0;
    }

    /**
     * The incident for {@code report} given the earlier sightings nearby in place and time: the incident of the earlier
     * report most probably of the same incident, when that probability reaches the threshold; else a new incident.
     */
    public Decision link(Sighting report, Collection<Sighting> candidates) {
        Map<UUID, List<Sighting>> members = new LinkedHashMap<>();
        for (Sighting candidate : candidates) {
            if (!candidate.reportId().equals(report.reportId()) && candidate.incidentId() != null) {
                members.computeIfAbsent(candidate.incidentId(), k -> new ArrayList<>()).add(candidate);
            }
        }
        UUID chosen = null;
        String chosenReport = null;
        double chosenScore = 0;
        for (var entry : members.entrySet()) {
            Sighting best = null;
            double bestScore = -1;
            for (Sighting member : entry.getValue()) {
                double p = score(report, member);
                if (p > bestScore) {
                    bestScore = p;
                    best = member;
                }
            }
            if (bestScore > chosenScore) {
                chosenScore = bestScore;
                chosen = entry.getKey();
                chosenReport = best.reportId();
            }
        }
        if (chosen != null && chosenScore >= threshold) {
            return new Decision(chosen, Optional.of(chosenReport), chosenScore);
        }
        return new Decision(UUID.randomUUID(), Optional.empty(), chosenScore);
    }
}
