package org.sitrep.briefing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reporting timeliness per unit over a period: the delay between a report's {@code occurredAt} (the unit's) and
 * {@code receivedAt} (ours). {@code units} in unit id order; {@code lateUnits} are the units whose median delay exceeds
 * {@code limit} (ISO-8601), the latest first. Pure and deterministic: the same samples give the same figures.
 */
public record Timeliness(String limit, List<Unit> units, List<String> lateUnits) {

    /**
     * One unit: its reports in the period, the median delay (seconds; the mean of the two middle delays for an even
     * count, rounded down), how many and what share (percent, one decimal) arrived within one hour, whether the median
     * exceeds the limit, and the link to its reports.
     */
    public record Unit(String unitId, int reportCount, long medianDelaySeconds, int withinHour,
            BigDecimal withinHourPercent, boolean beyondLimit, String reports) {
    }

    /** One report's times. */
    public record Sample(String unitId, Instant occurredAt, Instant receivedAt) {
    }

    public static Timeliness of(List<Sample> samples, Duration limit, Function<String, String> reportsLink) {
        Map<String, List<Long>> delays = new TreeMap<>();
        for (Sample s : samples) {
            delays.computeIfAbsent(s.unitId(), k -> new ArrayList<>())
                    .add(Duration.between(s.occurredAt(), s.receivedAt()).getSeconds());
        }
        List<Unit> units = new ArrayList<>();
        delays.forEach((unit, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            int n = sorted.size();
            long median = n % 2 == 1 ? sorted.get(n / 2) : Math.floorDiv(sorted.get(n / 2 - 1) + sorted.get(n / 2), 2);
            int withinHour = (int) sorted.stream().filter(d -> d <= 3600).count();
            BigDecimal percent = BigDecimal.valueOf(withinHour * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
            units.add(new Unit(unit, n, median, withinHour, percent, median > limit.getSeconds(), reportsLink.apply(unit)));
        });
        List<String> late = units.stream().filter(Unit::beyondLimit)
                .sorted(Comparator.comparingLong(Unit::medianDelaySeconds).reversed().thenComparing(Unit::unitId))
                .map(Unit::unitId).toList();
        return new Timeliness(limit.toString(), List.copyOf(units), late);
    }
}
