package org.sitrep.risk.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values computed independently (SciPy poisson.sf / nbinom.sf). */
class TailsTest {

    @Test
    void poissonUpperTailMatchesReferenceValues() {
        assertThat(Tails.poissonUpper(10, 2.0)).isCloseTo(4.649807501726386e-05, withinPercentage(1e-6));
        assertThat(Tails.poissonUpper(3, 0.2)).isCloseTo(0.0011484812448621328, withinPercentage(1e-6));
        assertThat(Tails.poissonUpper(21, 10.0)).isCloseTo(0.0015882606618580573, withinPercentage(1e-6));
    }

    @Test
    void poissonUpperTailEdgeCases() {
        assertThat(Tails.poissonUpper(0, 3.0)).isEqualTo(1.0);
        assertThat(Tails.poissonUpper(1, 3.0)).isCloseTo(1 - Math.exp(-3), within(1e-14));
        assertThat(Tails.poissonUpper(5, 0.0)).isZero();
        // far in the tail the relative precision holds: P(X ≥ 40 | 2) ≈ 2.47e-35 (first term dominates)
        assertThat(Tails.poissonUpper(40, 2.0)).isGreaterThan(0).isLessThan(1e-34);
    }

    @Test
    void negativeBinomialUpperTailMatchesReferenceValues() {
        // r = 2, p = 0.4: mean 3, variance 7.5; P(X ≥ 10)
        assertThat(Tails.negativeBinomialUpper(10, 3.0, 7.5)).isCloseTo(0.03023308799999999, withinPercentage(1e-6));
        // r = 5, p = 1/3: mean 10, variance 30; P(X ≥ 30)
        assertThat(Tails.negativeBinomialUpper(30, 10.0, 30.0)).isCloseTo(0.003919433658214029, withinPercentage(1e-6));
    }

    @Test
    void negativeBinomialWithoutOverdispersionIsPoisson() {
        assertThat(Tails.negativeBinomialUpper(10, 2.0, 2.0)).isEqualTo(Tails.poissonUpper(10, 2.0));
    }

    @Test
    void logGammaMatchesFactorials() {
        assertThat(Tails.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-12));
        assertThat(Tails.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
    }
}
