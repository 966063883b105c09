package org.sitrep.risk.incident;

import java.util.List;

/**
 * The probability that two reports describe one incident, a logistic regression over {@link PairFeatures}, fitted by
 * Newton's method with a small ridge penalty (deterministic: the same examples give the same coefficients).
 */
public final class LinkModel {

    /** One labelled pair: its features and whether the two reports are one incident. */
    public record Example(double[] features, boolean same) {
    }

    private final double[] coefficients; // [0] intercept, then one per feature

    LinkModel(double[] coefficients) {
        this.coefficients = coefficients.clone();
    }

    public double probability(double[] features) {
        double z = coefficients[0];
        for (int i = 0; i < features.length; i++) {
            z += coefficients[i + 1] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * @param ridge penalty on the squared coefficients (not the intercept)
     */
    public static LinkModel fit(List<Example> examples, double ridge) {
        if (examples.stream().noneMatch(Example::same) || examples.stream().allMatch(Example::same)) {
            throw new IllegalArgumentException("need pairs of both kinds to fit a link model");
        }
        int d = examples.get(0).features().length + 1;
        double[] beta = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (Example e : examples) {
                double[] x = withIntercept(e.features());
                double p = new LinkModel(beta).probability(e.features());
                double residual = (e.same() ? 1 : 0) - p;
                double w = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * x[i];
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += w * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                if (i > 0) {
                    gradient[i] -= ridge * beta[i];
                    hessian[i][i] += ridge;
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < d; i++) {
                beta[i] += step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new LinkModel(beta);
    }

    private static double[] withIntercept(double[] features) {
        double[] x = new double[features.length + 1];
        x[0] = 1;
        System.arraycopy(features, 0, x, 1, features.length);
        return x;
    }

    /** Gaussian elimination with partial pivoting; the ridge keeps the system well posed. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        double[] b = rhs.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            if (Math.abs(a[col][col]) < 1e-12) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < n; c++) {
                s -= a[i][c] * x[c];
            }
            x[i] = Math.abs(a[i][i]) < 1e-12 ? 0 : s / a[i][i];
        }
        return x;
    }
}
