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
    static final Detector.Settings CHOSEN = new Detector.Settings(6e-4, 4e-4, 3, 1.2, 28, 0.2, 2.0, 15, 14);
    /** City-level roll-ups: a second population with baselines 10–50 a day (bands 10–20 and 20–50). */
    static final long CITY_SEED = SEED + 1;
    static final int CITY_CELLS = 1000;

    static List<OutbreakSimulator.Cell> cells;
    static List<OutbreakSimulator.Cell> cityCells;
    static OutbreakSimulator.Score score;
    static OutbreakSimulator.Score cityScore;

    @BeforeAll
    static void run() {
        cells = OutbreakSimulator.simulate(SEED, CELLS, DAYS);
        cityCells = OutbreakSimulator.simulate(CITY_SEED, CITY_CELLS, DAYS, 10, 50);
        score = OutbreakSimulator.score(cells, new Detector(CHOSEN));
        cityScore = OutbreakSimulator.score(cityCells, new Detector(CHOSEN));
    }

    @Test
    void falseAlarmsStayAtMostOnePerThousandCellDaysInEveryBand() {
        assertThat(score.falseAlarmsPer1000()).isLessThanOrEqualTo(1.0);
        assertThat(cityScore.falseAlarmsPer1000()).isLessThanOrEqualTo(1.0);
        for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
            OutbreakSimulator.Score s = b < OutbreakSimulator.COUNTY_BANDS ? score : cityScore;
            assertThat(s.falseAlarmsPer1000(b)).as("band %s", bandName(b)).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void fiveFoldOutbreaksAtBaselinesOfFiveOrMoreAreFlaggedWithinADayNineTimesInTen() {
        assertThat(score.recall(3, 3)).as("5× at 5–10/day").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void weakerOrSmallerOutbreaksKeepTheirMeasuredRecall() {
        // regression floors a little under today's figures (docs/early-warning.md): these bands miss the 90 % target
        assertThat(score.recall(3, 2)).as("3× at 5–10/day").isGreaterThanOrEqualTo(0.65);
        assertThat(score.recall(2, 3)).as("5× at 2–5/day").isGreaterThanOrEqualTo(0.85);
        assertThat(score.recall(1, 3)).as("5× at 1–2/day").isGreaterThanOrEqualTo(0.55);
        assertThat(cityScore.recall(5, 2)).as("3× at 20–50/day").isGreaterThanOrEqualTo(0.75);
        assertThat(cityScore.recall(5, 3)).as("5× at 20–50/day").isGreaterThanOrEqualTo(0.95);
        assertThat(score.medianDelay(3)).as("median delay of 5× outbreaks").isLessThanOrEqualTo(1.0);
    }

    @Test
    void theServiceDefaultsAreTheChosenConfiguration() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.p-threshold"))).isEqualTo(CHOSEN.pThreshold());
        assertThat(Double.parseDouble(p.getProperty("sitrep.warning.window-p-threshold"))).isEqualTo(CHOSEN.windowPThreshold());
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

    static OutbreakSimulator.Score scoreOf(int band) {
        return band < OutbreakSimulator.COUNTY_BANDS ? score : cityScore;
    }

    static String recallRow(String name, long n, OutbreakSimulator.Score s, int band) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", name, n));
        for (int z = 0; z < OutbreakSimulator.SIZES.length; z++) {
            row.append(String.format(Locale.ROOT, " %s (%d) |", pct(s.recall(band, z)), s.outbreaks[band][z]));
        }
        return row.append(String.format(Locale.ROOT, " %.2f |%n", s.falseAlarmsPer1000(band))).toString();
    }

    static String allRow(String name, long n, OutbreakSimulator.Score s) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", name, n));
        for (int z = 0; z < OutbreakSimulator.SIZES.length; z++) {
            row.append(' ').append(pct(s.recallAllBands(z))).append(" |");
        }
        return row.append(String.format(Locale.ROOT, " %.2f |%n", s.falseAlarmsPer1000())).toString();
    }

    /** Smallest count (or two-day sum) that alarms against a Poisson baseline of λ a day. */
    static long smallestAlarm(double lambda, int days) {
        double threshold = days == 1 ? CHOSEN.pThreshold() : CHOSEN.windowPThreshold();
        for (long x = CHOSEN.minCount(); ; x++) {
            if (Detector.upperTail(x, days * lambda, Detector.Model.POISSON, 1, days) < threshold) {
                return x;
            }
        }
    }

    /** P(Poisson(mean) ≥ x). */
    static double poissonAtLeast(long x, double mean) {
        return Tails.poissonUpper(x, mean);
    }

    static String targets() {
        StringBuilder met = new StringBuilder();
        StringBuilder notMet = new StringBuilder();
        for (int z = 2; z < OutbreakSimulator.SIZES.length; z++) {
            for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
                double r = scoreOf(b).recall(b, z);
                String item = String.format(Locale.ROOT, "%s× at %s/day (%s)", trim(OutbreakSimulator.SIZES[z]), bandName(b), pct(r));
                StringBuilder to = r >= 0.90 ? met : notMet;
                to.append(to.length() == 0 ? "" : ", ").append(item);
            }
        }
        return String.format(Locale.ROOT, "- **Met (≥ 90 %% within one day):** %s.%n- **Not met:** %s.%n",
                met.length() == 0 ? "none" : met, notMet.length() == 0 ? "none" : notMet);
    }

    static String report() {
        StringBuilder recall = new StringBuilder("| baseline (reports/day) | cells | 1.5× | 2× | 3× | 5× | false alarms / 1,000 cell-days |\n|---|---|---|---|---|---|---|\n");
        for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
            int band = b;
            List<OutbreakSimulator.Cell> pop = b < OutbreakSimulator.COUNTY_BANDS ? cells : cityCells;
            long n = pop.stream().filter(c -> OutbreakSimulator.band(c.baseline()) == band).count();
            recall.append(recallRow(bandName(b), n, scoreOf(b), b));
            if (b == OutbreakSimulator.COUNTY_BANDS - 1) {
                recall.append(allRow("all 0.5–10 (county-level)", CELLS, score));
            }
        }
        recall.append(allRow("all 10–50 (city-level)", CITY_CELLS, cityScore));

        StringBuilder byType = new StringBuilder("| background | 3× at 2–5 | 3× at 5–10 | 3× at 20–50 | 5× at 2–5 | 5× at 5–10 | false alarms / 1,000 (0.5–10) |\n|---|---|---|---|---|---|---|\n");
        for (boolean nb : new boolean[] {false, true}) {
            List<OutbreakSimulator.Cell> sub = cells.stream().filter(c -> c.overdispersed() == nb).toList();
            List<OutbreakSimulator.Cell> citySub = cityCells.stream().filter(c -> c.overdispersed() == nb).toList();
            OutbreakSimulator.Score s = OutbreakSimulator.score(sub, new Detector(CHOSEN));
            OutbreakSimulator.Score cs = OutbreakSimulator.score(citySub, new Detector(CHOSEN));
            byType.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f |%n",
                    nb ? "negative binomial (r 3–10)" : "Poisson", pct(s.recall(2, 2)), pct(s.recall(3, 2)),
                    pct(cs.recall(5, 2)), pct(s.recall(2, 3)), pct(s.recall(3, 3)), s.falseAlarmsPer1000()));
        }

        StringBuilder delays = new StringBuilder("| outbreak size | 1.5× | 2× | 3× | 5× |\n|---|---|---|---|---|\n");
        for (OutbreakSimulator.Score sc : new OutbreakSimulator.Score[] {score, cityScore}) {
            delays.append(sc == score ? "| median delay, baselines 0.5–10 (days from start to first alarm; detected outbreaks) |"
                    : "| median delay, baselines 10–50 |");
            for (int z = 0; z < OutbreakSimulator.SIZES.length; z++) {
                delays.append(String.format(Locale.ROOT, " %.1f (%d) |", sc.medianDelay(z), sc.delays.get(z).size()));
            }
            delays.append('\n');
        }

        StringBuilder sweep = new StringBuilder("| day p-threshold | two-day p-threshold | CUSUM h | false alarms / 1,000 (0.5–10) | worst band | 3× at 5–10 | 3× at 20–50 | 5× at 1–2 | 5× at 2–5 | 5× at 5–10 |\n|---|---|---|---|---|---|---|---|---|---|\n");
        Detector.Settings[] alternatives = {CHOSEN.withPThreshold(1e-4).withWindowPThreshold(0).withCusumH(10),
                CHOSEN.withPThreshold(1e-3).withWindowPThreshold(1e-3).withCusumH(5),
                CHOSEN.withPThreshold(1e-3).withWindowPThreshold(0).withCusumH(10),
                CHOSEN.withWindowPThreshold(0), CHOSEN.withPThreshold(5e-4).withWindowPThreshold(5e-4),
                CHOSEN.withPThreshold(1e-3).withWindowPThreshold(1e-3), CHOSEN.withPThreshold(3e-4).withWindowPThreshold(3e-4),
                CHOSEN.withCusumH(10), CHOSEN.withCusumH(12), CHOSEN};
        for (Detector.Settings st : alternatives) {
            OutbreakSimulator.Score s = OutbreakSimulator.score(cells, new Detector(st));
            OutbreakSimulator.Score cs = OutbreakSimulator.score(cityCells, new Detector(st));
            double worst = 0;
            for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
                worst = Math.max(worst, (b < OutbreakSimulator.COUNTY_BANDS ? s : cs).falseAlarmsPer1000(b));
            }
            sweep.append(String.format(Locale.ROOT, "| %.0e | %s | %.0f | %.2f | %.2f | %s | %s | %s | %s | %s |%s%n",
                    st.pThreshold(), st.windowPThreshold() == 0 ? "off" : String.format(Locale.ROOT, "%.0e", st.windowPThreshold()),
                    st.cusumH(), s.falseAlarmsPer1000(), worst, pct(s.recall(3, 2)), pct(cs.recall(5, 2)),
                    pct(s.recall(1, 3)), pct(s.recall(2, 3)), pct(s.recall(3, 3)), st.equals(CHOSEN) ? " ← chosen" : ""));
        }

        StringBuilder small = new StringBuilder("| baseline λ (reports/day) | 0.5 | 1 | 2 | 5 | 10 | 20 |\n|---|---|---|---|---|---|---|\n");
        double[] lambdas = {0.5, 1, 2, 5, 10, 20};
        small.append("| smallest alarming day count (Poisson series) |");
        for (double l : lambdas) {
            small.append(' ').append(smallestAlarm(l, 1)).append(" |");
        }
        small.append("\n| P(a 3× outbreak's first day reaches it) |");
        for (double l : lambdas) {
            small.append(' ').append(pct(poissonAtLeast(smallestAlarm(l, 1), 3 * l))).append(" |");
        }
        small.append("\n| smallest alarming two-day sum |");
        for (double l : lambdas) {
            small.append(' ').append(smallestAlarm(l, 2)).append(" |");
        }
        small.append("\n| P(its first two days reach it) |");
        for (double l : lambdas) {
            small.append(' ').append(pct(poissonAtLeast(smallestAlarm(l, 2), 6 * l))).append(" |");
        }
        small.append("\n| P(a 3× day has ≥ 3 reports at all) |");
        for (double l : lambdas) {
            small.append(' ').append(pct(poissonAtLeast(3, 3 * l))).append(" |");
        }
        small.append('\n');

        String doc = """
                # Early warnings: detector and measured figures

                Regenerate: `mvn -B -q test -pl risk-analysis-service -Dtest=EarlyWarningEvaluationTest -Dsitrep.write-docs=true`
                (simulation seeds {SEED} and {CITY_SEED}, {CELLS} + {CITY_CELLS} cells × {DAYS} days; runs in a few seconds).

                ## What is tested

                For every county and every city (the city's series rolls up its counties) × category, the office-day counts
                (zone `sitrep.warning.zone`, default Asia/Shanghai, summed from the hourly `category_count` cells) are
                tested by `org.sitrep.risk.warning.Detector`:

                - **Spike, day test** (alert kind `SPIKE`): day t's count x against λ = mean of days t−9 … t−3 (a week,
                  with a two-day guard band so an outbreak's first days do not raise its own baseline), floored at
                  {FLOOR} so a quiet baseline still gives a finite test. Poisson, or — when the series is over-dispersed,
                  index of dispersion D = variance ÷ mean over the {DWIN} days t−30 … t−3 above {DFACTOR} — negative
                  binomial with mean λ and variance λ·D (method of moments). Alarm when p < {P} **and** x ≥ {MIN}.
                  (A week's variance alone proved too noisy to tell a Poisson series from an over-dispersed one; hence
                  the longer window for D. The same D is used by all three tests.)
                - **Spike, two-day window test** (also alert kind `SPIKE`: it is the same signal, an excess of reports,
                  seen with two days of data; the payload then carries the two-day sum as `observed` and 2λ as
                  `expected`): the sum x(t−1) + x(t) against mean 2λ (λ of day t, so neither window day is in the
                  baseline), same family — Poisson, or negative binomial with variance 2λ·D, the sum of two independent
                  days with dispersion D. Alarm when p < {PW} and the sum ≥ {MIN}. An outbreak missed on its first day
                  is tested again on its second with twice the evidence.
                - **Baseline uncertainty** (both spike tests): λ is estimated from 7 days, so the p-value uses the
                  predictive distribution of the next n days (n = 1 or 2) rather than the plug-in one: variance
                  n·λ (·D) × (1 + n/7), as a negative binomial (for a Poisson series this is the Poisson–gamma
                  predictive distribution). The plug-in tail understates how far a week's mean can be off, most at
                  small baselines, where a two-day test with it gave over 1 false alarm per 1,000 cell-days below
                  2/day at p 1e-4; with the predictive tail the rate is about the same in every band, so one pair of
                  thresholds fits them all.
                - **Sustained rise** (`SUSTAINED_RISE`): a Poisson CUSUM replayed over the last {CWIN} days; each day j is
                  compared with its own baseline μ0 (same week as above, floored); reference value
                  k = (μ1 − μ0) / ln(μ1/μ0) with μ1 = {SHIFT} × μ0; S_j = max(0, S_{j−1} + x_j − k); alarm when
                  S_j ≥ h·D_j with h = {H} (the decision interval widened by the dispersion index, otherwise an
                  over-dispersed series alarms every few weeks); S restarts at 0 after an alarm.
                - **Severe report** (`SEVERE_REPORT`): any grade I or II report raises an alert at once (no statistics).

                The p-thresholds and h are tuned jointly for the family-wise rate: a cell-day counts as one false alarm
                when any of the three tests alarms.

                ## Simulation

                {CELLS} county-level cells, {DAYS} days each. Baseline b log-uniform in [0.5, 10] reports/day; half the
                cells Poisson, half negative binomial (size r uniform in [3, 10], variance b + b²/r); a third with a
                weekly rhythm (weekdays × 1.1, weekends × 0.75). Each cell has two outbreaks (start in days 35–60 and
                80–112, 1–7 days long) of size m ∈ {1.5, 2, 3, 5}. **"m× baseline" means the expected count on an
                outbreak day is m times that day's baseline** (background plus Poisson extra reports with mean
                (m − 1)·b), not m times the observed count. A second population of {CITY_CELLS} cells, generated the same
                way with b log-uniform in [10, 50], stands for city-level roll-ups (bands 10–20 and 20–50); it is scored
                separately so the county-level figures are unchanged by it. Scoring: an outbreak is *flagged within one
                day* when any test alarms on its first or second day; its *delay* is the first alarm in its days or the
                day after, minus its start; a *false alarm* is a cell-day outside every outbreak (and its following day)
                on which any test alarms; cell-days count from day 31, when all windows have history.

                ## Results at the chosen configuration

                Share of outbreaks flagged within one day of their start (number of outbreaks in brackets):

                {RECALL}
                Before this change (day test with plug-in tail at p < 1e-4, CUSUM h 10, no two-day test), the same
                county-level simulation gave 3× within one day 5 / 16 / 34 / 70 % by band (30 % overall), 5× 21 / 48 /
                86 / 96 % (66 %), median delays 2 / 2 / 1 / 0 days, and 0.45 / 0.70 / 0.98 / 1.29 false alarms per
                1,000 cell-days (0.86 overall; 66 spike and 83 CUSUM alarms). Most of the excess at 5–10/day came from
                the CUSUM at h 10 on over-dispersed busy series; h 15 removes it, and the two-day test wins back the
                recall the CUSUM gave at its second day.

                By background (same cells):

                {BYTYPE}
                {DELAYS}
                False alarms (0.5–10/day) split by test: {FSPIKE} spike alarms (day or two-day test), {FCUSUM} CUSUM
                alarms on {CELLDAYS} cell-days without an outbreak.

                ### Which bands meet the target (≥ 90 % of ≥ 3× outbreaks within one day, ≤ 1 false alarm / 1,000 cell-days)

                - **False alarms: {FASTATE}** (0.5–10/day overall {FA}, 10–50/day overall {CFA} per 1,000 cell-days).
                {TARGETS}
                **Why 3× outbreaks stay below 90 %.** Two limits, one at each end:

                - *Small baselines (below about 5/day)*: the evidence is a handful of reports. The prescribed rule
                  x ≥ {MIN} means that no day with fewer than {MIN} reports can alarm, however quiet the baseline; at
                  b = 0.5–1 a 3× outbreak day has only 1.5–3 expected reports, so it often has fewer than {MIN} at all
                  (last row below). And the false-alarm budget requires far more than {MIN}: on a Poisson series at the
                  chosen thresholds the smallest alarming counts are

                {SMALL}
                  The two-day test raises the chance (second and fourth rows) but not to 90 % below about 5/day; at
                  b ≤ 2 no threshold that keeps ≤ 1 false alarm per 1,000 cell-days can flag most 3× outbreaks within a
                  day. Such cells are covered by the CUSUM over several days and by the SEVERE_REPORT rule.
                - *Over-dispersed series, at any baseline*: a 3× outbreak adds 2b reports a day, while a negative binomial
                  background with size r has standard deviation ≈ b/√r; the signal is then about 2√r standard deviations
                  on one day and 2.8√r on two, whatever b, i.e. 3.5–6 and 5–9 for r = 3–10, while the threshold of a
                  right-skewed tail at this false-alarm rate lies several standard deviations out. In the table by
                  background, Poisson series come close to or reach 90 % for 3× from 5/day up; negative binomial ones
                  fall far short, which holds the combined figure below 90 % even for city-level baselines.

                ## Threshold sweep (same simulations)

                {SWEEP}
                All rows use the predictive tail (so the first row is the previous thresholds, not the previous
                figures quoted above). The higher h costs the slow rises: fewer 1.5× and 2× outbreaks are flagged at all
                at 0.5–10/day than with h 10 (see the delay table's counts), in exchange for the false-alarm budget in
                every band.

                Chosen: day p-threshold {P}, two-day p-threshold {PW}, min-count {MIN}, dispersion factor {DFACTOR} over
                {DWIN} days, λ floor {FLOOR}, CUSUM shift {SHIFT}, h {H}, replay window {CWIN} days (`sitrep.warning.*`, see
                the module README). The two-day test turns part of the budget freed by the predictive tail into recall
                at small and middle baselines (5× at 1–2/day, 2–5/day); raising its threshold or the day threshold
                further, or lowering h, trades a few tenths of a false alarm per 1,000 cell-days for a few points of
                recall and pushes the worst band over 1. The issue's defaults (p 0.001 with h 5, second row) give
                several false alarms per 1,000 cell-days here.

                ## Limits

                Simulated data, not SitRep history: real series have holidays, reporting backlogs (a day's count grows
                for hours after the day), and correlated categories. Re-run with real counts once months of history
                exist. The detector tests each cell separately; with about 200 cells a day expect a false alert every
                few days at 1 / 1,000 cell-days. An outbreak in the 28-day dispersion window raises D for a month and
                makes the next one harder to flag (a second outbreak is flagged less often than a first in the
                simulation); trimming outlying days from D was tried and, at the same false-alarm rate, did not help.
                """;
        return doc.replace("{SEED}", String.valueOf(SEED)).replace("{CITY_SEED}", String.valueOf(CITY_SEED))
                .replace("{CELLS}", String.valueOf(CELLS)).replace("{CITY_CELLS}", String.valueOf(CITY_CELLS))
                .replace("{DAYS}", String.valueOf(DAYS)).replace("{FLOOR}", fmt("%.1f", CHOSEN.lambdaFloor()))
                .replace("{DWIN}", String.valueOf(CHOSEN.dispersionWindowDays()))
                .replace("{DFACTOR}", fmt("%.1f", CHOSEN.dispersionFactor())).replace("{P}", fmt("%.0e", CHOSEN.pThreshold()))
                .replace("{PW}", fmt("%.0e", CHOSEN.windowPThreshold())).replace("{MIN}", String.valueOf(CHOSEN.minCount()))
                .replace("{CWIN}", String.valueOf(CHOSEN.cusumWindowDays())).replace("{SHIFT}", fmt("%.1f", CHOSEN.cusumShift()))
                .replace("{H}", fmt("%.0f", CHOSEN.cusumH())).replace("{RECALL}", recall).replace("{BYTYPE}", byType)
                .replace("{DELAYS}", delays).replace("{FSPIKE}", String.valueOf(score.falseSpikes))
                .replace("{FCUSUM}", String.valueOf(score.falseCusums)).replace("{CELLDAYS}", String.valueOf(totalCellDays()))
                .replace("{FASTATE}", bandFalseAlarms()).replace("{FA}", fmt("%.2f", score.falseAlarmsPer1000()))
                .replace("{CFA}", fmt("%.2f", cityScore.falseAlarmsPer1000())).replace("{TARGETS}", targets())
                .replace("{SMALL}", small.toString().indent(2)).replace("{SWEEP}", sweep);
    }

    static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    /** Whether every band keeps to 1 false alarm per 1,000 cell-days. */
    static String bandFalseAlarms() {
        List<String> over = new java.util.ArrayList<>();
        for (int b = 0; b < OutbreakSimulator.BANDS.length; b++) {
            if (scoreOf(b).falseAlarmsPer1000(b) > 1.0) {
                over.add(String.format(Locale.ROOT, "%s/day (%.2f)", bandName(b), scoreOf(b).falseAlarmsPer1000(b)));
            }
        }
        return over.isEmpty() ? "met overall and in every band" : "met overall, not in " + String.join(", ", over);
    }

    static long totalCellDays() {
        long n = 0;
        for (long c : score.cellDays) {
            n += c;
        }
        return n;
    }

    static String bandName(int b) {
        return String.format(Locale.ROOT, "%s–%s", trim(Math.floor(OutbreakSimulator.BANDS[b][0] * 10) / 10),
                trim(Math.floor(OutbreakSimulator.BANDS[b][1] * 10) / 10));
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String pct(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * r);
    }
}
