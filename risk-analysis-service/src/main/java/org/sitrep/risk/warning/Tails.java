package org.sitrep.risk.warning;

/**
 * Upper tails P(X ≥ x) of the count distributions the detector uses. The tail is summed upwards from x term by term
 * (each term from the previous by the pmf ratio), so that small p-values keep their relative precision instead of
 * being lost in {@code 1 − cdf}.
 */
public final class Tails {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    private Tails() {
    }

    /** P(X ≥ x) for X ~ Poisson(lambda); 1 for x ≤ 0. */
    public static double poissonUpper(long x, double lambda) {
        if (x <= 0) {
            return 1.0;
        }
        if (!(lambda > 0)) {
            return 0.0;
        }
        double logTerm = -lambda + x * Math.log(lambda) - logGamma(x + 1.0);
        return sumUpwards(logTerm, k -> lambda / (k + 1), x);
    }

    /**
     * P(X ≥ x) for a negative binomial with the given mean and variance (variance &gt; mean), parameterised by the method
     * of moments: size r = mean² / (variance − mean), success probability p = r / (r + mean).
     */
    public static double negativeBinomialUpper(long x, double mean, double variance) {
        if (x <= 0) {
            return 1.0;
        }
        if (!(mean > 0)) {
            return 0.0;
        }
        if (!(variance > mean)) {
            return poissonUpper(x, mean);
        }
        double r = mean * mean / (variance - mean);
        double p = r / (r + mean);
        double q = 1 - p;
        double logTerm = logGamma(x + r) - logGamma(r) - logGamma(x + 1.0) + r * Math.log(p) + x * Math.log(q);
        return sumUpwards(logTerm, k -> (k + r) / (k + 1) * q, x);
    }

    private interface Ratio {
        double next(long k);
    }

    private static double sumUpwards(double logFirst, Ratio ratio, long x) {
        double term = Math.exp(logFirst);
        if (term == 0.0) {
            return 0.0;
        }
        double sum = 0;
        for (long k = x; k < x + 100_000; k++) {
            sum += term;
            double r = ratio.next(k);
            term *= r;
            if (r < 1 && term < sum * 1e-16) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    /** ln Γ(z) for z &gt; 0 (Lanczos, g = 7; relative error ≈ 1e-15). */
    public static double logGamma(double z) {
        if (z < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
        }
        z -= 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
