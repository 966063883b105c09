package org.sitrep.risk.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the detector on simulated outbreaks (see {@link OutbreakSimulator}) and writes target/early-warning.md;
 * with {@code -Dsitrep.write-docs=true} also docs/early-warning.md. Asserts the targets for the bands the document
 * claims.
 */
class EarlyWarningEvaluationTest {

    static final long SEED = 20261124L;
    static final int CELLS = 2000;
    static final int DAYS = 120;
    /** The configuration chosen with this simulator; application.properties must say the same. */
    static final Detector.Settings CHOSEN = new Detector.Settings(1e-4, 3, 1.2, 28, 0.2, 2.0, 10, 14);

    static List<OutbreakSimulator.Cell> cells;
    static OutbreakSimulator.Score score;

    @BeforeAll
    static void run() {
        cells = OutbreakSimulator.simulate(SEED, CELLS, DAYS);
        score = OutbreakSimulator.score(cells, new Detector(CHOSEN));
    }

    @Test
    void falseAlarmsStayAtMostOnePerThousandCellDays() {
        assertThat(score.falseAlarmsPer1000()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void fiveFoldOutbreaksAtBaselinesOfFiveOrMoreAreFlaggedWithinADayNineTimesInTen() {
        assertThat(score.recall(3, 3)).as("5× at 5–10/day").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void weakerOrSmallerOutbreaksKeepTheirMeasuredRecall() {
        // regression floors a little under today's figures (docs/early-warning.md): these bands miss the 90 % target
        assertThat(score.recall(3, 2)).as("3× at 5–10/day").isGreaterThanOrEqualTo(0.60);
        assertThat(score.recall(2, 3)).as("5× at 2–5/day").isGreaterThanOrEqualTo(0.80);
        assertThat(score.recall(1, 3)).as("5× at 1–2/day").isGreaterThanOrEqualTo(0.40);
        assertThat(score.medianDelay(3)).as("median delay of 5× outbreaks").isLessThanOrEqualTo(1.0);
    }

    @Test
    void theServiceDefaultsAreTheChosenConfiguration() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.p-threshold"))).isEqualTo(CHOSEN.pThreshold());
        assertThat(Long.parseLong(p.getProperty("sitrep.warning.min-count"))).isEqualTo(CHOSEN.minCount());
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.dispersion-factor"))).isEqualTo(CHOSEN.dispersionFactor());
        assertThat(Integer.parseInt(p.getProperty("sitrep.warning.dispersion-window-days"))).isEqualTo(CHOSEN.dispersionWindowDays());
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.lambda-floor"))).isEqualTo(CHOSEN.lambdaFloor());
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.cusum-shift"))).isEqualTo(CHOSEN.cusumShift());
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.cusum-h"))).isEqualTo(CHOSEN.cusumH());
        assertThat(Integer.parseInt(p.getProperty("sitrep.warning.cusum-window-days"))).isEqualTo(CHOSEN.cusumWindowDays());
    }

    @Test
    void writesTheEvaluationReport() throws IOException {
        String report = report();
        System.out.println(report);
        Path target = Path.of("target", "early-warning.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        if (Boolean.getBoolean("sitrep.write-docs")) {
            Files.writeString(Path.of(System.getProperty("sitrep.docs.dir", "../docs"), "early-warning.md"), report);
        }
        assertThat(report).contains("| 5–10 |");
    }

    static String report() {
        StringBuilder recall = new StringBuilder("| baseline (reports/day) | cells | 1.5× | 2× | 3× | 5× | false alarms / 1,000 cell-days |\n|---|---|---|---|---|---|---|\n");
        for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
            int band = b;
            long n = cells.stream().filter(c -> OutbreakSimulator.band(c.baseline()) == band).count();
            recall.append(String.format(Locale.ROOT, "| %s | %d |", bandName(b), n));
            for (int s = 0; s < OutbreakSimulator.SIZES.length; s++) {
                recall.append(String.format(Locale.ROOT, " %s (%d) |", pct(score.recall(b, s)), score.outbreaks[b][s]));
            }
            recall.append(String.format(Locale.ROOT, " %.2f |%n", score.falseAlarmsPer1000(b)));
        }
        recall.append("| all | ").append(CELLS).append(" |");
        for (int s = 0; s < OutbreakSimulator.SIZES.length; s++) {
            recall.append(' ').append(pct(score.recallAllBands(s))).append(" |");
        }
        recall.append(String.format(Locale.ROOT, " %.2f |%n", score.falseAlarmsPer1000()));

        StringBuilder byType = new StringBuilder("| background | 3× at 2–5 | 3× at 5–10 | 5× at 2–5 | 5× at 5–10 | false alarms / 1,000 |\n|---|---|---|---|---|---|\n");
        for (boolean nb : new boolean[] {false, true}) {
            List<OutbreakSimulator.Cell> sub = cells.stream().filter(c -> c.overdispersed() == nb).toList();
            OutbreakSimulator.Score s = OutbreakSimulator.score(sub, new Detector(CHOSEN));
            byType.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f |%n",
                    nb ? "negative binomial (r 3–10)" : "Poisson", pct(s.recall(2, 2)), pct(s.recall(3, 2)),
                    pct(s.recall(2, 3)), pct(s.recall(3, 3)), s.falseAlarmsPer1000()));
        }

