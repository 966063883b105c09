package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.domain.Timeliness;

/**
 * What a briefing says: everything but its id and generation time. Its canonical JSON is hashed into the content
 * hash, so the same period over the same data always gives the same hash. {@code narrative}, {@code timeliness} and
 * {@code activeAlerts} (those active at {@code to}) are null in briefings stored before they existed.
 */
public record BriefingContent(String kind, Instant from, Instant to, String regionCode, Headline headline,
        Situation situation, List<IncidentItem> mostSevere, List<Cell> cells, Narrative narrative,
        Timeliness timeliness, List<AlertSummary> activeAlerts) {

    /** The summary in words, generated from the figures ({@code language} {@code zh} or {@code en}). */
    public record Narrative(String language, List<String> paragraphs) {
    }

    /**
     * The report figures ({@code totals}, …, {@code reportCount}) and, side by side, the incident figures: incidents
     * whose earliest report lies in the period and the scope, each counted once.
     */
    public record Headline(Map<String, Long> totals, Map<String, Long> previousTotals, Map<String, Long> change,
            long reportCount, Map<String, Long> incidentTotals, Map<String, Long> previousIncidentTotals,
            Map<String, Long> incidentChange, long incidentCount) {
    }

    /**
     * One incident of the most-severe list, standing for it: its gravest report of the briefing (the report fields),
     * {@code reportCount} and {@code reportIds} (newest first) of its reports in the briefing's period and scope, and
     * {@code incidentReportCount}, its reports in all.
     */
    public record IncidentItem(UUID id, String title, String unitId, String regionCode, String regionName,
            Instant occurredAt, String severity, String category, UUID incidentId, int reportCount,
            List<UUID> reportIds, int incidentReportCount) {
    }

    /**
     * The reports behind one non-zero cell of the situation map, newest first ({@code reportIds}), and the same reports
     * grouped by incident ({@code incidents}, the incident with the newest report first).
     */
    public record Cell(String regionCode, String category, List<UUID> reportIds, List<CellIncident> incidents) {
    }

    /** The reports of one incident within a cell, newest first. */
    public record CellIncident(UUID incidentId, List<UUID> reportIds) {
    }
}
