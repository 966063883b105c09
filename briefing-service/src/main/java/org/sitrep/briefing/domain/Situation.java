package org.sitrep.briefing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The situation map of a period: region rows × the five categories, with the previous period of equal length and
 * the change against it. Category maps hold all five categories; {@code previous}, {@code change} and the totals also
 * hold {@code ALL}.
 */
public record Situation(Instant from, Instant to, String regionCode, List<Row> regions, Map<String, Long> totals,
        Map<String, Long> previousTotals, Map<String, Long> change) {

    public record Row(String regionCode, String name, Map<String, Long> counts, long total, Map<String, Long> previous,
            Map<String, Long> change) {
    }

    public long total() {
        return totals.getOrDefault(Category.ALL, 0L);
    }
}