        StringBuilder delays = new StringBuilder("| outbreak size | 1.5× | 2× | 3× | 5× |\n|---|---|---|---|---|\n| median delay (days from start to first alarm, detected outbreaks) |");
        for (int s = 0; s < OutbreakSimulator.SIZES.length; s++) {
            delays.append(String.format(Locale.ROOT, " %.1f (%d) |", score.medianDelay(s), score.delays.get(s).size()));
        }
        delays.append('\n');

        StringBuilder sweep = new StringBuilder("| p-threshold | dispersion factor | CUSUM h | false alarms / 1,000 | 3× at 5–10 | 5× at 2–5 | 5× at 5–10 |\n|---|---|---|---|---|---|---|\n");
        Detector.Settings[] alternatives = {CHOSEN.withPThreshold(1e-3).withDispersionFactor(1.5).withCusumH(5),
                CHOSEN.withPThreshold(1e-3), CHOSEN.withPThreshold(2e-4), CHOSEN.withCusumH(8), CHOSEN.withCusumH(12),
                CHOSEN.withDispersionFactor(1.5), CHOSEN};
        for (Detector.Settings st : alternatives) {
            OutbreakSimulator.Score s = OutbreakSimulator.score(cells, new Detector(st));
            sweep.append(String.format(Locale.ROOT, "| %.0e | %.1f | %.0f | %.2f | %s | %s | %s |%s%n", st.pThreshold(),
                    st.dispersionFactor(), st.cusumH(), s.falseAlarmsPer1000(), pct(s.recall(3, 2)), pct(s.recall(2, 3)),
                    pct(s.recall(3, 3)), st.equals(CHOSEN) ? " ← chosen" : ""));
        }

