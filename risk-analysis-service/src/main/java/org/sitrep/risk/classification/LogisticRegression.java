package org.sitrep.risk.classification;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression (softmax) over sparse vectors, trained by AdaGrad SGD with L2 regularisation and a
 * seeded shuffle, so the same data always gives the same weights. Weights are stored feature-major
 * ({@code w[f * K + k]}) so that scoring touches one contiguous block per active feature.
 */
final class LogisticRegression {

    /** Training settings. */
    record Params(int epochs, double learningRate, double l2, long seed) {
        static final Params DEFAULT = new Params(30, 0.5, 1e-6, 20261L);
    }

    final int dims;
    final int classes;
    final float[] w;
    final double[] bias;

    private LogisticRegression(int dims, int classes, float[] w, double[] bias) {
        this.dims = dims;
        this.classes = classes;
        this.w = w;
        this.bias = bias;
    }

    /** Raw scores (logits) into out. */
    void logits(SparseVector x, double[] out) {
        int k = classes;
        System.arraycopy(bias, 0, out, 0, k);
        int[] idx = x.index();
        float[] val = x.value();
        for (int j = 0; j < idx.length; j++) {
            int base = idx[j] * k;
            float v = val[j];
            for (int c = 0; c < k; c++) {
                out[c] += v * w[base + c];
            }
        }
    }

    float weight(int feature, int cls) {
        return w[feature * classes + cls];
    }

    static LogisticRegression train(List<SparseVector> xs, int[] ys, int dims, int classes, Params p) {
        float[] w = new float[dims * classes];
        float[] g2 = new float[dims * classes];
        double[] bias = new double[classes];
        double[] bg2 = new double[classes];
        int n = xs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(p.seed());
        double[] z = new double[classes];
        double[] g = new double[classes];
        LogisticRegression model = new LogisticRegression(dims, classes, w, bias);
        final double eps = 1e-8;
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int o = 0; o < n; o++) {
                int i = order[o];
                SparseVector x = xs.get(i);
                model.logits(x, z);
                softmaxInPlace(z);
                for (int c = 0; c < classes; c++) {
                    g[c] = z[c] - (ys[i] == c ? 1.0 : 0.0);
                }
                int[] idx = x.index();
                float[] val = x.value();
                for (int jx = 0; jx < idx.length; jx++) {
                    int base = idx[jx] * classes;
                    float v = val[jx];
                    for (int c = 0; c < classes; c++) {
                        int a = base + c;
                        double grad = g[c] * v + p.l2() * w[a];
                        g2[a] += (float) (grad * grad);
                        w[a] -= (float) (p.learningRate() * grad / (Math.sqrt(g2[a]) + eps));
                    }
                }
                for (int c = 0; c < classes; c++) {
                    bg2[c] += g[c] * g[c];
                    bias[c] -= p.learningRate() * g[c] / (Math.sqrt(bg2[c]) + eps);
                }
            }
        }
        return model;
    }

    static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }
}
