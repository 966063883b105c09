package org.sitrep.risk.classification;

import java.util.List;

/**
 * Calibration by temperature scaling: probabilities are {@code softmax(logits / T)} with the one T that minimises the
 * negative log-likelihood of held-out (out-of-fold) predictions. T &gt; 1 softens an over-confident model.
 */
public final class TemperatureScaling {

    public static final double MIN = 0.05;
    public static final double MAX = 20.0;

    private TemperatureScaling() {
    }

    /** Golden-section search over ln T. */
    public static double fit(List<double[]> logits, int[] labels) {
        if (logits.isEmpty()) {
            return 1.0;
        }
        double a = Math.log(MIN);
        double b = Math.log(MAX);
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = nll(logits, labels, Math.exp(c));
        double fd = nll(logits, labels, Math.exp(d));
        for (int it = 0; it < 80; it++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = nll(logits, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = nll(logits, labels, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    /** Mean negative log-likelihood of the labels under softmax(logits / t). */
    public static double nll(List<double[]> logits, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < logits.size(); i++) {
            double[] p = probabilities(logits.get(i), t);
            sum -= Math.log(Math.max(p[labels[i]], 1e-12));
        }
        return sum / logits.size();
    }

    public static double[] probabilities(double[] logits, double t) {
        double[] z = new double[logits.length];
        for (int c = 0; c < z.length; c++) {
            z[c] = logits[c] / t;
        }
        LogisticRegression.softmaxInPlace(z);
        return z;
    }
}
