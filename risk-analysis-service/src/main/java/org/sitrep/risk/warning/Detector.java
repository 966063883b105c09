package org.sitrep.risk.warning;

/**
 * The early-warning tests for one region × category series of daily counts. Pure and deterministic: the same counts
 * give the same answer, so the service can re-evaluate any past day and the simulator measures exactly this code.
 *
 * <ul>
 * <li><b>Spike</b>: day t's count against the mean of days t−9 … t−3 (a week, with a two-day guard band so the start
 * of an outbreak does not raise its own baseline). Poisson upper tail P(X ≥ x | λ = max(mean, floor)); when the
 * baseline is over-dispersed (index of dispersion D = variance ÷ mean over a longer window of days t−30 … t−3 above
 * the dispersion factor) a negative binomial with mean λ and variance λ × D (method of moments). Both allow for the
 * uncertainty of the 7-day mean (predictive variance × (1 + 1/7), see {@link #upperTail}). Alarm when
 * p &lt; p-threshold and x ≥ min-count.</li>
 * <li><b>Two-day window</b> (raised as a spike): the sum of days t−1 and t against twice the same baseline mean, same
 * family (Poisson, or a negative binomial with mean 2λ and variance 2λ × D — the sum of two independent days with the
 * same 28-day index of dispersion; predictive variance × (1 + 2/7)). Alarm when p &lt; window-p-threshold, the
 * sum ≥ min-count and day t itself is above λ (so that a spike on day t−1 alone does not alarm again on day t). An outbreak missed on its first day is caught on its second with twice the data.</li>
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

    public record Settings(double pThreshold, double windowPThreshold, long minCount, double dispersionFactor,
            int dispersionWindowDays, double lambdaFloor, double cusumShift, double cusumH, int cusumWindowDays) {

        public Settings {
            if (!(pThreshold > 0 && pThreshold < 1) || !(windowPThreshold >= 0 && windowPThreshold < 1) || minCount < 0 || !(dispersionFactor >= 1) || !(lambdaFloor > 0)
                    || dispersionWindowDays < BASELINE_DAYS || !(cusumShift > 1) || !(cusumH > 0) || cusumWindowDays < 1) {
                throw new IllegalArgumentException("invalid detector settings " + this);
            }
        }

        public Settings withPThreshold(double p) {
            return new Settings(p, windowPThreshold, minCount, dispersionFactor, dispersionWindowDays, lambdaFloor,
                    cusumShift, cusumH, cusumWindowDays);
        }

        public Settings withCusumH(double h) {
            return new Settings(pThreshold, windowPThreshold, minCount, dispersionFactor, dispersionWindowDays,
                    lambdaFloor, cusumShift, h, cusumWindowDays);
        }

        public Settings withDispersionFactor(double f) {
            return new Settings(pThreshold, windowPThreshold, minCount, f, dispersionWindowDays, lambdaFloor,
                    cusumShift, cusumH, cusumWindowDays);
        }

        public Settings withCusumShift(double s) {
            return new Settings(pThreshold, windowPThreshold, minCount, dispersionFactor, dispersionWindowDays,
                    lambdaFloor, s, cusumH, cusumWindowDays);
        }

        /** A window p-threshold of 0 switches the two-day test off. */
        public Settings withWindowPThreshold(double p) {
            return new Settings(pThreshold, p, minCount, dispersionFactor, dispersionWindowDays, lambdaFloor,
                    cusumShift, cusumH, cusumWindowDays);
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

    /**
     * The two-day window test of day t.
     *
     * @param observed the sum of the counts of days t−1 and t
     * @param expected 2λ: twice the (floored) baseline mean of day t
     */
    public record Window(long observed, double expected, double dispersion, Model model, double pValue,
            boolean alarm) {
    }

    /** @param threshold the decision interval h, times the dispersion index of the baseline */
    public record Cusum(double value, double mu0, double reference, double threshold, boolean alarm) {
    }

    public record Result(Spike spike, Window window, Cusum cusum) {

        /** A spike alert is due: the day test or the two-day window test alarms. */
        public boolean spikeAlarm() {
            return spike.alarm() || window.alarm();
        }

        /** Any statistical alarm (spike, two-day window or CUSUM). */
        public boolean alarm() {
            return spikeAlarm() || cusum.alarm();
        }
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
        return new Result(spike(counts, t), window(counts, t), cusum(counts, t));
    }

    public Spike spike(long[] counts, int t) {
        long x = at(counts, t);
        double mean = baselineMean(counts, t);
        double dispersion = dispersion(counts, t);
        double lambda = Math.max(mean, settings.lambdaFloor());
        Model model = model(dispersion);
        double p = upperTail(x, lambda, model, dispersion, 1);
        boolean alarm = p < settings.pThreshold() && x >= settings.minCount();
        return new Spike(x, mean, dispersion, lambda, model, p, alarm);
    }

    /**
     * The two-day window test: x(t−1) + x(t) against mean 2λ (λ of day t, i.e. days t−9 … t−3, which excludes both
     * window days) and, when over-dispersed, variance 2λ × D.
     */
    public Window window(long[] counts, int t) {
        long x = at(counts, t - 1) + at(counts, t);
        double lambda = Math.max(baselineMean(counts, t), settings.lambdaFloor());
        double dispersion = dispersion(counts, t);
        double expected = 2 * lambda;
        Model model = model(dispersion);
        double p = upperTail(x, expected, model, dispersion, 2);
        // day t must itself be above the baseline: otherwise yesterday's spike alone would alarm again today
        boolean alarm = p < settings.windowPThreshold() && x >= settings.minCount() && at(counts, t) > lambda;
        return new Window(x, expected, dispersion, model, p, alarm);
    }

    /** Negative binomial when the 28-day index of dispersion exceeds the dispersion factor, else Poisson. */
    public Model model(double dispersion) {
        return dispersion > settings.dispersionFactor() ? Model.NEGATIVE_BINOMIAL : Model.POISSON;
    }

    /**
     * P(X ≥ x) for the sum X of {@code days} future days whose baseline mean per day was estimated from the
     * {@link #BASELINE_DAYS} baseline days. The background model has mean m = days × λ and variance m (Poisson) or
     * m × D (negative binomial); since λ is itself an estimate from 7 days, with variance λ (× D) / 7, the predictive
     * distribution of X has variance m (× D) × (1 + days / 7): for a Poisson series this is the Poisson–gamma
     * (negative binomial) predictive distribution. Without this term the 7-day plug-in mean understates the tail, most
     * at small baselines (see docs/early-warning.md).
     */
    public static double upperTail(long x, double mean, Model model, double dispersion, int days) {
        double inflation = 1 + (double) days / BASELINE_DAYS;
        double variance = mean * (model == Model.NEGATIVE_BINOMIAL ? dispersion : 1.0) * inflation;
        return Tails.negativeBinomialUpper(x, mean, variance);
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
