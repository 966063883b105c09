package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sitrep.briefing.domain.Situation;

/**
 * What a briefing says: everything but its id and generation time. Its canonical JSON is hashed into the content
 * hash, so the same period over the same data always gives the same hash.
 */
public record BriefingContent(String kind, Instant from, Instant to, String regionCode, Headline headline,
        Situation situation, List<ReportItem> mostSevere, List<Cell> cells) {

    public record Headline(Map<String, Long> totals, Map<String, Long> previousTotals, Map<String, Long> change,
            long reportCount) {
    }

    /** The reports behind one non-zero cell of the situation map, newest first. */
    public record Cell(String regionCode, String category, List<UUID> reportIds) {
    }
}
