package org.sitrep.risk.warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic region × category series with injected outbreaks, and the detector's score on them.
 *
 * <p>Each cell has a baseline b drawn log-uniformly from [0.5, 10] reports a day. Half the cells are Poisson, half
 * over-dispersed (negative binomial with size r uniform in [3, 10], so variance = b + b²/r); a third have a weekly
 * rhythm (weekdays × 1.1, weekends × 0.75). Each cell gets two outbreaks (one in days 35–60, one in days 80–112) of
 * a size m ∈ {1.5, 2, 3, 5} lasting 1–7 days: on an outbreak day the expected count is m × that day's baseline (the
 * background plus Poisson extra reports with mean (m − 1) × baseline).
 *
 * <p>Scoring: an outbreak is <i>flagged within one day</i> when the detector alarms (spike or CUSUM) on its first or
 * second day; its delay is the first alarm day in its window minus its start; the window is its days plus the day
 * after. A <i>false alarm</i> is an alarm on a cell-day outside every outbreak window; cell-days are counted from day
 * 31, when every baseline and the CUSUM replay have full history.
 */
final class OutbreakSimulator {

    static final double[] SIZES = {1.5, 2, 3, 5};
    static final double[][] BANDS = {{0.5, 1}, {1, 2}, {2, 5}, {5, 10.0001}, {10.0001, 20}, {20, 50}};
    /** The bands of the county-level population ({@link #simulate(long, int, int)}: baselines 0.5–10). */
    static final int COUNTY_BANDS = 4;
    static final int FIRST_SCORED_DAY = 31;

    record Outbreak(int start, int duration, double size) {
        boolean inWindow(int day) {
            return day >= start && day <= start + duration;  // the outbreak's days and the day after
        }
    }

    record Cell(double baseline, boolean overdispersed, boolean weekly, long[] counts, List<Outbreak> outbreaks) {
    }

    /** Tallies per baseline band (index into BANDS) and outbreak size (index into SIZES). */
    static final class Score {
        final int[][] outbreaks = new int[BANDS.length][SIZES.length];
        final int[][] flagged = new int[BANDS.length][SIZES.length];
        final List<List<Integer>> delays = new ArrayList<>();
        final long[] cellDays = new long[BANDS.length];
        final long[] falseAlarms = new long[BANDS.length];
        long falseSpikes;
        long falseCusums;
        long cellDaysPoisson;
        long falsePoisson;
        long cellDaysNb;
        long falseNb;

        Score() {
            for (int s = 0; s < SIZES.length; s++) {
                delays.add(new ArrayList<>());
            }
        }

        double recall(int band, int size) {
            return outbreaks[band][size] == 0 ? Double.NaN : (double) flagged[band][size] / outbreaks[band][size];
        }

        double recallAllBands(int size) {
            int n = 0;
            int f = 0;
            for (int b = 0; b < BANDS.length; b++) {
                n += outbreaks[b][size];
                f += flagged[b][size];
            }
            return (double) f / n;
        }

        double falseAlarmsPer1000(int band) {
            return 1000.0 * falseAlarms[band] / cellDays[band];
        }

        double falseAlarmsPer1000() {
            long fa = 0;
            long cd = 0;
            for (int b = 0; b < BANDS.length; b++) {
                fa += falseAlarms[b];
                cd += cellDays[b];
            }
            return 1000.0 * fa / cd;
        }

        double medianDelay(int size) {
            List<Integer> d = new ArrayList<>(delays.get(size));
            if (d.isEmpty()) {
                return Double.NaN;
            }
            d.sort(null);
            int n = d.size();
            return n % 2 == 1 ? d.get(n / 2) : (d.get(n / 2 - 1) + d.get(n / 2)) / 2.0;
        }
    }

    static List<Cell> simulate(long seed, int cells, int days) {
        return simulate(seed, cells, days, 0.5, 10);
    }

