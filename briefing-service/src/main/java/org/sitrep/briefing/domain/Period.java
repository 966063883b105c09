package org.sitrep.briefing.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A half-open interval of time {@code [from, to)}. */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period of equal length that ends where this one starts. */
    public Period previous() {
        return new Period(from.minus(length()), from);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The office day before the one that contains {@code now}: [yesterday 00:00, today 00:00) in {@code zone}. */
    public static Period previousOfficeDay(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return new Period(today.minusDays(1).atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant());
    }

    /**
     * The office week before the one that contains {@code now}: [previous Monday 00:00, this Monday 00:00) in
     * {@code zone}.
     */
    public static Period previousOfficeWeek(Instant now, ZoneId zone) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(monday.minusWeeks(1).atStartOfDay(zone).toInstant(), monday.atStartOfDay(zone).toInstant());
    }

    /** The start of the UTC hour an instant falls in: the time bucket of the hourly aggregate. */
    public static Instant hourOf(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * Splits the period for counting: the whole hours inside it (summed from the hourly aggregate) and the partial
     * hours at its edges (counted from the reports themselves). Together they cover the period exactly once.
     */
    public HourSplit hourSplit() {
        Instant firstWhole = hourOf(from).equals(from) ? from : hourOf(from).plus(1, ChronoUnit.HOURS);
        Instant lastWholeEnd = hourOf(to);
        if (!firstWhole.isBefore(lastWholeEnd)) {
            return new HourSplit(Optional.empty(), List.of(this));
        }
        List<Period> edges = new ArrayList<>(2);
        if (from.isBefore(firstWhole)) {
            edges.add(new Period(from, firstWhole));
        }
        if (lastWholeEnd.isBefore(to)) {
            edges.add(new Period(lastWholeEnd, to));
        }
        return new HourSplit(Optional.of(new Period(firstWhole, lastWholeEnd)), List.copyOf(edges));
    }

    /** {@code wholeHours} starts and ends on full hours; {@code edges} are shorter than an hour each (or the whole period). */
    public record HourSplit(Optional<Period> wholeHours, List<Period> edges) {
    }
}
