package org.sitrep.risk.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DetectorTest {

    static final Detector.Settings DEFAULTS = new Detector.Settings(6e-4, 4e-4, 3, 1.2, 28, 0.2, 2.0, 15, 14);
    final Detector detector = new Detector(DEFAULTS);

    /** A series of {@code days} days at a constant level, with the last value set to {@code last}. */
    static long[] flat(int days, long level, long last) {
        long[] c = new long[days];
        Arrays.fill(c, level);
        c[days - 1] = last;
        return c;
    }

    @Test
    void aSpikeFarAboveAPoissonBaselineAlarms() {
        long[] c = new long[40];
        for (int d = 0; d < 40; d++) {
            c[d] = 1 + d % 3;  // 1, 2, 3, … mean 2, variance below the mean
        }
        c[39] = 12;
        Detector.Spike s = detector.spike(c, 39);
        assertThat(s.model()).isEqualTo(Detector.Model.POISSON);
        assertThat(s.mean()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.3));
        assertThat(s.pValue()).isEqualTo(Detector.upperTail(12, s.expected(), Detector.Model.POISSON, s.dispersion(), 1));
        assertThat(s.pValue()).as("the 7-day mean's uncertainty widens the tail").isGreaterThan(Tails.poissonUpper(12, s.expected()));
        assertThat(s.alarm()).isTrue();
        c[39] = 5;
        assertThat(detector.spike(c, 39).alarm()).isFalse();
    }

    @Test
    void theGuardBandDaysDoNotEnterTheBaseline() {
        long[] c = flat(40, 2, 12);
        c[37] = 50;  // t−2 and t−1: the start of the outbreak itself
        c[38] = 50;
        assertThat(detector.spike(c, 39).mean()).isEqualTo(2.0);
        assertThat(detector.spike(c, 39).alarm()).isTrue();
    }

    @Test
    void anOverdispersedBaselineSwitchesToTheNegativeBinomialWithALargerPValue() {
        long[] c = new long[40];
        for (int d = 0; d < 40; d++) {
            c[d] = d % 2 == 0 ? 0 : 6;  // mean 3, variance ≈ 9.3: dispersion index ≈ 3
        }
        c[39] = 12;
        Detector.Spike s = detector.spike(c, 39);
        assertThat(s.model()).isEqualTo(Detector.Model.NEGATIVE_BINOMIAL);
        assertThat(s.dispersion()).isGreaterThan(2.5);
        assertThat(s.pValue()).isCloseTo(Tails.negativeBinomialUpper(12, s.expected(), s.expected() * s.dispersion() * 8 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(s.pValue()).isGreaterThan(Tails.poissonUpper(12, s.expected()));
        assertThat(s.alarm()).isFalse();  // 12 is unremarkable for so erratic a series, though not for a Poisson one
        Detector strict = new Detector(DEFAULTS.withDispersionFactor(100));
        assertThat(strict.spike(c, 39).model()).isEqualTo(Detector.Model.POISSON);
        assertThat(strict.spike(c, 39).alarm()).isTrue();
    }

    @Test
    void aZeroBaselineIsFlooredAndTheMinimumCountApplies() {
        long[] c = flat(40, 0, 2);
        Detector.Spike two = detector.spike(c, 39);
        assertThat(two.expected()).isEqualTo(0.2);
        assertThat(two.pValue()).isLessThan(0.03);
        assertThat(two.alarm()).as("below min-count 3").isFalse();
        c[39] = 3;
        double p3 = detector.spike(c, 39).pValue();
        assertThat(p3).isCloseTo(Tails.negativeBinomialUpper(3, 0.2, 0.2 * 8 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(p3).isBetween(Tails.poissonUpper(3, 0.2), 0.004);  // Poisson alone: 0.00115
        assertThat(detector.spike(c, 39).alarm()).as("p ≈ 0.0036 is not below 6e-4").isFalse();
        c[39] = 4;
        assertThat(detector.spike(c, 39).alarm()).isTrue();
    }

    @Test
    void theCusumReferenceValueLiesBetweenTheTwoMeans() {
        double k = detector.reference(4.0);
        assertThat(k).isCloseTo(4.0 / Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(k).isBetween(4.0, 8.0);
    }

    @Test
    void theCusumAccumulatesASustainedRiseThatNoSingleDayShowsAndRestartsAfterItsAlarm() {
        long[] c = new long[60];
        Arrays.fill(c, 4);
        int firstAlarm = -1;
        for (int d = 40; d < 60; d++) {
            c[d] = 12;  // three times the baseline, day after day: P(X ≥ 12 | 4) ≈ 9e-4, no spike on its own
        }
        for (int t = 40; t < 60; t++) {
            Detector.Result r = detector.evaluate(c, t);
            assertThat(r.spike().alarm()).as("day %d alone is no spike", t).isFalse();
            if (r.cusum().alarm()) {
                firstAlarm = t;
                break;
            }
        }
        // k = 4 / ln 2 ≈ 5.77, so S grows by ≈ 6.2 a day: 6.2, 12.5, 18.7 ≥ h = 15 on the third day
        assertThat(firstAlarm).as("the third day of the rise is flagged").isEqualTo(42);
        // S restarts at 0 after the alarm, so the next day is not an alarm again
        Detector.Cusum next = detector.cusum(c, firstAlarm + 1);
        assertThat(next.alarm()).isFalse();
        assertThat(next.value()).isLessThan(next.threshold());
    }

    @Test
    void theCusumStaysQuietOnAFlatSeries() {
        long[] c = flat(60, 4, 4);
        for (int t = 30; t < 60; t++) {
            assertThat(detector.cusum(c, t).value()).isZero();
        }
    }

    @Test
    void theWindowTestSumsTheLastTwoDaysAgainstTwiceTheBaseline() {
        long[] c = flat(40, 2, 8);
        c[38] = 8;  // two days at 4 × the baseline: neither alone is a spike, together they are
        Detector.Result r = detector.evaluate(c, 39);
        assertThat(r.spike().alarm()).as("8 against 2 on one day").isFalse();
        Detector.Window w = r.window();
        assertThat(w.observed()).isEqualTo(16);
        assertThat(w.expected()).isEqualTo(4.0);
        assertThat(w.model()).isEqualTo(Detector.Model.POISSON);
        assertThat(w.pValue()).isCloseTo(Tails.negativeBinomialUpper(16, 4.0, 4.0 * 9 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(w.pValue()).isLessThan(4e-4);
        assertThat(w.alarm()).isTrue();
        assertThat(r.spikeAlarm()).isTrue();
        assertThat(r.alarm()).isTrue();
        // the day before, the window holds one raised day only
        assertThat(detector.window(c, 38).alarm()).isFalse();
        // a spike on day t−1 alone does not alarm again on day t, whose own count is at the baseline
        long[] echo = flat(40, 2, 2);
        echo[38] = 20;
        Detector.Window after = detector.window(echo, 39);
        assertThat(after.pValue()).isLessThan(4e-4);
        assertThat(after.alarm()).isFalse();
        // a window p-threshold of 0 switches the test off
        assertThat(new Detector(DEFAULTS.withWindowPThreshold(0)).window(c, 39).alarm()).isFalse();
    }

    @Test
    void theWindowTestUsesTheNegativeBinomialWithTheSameDispersionWhenOverdispersed() {
        long[] c = new long[40];
        for (int d = 0; d < 40; d++) {
            c[d] = d % 2 == 0 ? 0 : 6;  // mean 3, dispersion index ≈ 3
        }
        c[38] = 12;
        c[39] = 12;
        Detector.Window w = detector.window(c, 39);
        Detector.Spike s = detector.spike(c, 39);
        assertThat(w.model()).isEqualTo(Detector.Model.NEGATIVE_BINOMIAL);
        assertThat(w.dispersion()).isEqualTo(s.dispersion());
        assertThat(w.expected()).isEqualTo(2 * s.expected());
        assertThat(w.pValue()).isCloseTo(Tails.negativeBinomialUpper(24, w.expected(), w.expected() * w.dispersion() * 9 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(w.pValue()).isLessThan(s.pValue());  // the second day adds evidence
    }

    @Test
    void theWindowTestNeedsTheMinimumCountInItsSum() {
        long[] c = flat(40, 0, 1);
        c[38] = 1;
        Detector.Window two = detector.window(c, 39);
        assertThat(two.observed()).isEqualTo(2);
        assertThat(two.alarm()).as("sum 2 is below min-count 3").isFalse();
        c[38] = 3;
        c[39] = 3;
        Detector.Window six = detector.window(c, 39);
        assertThat(six.expected()).isEqualTo(0.4);
        assertThat(six.pValue()).isLessThan(4e-4);
        assertThat(six.alarm()).isTrue();
        assertThat(detector.spike(c, 39).alarm()).as("3 against 0.2 on one day: p ≈ 0.0036").isFalse();
    }

    @Test
    void thePredictiveTailWidensWithTheNumberOfDaysTested() {
        double one = Detector.upperTail(10, 3.0, Detector.Model.POISSON, 2.5, 1);
        assertThat(one).isCloseTo(Tails.negativeBinomialUpper(10, 3.0, 3.0 * 8 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));  // D ignored for Poisson
        assertThat(one).isGreaterThan(Tails.poissonUpper(10, 3.0));
        double nb = Detector.upperTail(10, 3.0, Detector.Model.NEGATIVE_BINOMIAL, 2.5, 1);
        assertThat(nb).isCloseTo(Tails.negativeBinomialUpper(10, 3.0, 3.0 * 2.5 * 8 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(nb).isGreaterThan(one);
        assertThat(Detector.upperTail(20, 6.0, Detector.Model.POISSON, 1, 2))
                .isCloseTo(Tails.negativeBinomialUpper(20, 6.0, 6.0 * 9 / 7), org.assertj.core.api.Assertions.withinPercentage(1e-9));
    }
}