    /**
     * As {@link #simulate(long, int, int)} with baselines log-uniform in [lo, hi] (city-level roll-ups: 10–50); the
     * same draws otherwise, so (0.5, 10) gives exactly the county-level population.
     */
    static List<Cell> simulate(long seed, int cells, int days, double lo, double hi) {
        Random rnd = new Random(seed);
        List<Cell> out = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            double b = Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
            boolean nb = c % 2 == 1;
            boolean weekly = c % 3 == 0;
            double r = 3 + rnd.nextDouble() * 7;
            List<Outbreak> outbreaks = List.of(
                    new Outbreak(35 + rnd.nextInt(26), 1 + rnd.nextInt(7), SIZES[rnd.nextInt(SIZES.length)]),
                    new Outbreak(80 + rnd.nextInt(Math.max(1, Math.min(33, days - 87))), 1 + rnd.nextInt(7),
                            SIZES[rnd.nextInt(SIZES.length)]));
            long[] counts = new long[days];
            for (int d = 0; d < days; d++) {
                double mean = b * (weekly ? (d % 7 >= 5 ? 0.75 : 1.1) : 1.0);
                long x = nb ? negativeBinomial(rnd, mean, r) : poisson(rnd, mean);
                for (Outbreak o : outbreaks) {
                    if (d >= o.start() && d < o.start() + o.duration()) {
                        x += poisson(rnd, (o.size() - 1) * mean);
                    }
                }
                counts[d] = x;
            }
            out.add(new Cell(b, nb, weekly, counts, outbreaks));
        }
        return out;
    }

    static Score score(List<Cell> cells, Detector detector) {
        Score s = new Score();
        for (Cell cell : cells) {
            int band = band(cell.baseline());
            long[] counts = cell.counts();
            boolean[] alarm = new boolean[counts.length];
            for (int day = FIRST_SCORED_DAY; day < counts.length; day++) {
                int t = day;
                Detector.Result r = detector.evaluate(counts, t);
                alarm[t] = r.alarm();
                boolean outside = cell.outbreaks().stream().noneMatch(o -> o.inWindow(t));
                if (outside) {
                    s.cellDays[band]++;
                    if (cell.overdispersed()) {
                        s.cellDaysNb++;
                    } else {
                        s.cellDaysPoisson++;
                    }
                    if (alarm[t]) {
                        s.falseAlarms[band]++;
                        if (cell.overdispersed()) {
                            s.falseNb++;
                        } else {
                            s.falsePoisson++;
                        }
                        if (r.spikeAlarm()) {
                            s.falseSpikes++;
                        }
                        if (r.cusum().alarm()) {
                            s.falseCusums++;
                        }
                    }
                }
            }
            for (Outbreak o : cell.outbreaks()) {
                int size = sizeIndex(o.size());
                s.outbreaks[band][size]++;
                if (alarm[o.start()] || (o.start() + 1 < counts.length && alarm[o.start() + 1])) {
                    s.flagged[band][size]++;
                }
                for (int d = o.start(); d <= Math.min(counts.length - 1, o.start() + o.duration()); d++) {
                    if (alarm[d]) {
                        s.delays.get(size).add(d - o.start());
                        break;
                    }
                }
            }
        }
        return s;
    }

    static int band(double baseline) {
        for (int i = 0; i < BANDS.length; i++) {
            if (baseline >= BANDS[i][0] && baseline < BANDS[i][1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("baseline " + baseline);
    }

    static int sizeIndex(double size) {
        for (int i = 0; i < SIZES.length; i++) {
            if (SIZES[i] == size) {
                return i;
            }
        }
        throw new IllegalArgumentException("size " + size);
    }

    static long poisson(Random rnd, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        long k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    /** Gamma–Poisson mixture: mean m, variance m + m²/r. */
    static long negativeBinomial(Random rnd, double mean, double r) {
        return poisson(rnd, gamma(rnd, r) * mean / r);
    }

    /** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1 here). */
    static double gamma(Random rnd, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