        return String.format(Locale.ROOT, """
                # Early warnings: detector and measured figures

                Regenerate: `mvn -B -q test -pl risk-analysis-service -Dtest=EarlyWarningEvaluationTest -Dsitrep.write-docs=true`
                (simulation seed %d, %d cells × %d days; runs in a few seconds).

                ## What is tested

                For every county and every city (the city's series rolls up its counties) × category, the office-day counts
                (zone `sitrep.warning.zone`, default Asia/Shanghai, summed from the hourly `category_count` cells) are
                tested by `org.sitrep.risk.warning.Detector`:

                - **Spike** (alert kind `SPIKE`): day t's count x against λ = mean of days t−9 … t−3 (a week, with a
                  two-day guard band so an outbreak's first days do not raise its own baseline), floored at %.1f so a
                  quiet baseline still gives a finite test. p = P(X ≥ x) under Poisson(λ); when the series is
                  over-dispersed — index of dispersion D = variance ÷ mean over the %d days t−30 … t−3 above
                  %.1f — under a negative binomial with mean λ and variance λ·D (method of moments). Alarm when
                  p < %.0e **and** x ≥ %d. (A week's variance alone proved too noisy to tell a Poisson series from an
                  over-dispersed one, which doubled the false alarms; hence the longer window for D only.)
                - **Sustained rise** (`SUSTAINED_RISE`): a Poisson CUSUM replayed over the last %d days; each day j is
                  compared with its own baseline μ0 (same week as above, floored); reference value
                  k = (μ1 − μ0) / ln(μ1/μ0) with μ1 = %.1f × μ0; S_j = max(0, S_{j−1} + x_j − k); alarm when
                  S_j ≥ h·D_j with h = %.0f (the decision interval widened by the dispersion index, otherwise an
                  over-dispersed series alarms every few weeks); S restarts at 0 after an alarm.
                - **Severe report** (`SEVERE_REPORT`): any grade I or II report raises an alert at once (no statistics).

                ## Simulation

                %d cells, %d days each. Baseline b log-uniform in [0.5, 10] reports/day; half the cells Poisson, half
                negative binomial (size r uniform in [3, 10], variance b + b²/r); a third with a weekly rhythm (weekdays
                × 1.1, weekends × 0.75). Each cell has two outbreaks (start in days 35–60 and 80–112, 1–7 days long) of
                size m ∈ {1.5, 2, 3, 5}. **"m× baseline" means the expected count on an outbreak day is m times that
                day's baseline** (background plus Poisson extra reports with mean (m − 1)·b), not m times the observed
                count. Scoring: an outbreak is *flagged within one day* when either test alarms on its first or second
                day; its *delay* is the first alarm in its days or the day after, minus its start; a *false alarm* is
                an alarm on a cell-day outside every outbreak (and its following day); cell-days count from day 31,
                when all windows have history.

                ## Results at the chosen configuration

                Share of outbreaks flagged within one day of their start (number of outbreaks in brackets):

                %s
                By background (same cells):

                %s
                %s
                False alarms split by test: %d spike alarms, %d CUSUM alarms on %d cell-days without an outbreak.

                ### Which bands meet the target (≥ 90 %% of ≥ 3× outbreaks within one day, ≤ 1 false alarm / 1,000 cell-days)

                - **False alarms: met overall** (%.2f / 1,000 cell-days); %s.
                - **5× outbreaks at baselines of 5–10 reports/day: met** (%s).
                - **5× at 2–5/day: not met** (%s), mostly on over-dispersed series.
                - **3× outbreaks: not met in any band** (best: %s at 5–10/day). A 3× outbreak at b = 5 has an expected
                  count of 15 against a day-one threshold of 16 (Poisson, p < 1e-4) or far more (over-dispersed series at
                  this false-alarm rate), so half of them look like ordinary bad days. Lowering the thresholds to reach
                  90 %% costs several false alarms per 1,000 cell-days (see the sweep), i.e. with ~40 counties and cities
                  × 5 categories, several spurious alerts a day.
                - **Baselines below 2/day: not met for any size.** With λ ≤ 2 a single day rarely reaches both the
                  minimum count of 3 and p < 1e-4 (λ = 1 needs 7 reports, λ = 2 needs 10); such cells are covered by the CUSUM over
                  several days and by the SEVERE_REPORT rule, not by the day-one target.

                ## Threshold sweep (same simulation)

                %s
                Chosen: p-threshold %.0e, min-count %d, dispersion factor %.1f over %d days, λ floor %.1f, CUSUM shift
                %.1f, h %.0f, replay window %d days (`sitrep.warning.*`, see the module README). The issue's defaults
                (p 0.001 with h 5) give several false alarms per 1,000 cell-days here, mainly because a baseline estimated
                from seven days underestimates the tail and because the CUSUM reacts to over-dispersion.

                ## Limits

                Simulated data, not SitRep history: real series have holidays, reporting backlogs (a day's count grows
                for hours after the day), and correlated categories. Re-run with real counts once months of history
                exist. The detector tests each cell separately; with about 200 cells a day expect a false alert every
                few days at 1 / 1,000 cell-days.
                """, SEED, CELLS, DAYS, CHOSEN.lambdaFloor(), CHOSEN.dispersionWindowDays(), CHOSEN.dispersionFactor(),
                CHOSEN.pThreshold(), CHOSEN.minCount(), CHOSEN.cusumWindowDays(), CHOSEN.cusumShift(), CHOSEN.cusumH(),
                CELLS, DAYS, recall, byType, delays, score.falseSpikes, score.falseCusums, totalCellDays(),
                score.falseAlarmsPer1000(), bandFalseAlarms(), pct(score.recall(3, 3)), pct(score.recall(2, 3)), pct(score.recall(3, 2)),
                sweep, CHOSEN.pThreshold(), CHOSEN.minCount(), CHOSEN.dispersionFactor(), CHOSEN.dispersionWindowDays(),
                CHOSEN.lambdaFloor(), CHOSEN.cusumShift(), CHOSEN.cusumH(), CHOSEN.cusumWindowDays());
    }

    /** Which bands exceed 1 false alarm per 1,000 cell-days. */
    static String bandFalseAlarms() {
        List<String> over = new java.util.ArrayList<>();
        for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
            if (score.falseAlarmsPer1000(b) > 1.0) {
                over.add(String.format(Locale.ROOT, "%s/day (%.2f)", bandName(b), score.falseAlarmsPer1000(b)));
            }
        }
        return over.isEmpty() ? "and in every band" : "per band it is not: the busiest cells exceed it, "
                + String.join(", ", over) + " — over-dispersed busy series carry most false alarms";
    }

    static long totalCellDays() {
        long n = 0;
        for (long c : score.cellDays) {
            n += c;
        }
        return n;
    }

    static String bandName(int b) {
        return String.format(Locale.ROOT, "%s–%s", trim(OutbreakSimulator.BANDS[b][0]), trim(Math.floor(OutbreakSimulator.BANDS[b][1])));
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String pct(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * r);
    }
}
