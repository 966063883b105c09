package org.sitrep.briefing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelinessTest {

    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private static Timeliness.Sample s(String unit, long delayMinutes) {
        return new Timeliness.Sample(unit, T, T.plus(Duration.ofMinutes(delayMinutes)));
    }

    @Test
    void medianOfAnOddCountIsTheMiddleDelayAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        Timeliness t = Timeliness.of(List.of(s("a", 10), s("a", 300), s("a", 40), s("b", 10), s("b", 20), s("b", 31),
                s("b", 500)), Duration.ofHours(2), u -> "link-" + u);
        assertThat(t.units()).extracting(Timeliness.Unit::unitId).containsExactly("a", "b");
        assertThat(t.units().get(0).medianDelaySeconds()).isEqualTo(40 * 60);
        assertThat(t.units().get(1).medianDelaySeconds()).isEqualTo((20 + 31) * 60 / 2);
        assertThat(t.units().get(0).reports()).isEqualTo("link-a");
    }

    @Test
    void shareWithinOneHourCountsDelaysUpToAndIncludingSixtyMinutes() {
        Timeliness t = Timeliness.of(List.of(s("a", 60), s("a", 61), s("a", 5)), Duration.ofHours(2), u -> "");
        assertThat(t.units().get(0).withinHour()).isEqualTo(2);
        assertThat(t.units().get(0).withinHourPercent()).isEqualTo(new BigDecimal("66.7"));
    }

    @Test
    void unitsWhoseMedianExceedsTheLimitAreLateTheLatestFirst() {
        Timeliness t = Timeliness.of(List.of(s("a", 121), s("b", 120), s("c", 600), s("d", 30)), Duration.ofHours(2),
                u -> "");
        assertThat(t.lateUnits()).containsExactly("c", "a");
        assertThat(t.units()).filteredOn(Timeliness.Unit::beyondLimit).extracting(Timeliness.Unit::unitId)
                .containsExactly("a", "c");
        assertThat(t.limit()).isEqualTo("PT2H");
    }

    @Test
    void sameSamplesInAnotherOrderGiveTheSameFigures() {
        List<Timeliness.Sample> samples = List.of(s("x", 5), s("y", 200), s("x", 90), s("y", 3));
        assertThat(Timeliness.of(samples, Duration.ofHours(2), u -> u))
                .isEqualTo(Timeliness.of(List.of(samples.get(3), samples.get(2), samples.get(1), samples.get(0)), Duration.ofHours(2), u -> u));
    }
}
