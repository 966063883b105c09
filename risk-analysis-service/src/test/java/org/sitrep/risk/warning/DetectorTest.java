package org.sitrep.risk.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DetectorTest {

    static final Detector.Settings DEFAULTS = new Detector.Settings(1e-4, 3, 1.2, 28, 0.2, 2.0, 10, 14);
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
        assertThat(s.pValue()).isEqualTo(Tails.poissonUpper(12, s.expected()));
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
        assertThat(s.pValue()).isEqualTo(Tails.negativeBinomialUpper(12, s.expected(), s.expected() * s.dispersion()));
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
        assertThat(two.pValue()).isLessThan(0.02);
        assertThat(two.alarm()).as("below min-count 3").isFalse();
        c[39] = 3;
        assertThat(detector.spike(c, 39).pValue()).isCloseTo(0.0011484812448621328, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(detector.spike(c, 39).alarm()).as("p = 0.0011 is not below 1e-4").isFalse();
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
        assertThat(firstAlarm).as("the second day of the rise is flagged").isEqualTo(41);
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
}
