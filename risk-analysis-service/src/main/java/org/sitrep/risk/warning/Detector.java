package org.sitrep.risk.warning;

/**
 * The early-warning tests for one region × category series of daily counts. Pure and deterministic: the same counts
 * give the same answer, so the service can re-evaluate any past day and the simulator measures exactly this code.
 *
 * <ul>
 * <li><b>Spike</b>: day t's count against the mean of days t−9 … t−3 (a week, with a two-day guard band so the start
 * of an outbreak does not raise its own baseline). Poisson upper tail P(X ≥ x | λ = max(mean, floor)); when the
 * baseline is over-dispersed (index of dispersion D = variance ÷ mean over a longer window of days t−30 … t−3 above
 * the dispersion factor) a negative binomial with mean λ and variance λ × D (method of moments). Alarm when p &lt; p-threshold and x ≥ min-count.</li>
 * <li><b>Sustained rise</b>: a Poisson CUSUM replayed over the last {@code cusumWindowDays} days, each day j against
 * its own baseline μ0 (mean of j−9 … j−3, floored); reference value k = (μ1 − μ0) / ln(μ1/μ0) for μ1 = shift × μ0;
 * S_j = max(0, S_{j−1} + x_j − k); alarm when S_j ≥ h × D_j (the decision interval widened by the dispersion index,
 * so that over-dispersed series do not alarm all the time), after which S restarts from 0.</li>
 * </ul>
 */
public final class Detector {

    /** First and last baseline day, counted back from the day tested. */
    public static final int BASELINE_FROM = 9;
    public static final int BASELINE_TO = 3;
    public static final int BASELINE_DAYS = BASELINE_FROM - BASELINE_TO + 1;

    public enum Model { POISSON, NEGATIVE_BINOMIAL }

    public record Settings(double pThreshold, long minCount, double dispersionFactor, int dispersionWindowDays,
            double lambdaFloor, double cusumShift, double cusumH, int cusumWindowDays) {

        public Settings {
            if (!(pThreshold > 0 && pThreshold < 1) || minCount < 0 || !(dispersionFactor >= 1) || !(lambdaFloor > 0)
                    || dispersionWindowDays < BASELINE_DAYS || !(cusumShift > 1) || !(cusumH > 0) || cusumWindowDays < 1) {
                throw new IllegalArgumentException("invalid detector settings " + this);
            }
        }

        public Settings withPThreshold(double p) {
            return new Settings(p, minCount, dispersionFactor, dispersionWindowDays, lambdaFloor, cusumShift, cusumH,
                    cusumWindowDays);
        }

        public Settings withCusumH(double h) {
            return new Settings(pThreshold, minCount, dispersionFactor, dispersionWindowDays, lambdaFloor, cusumShift, h,
                    cusumWindowDays);
        }

        public Settings withDispersionFactor(double f) {
            return new Settings(pThreshold, minCount, f, dispersionWindowDays, lambdaFloor, cusumShift, cusumH,
                    cusumWindowDays);
        }

        public Settings withCusumShift(double s) {
            return new Settings(pThreshold, minCount, dispersionFactor, dispersionWindowDays, lambdaFloor, s, cusumH,
                    cusumWindowDays);
        }
    }

    /**
     * @param mean baseline mean (days t−9 … t−3)
     * @param dispersion variance ÷ mean of the longer dispersion window (days t−2−window … t−3), at least 1
     * @param expected λ: the mean, floored
     */
    public record Spike(long observed, double mean, double dispersion, double expected, Model model, double pValue,
            boolean alarm) {
    }

    /** @param threshold the decision interval h, times the dispersion index of the baseline */
    public record Cusum(double value, double mu0, double reference, double threshold, boolean alarm) {
    }

    public record Result(Spike spike, Cusum cusum) {
    }

    private final Settings settings;

    public Detector(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** How many days of counts before t an evaluation of day t reads. */
    public int historyDays() {
        return Math.max(BASELINE_TO + settings.dispersionWindowDays() - 1,
                BASELINE_FROM + settings.cusumWindowDays() - 1) + 1;
    }

    /**
     * Tests day {@code t} of {@code counts} (index = day; days before index 0 count as 0; days after t are ignored).
     */
    public Result evaluate(long[] counts, int t) {
        return new Result(spike(counts, t), cusum(counts, t));
    }

    public Spike spike(long[] counts, int t) {
        long x = at(counts, t);
        double mean = baselineMean(counts, t);
        double dispersion = dispersion(counts, t);
        double lambda = Math.max(mean, settings.lambdaFloor());
        Model model;
        double p;
        if (dispersion > settings.dispersionFactor()) {
            model = Model.NEGATIVE_BINOMIAL;
            p = Tails.negativeBinomialUpper(x, lambda, lambda * dispersion);
        } else {
            model = Model.POISSON;
            p = Tails.poissonUpper(x, lambda);
        }
        boolean alarm = p < settings.pThreshold() && x >= settings.minCount();
        return new Spike(x, mean, dispersion, lambda, model, p, alarm);
    }

    public Cusum cusum(long[] counts, int t) {
        double s = 0;
        double mu0 = settings.lambdaFloor();
        double k = reference(mu0);
        double h = settings.cusumH();
        boolean alarm = false;
        for (int j = t - settings.cusumWindowDays() + 1; j <= t; j++) {
            mu0 = Math.max(baselineMean(counts, j), settings.lambdaFloor());
            k = reference(mu0);
            h = settings.cusumH() * dispersion(counts, j);
            s = Math.max(0, s + at(counts, j) - k);
            alarm = s >= h;
            if (alarm && j < t) {
                s = 0;  // restart after an alarm on an earlier day
            }
        }
        return new Cusum(s, mu0, k, h, alarm);
    }

    /** Reference value k of a Poisson CUSUM from μ0 to μ1 = shift × μ0. */
    public double reference(double mu0) {
        double mu1 = settings.cusumShift() * mu0;
        return (mu1 - mu0) / Math.log(mu1 / mu0);
    }

    static double baselineMean(long[] counts, int t) {
        double sum = 0;
        for (int d = t - BASELINE_FROM; d <= t - BASELINE_TO; d++) {
            sum += at(counts, d);
        }
        return sum / BASELINE_DAYS;
    }

    /**
     * Index of dispersion (sample variance ÷ mean, at least 1) of the days t−2−window … t−3: a longer window than the
     * mean's, because a week's variance is too noisy to tell a Poisson series from an over-dispersed one.
     */
    double dispersion(long[] counts, int t) {
        int from = t - BASELINE_TO - settings.dispersionWindowDays() + 1;
        int n = settings.dispersionWindowDays();
        double sum = 0;
        for (int d = from; d <= t - BASELINE_TO; d++) {
            sum += at(counts, d);
        }
        double mean = sum / n;
        if (mean <= 0) {
            return 1.0;
        }
        double ss = 0;
        for (int d = from; d <= t - BASELINE_TO; d++) {
            double e = at(counts, d) - mean;
            ss += e * e;
        }
        return Math.max(1.0, ss / (n - 1) / mean);
    }

    private static long at(long[] counts, int d) {
        return d < 0 || d >= counts.length ? 0 : counts[d];
    }
}
