package org.sitrep.briefing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void previousPeriodHasEqualLengthAndEndsWhereThePeriodStarts() {
        Period p = new Period(t("2030-05-02T06:30:00Z"), t("2030-05-03T08:00:00Z"));
        assertThat(p.previous()).isEqualTo(new Period(t("2030-05-01T05:00:00Z"), t("2030-05-02T06:30:00Z")));
    }

    @Test
    void periodOnWholeHoursIsCountedFromTheAggregateOnly() {
        Period p = new Period(t("2030-05-02T06:00:00Z"), t("2030-05-02T09:00:00Z"));
        assertThat(p.hourSplit().wholeHours()).contains(p);
        assertThat(p.hourSplit().edges()).isEmpty();
    }

    @Test
    void partialHoursAtBothEdgesAreCountedFromReports() {
        Period p = new Period(t("2030-05-02T06:15:00Z"), t("2030-05-02T09:45:30Z"));
        Period.HourSplit split = p.hourSplit();
        assertThat(split.wholeHours()).contains(new Period(t("2030-05-02T07:00:00Z"), t("2030-05-02T09:00:00Z")));
        assertThat(split.edges()).containsExactly(
                new Period(t("2030-05-02T06:15:00Z"), t("2030-05-02T07:00:00Z")),
                new Period(t("2030-05-02T09:00:00Z"), t("2030-05-02T09:45:30Z")));
    }

    @Test
    void periodWithinOneOrTwoPartialHoursHasNoWholeHours() {
        Period inside = new Period(t("2030-05-02T06:15:00Z"), t("2030-05-02T06:45:00Z"));
        assertThat(inside.hourSplit().wholeHours()).isEmpty();
        assertThat(inside.hourSplit().edges()).containsExactly(inside);
        Period across = new Period(t("2030-05-02T06:15:00Z"), t("2030-05-02T07:45:00Z"));
        assertThat(across.hourSplit().wholeHours()).isEmpty();
        assertThat(across.hourSplit().edges()).containsExactly(across);
    }

    @Test
    void previousOfficeDayIsYesterdayInTheOfficeZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // 2030-05-03 08:00 in Shanghai is 00:00 UTC
        Period day = Period.previousOfficeDay(t("2030-05-03T00:00:00Z"), shanghai);
        assertThat(day).isEqualTo(new Period(t("2030-05-01T16:00:00Z"), t("2030-05-02T16:00:00Z")));
        // 2030-05-02 23:30 UTC is already 2030-05-03 07:30 in Shanghai
        assertThat(Period.previousOfficeDay(t("2030-05-02T23:30:00Z"), shanghai)).isEqualTo(day);
    }

    @Test
    void emptyOrReversedPeriodIsRejected() {
        assertThatThrownBy(() -> new Period(t("2030-05-02T06:00:00Z"), t("2030-05-02T06:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void previousOfficeWeekRunsFromThePreviousMondayToThisMondayInTheOfficeZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // Monday 2030-05-06 08:00 Asia/Shanghai
        Period week = Period.previousOfficeWeek(t("2030-05-06T00:00:00Z"), shanghai);
        assertThat(week).isEqualTo(new Period(t("2030-04-28T16:00:00Z"), t("2030-05-05T16:00:00Z")));
        // Sunday 23:59 office time still belongs to the week before: the previous week is one earlier
        assertThat(Period.previousOfficeWeek(t("2030-05-05T15:59:00Z"), shanghai))
                .isEqualTo(new Period(t("2030-04-21T16:00:00Z"), t("2030-04-28T16:00:00Z")));
        // a Wednesday run gives the same week as the Monday run
        assertThat(Period.previousOfficeWeek(t("2030-05-08T03:00:00Z"), shanghai)).isEqualTo(week);
    }
}
