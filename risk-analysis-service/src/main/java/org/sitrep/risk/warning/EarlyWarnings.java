package org.sitrep.risk.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;
import org.sitrep.risk.warning.AlertEntity.Kind;
import org.sitrep.risk.warning.AlertEntity.Status;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs the detector on the county and city cells of a day and drives the alert lifecycle.
 *
 * <p>After each classification ({@link #onClassified}) it runs <b>inside the classification's transaction</b>: the
 * alert then reflects exactly the committed counts, a crash cannot lose the evaluation between the two, a
 * redelivered report (skipped by the idempotent consumer) cannot raise twice, and the alert event leaves through the
 * same outbox. The cost is a few indexed queries per report. The scheduled evaluation ({@link #evaluate}) re-checks
 * yesterday's and today's active cells, resolves alerts whose cell is quiet on a later complete day, and expires
 * alerts without update for {@code sitrep.warning.expiry}.
 */
@ApplicationScoped
public class EarlyWarnings {

    private static final Logger LOG = Logger.getLogger(EarlyWarnings.class);
    static final int MAX_REPORT_IDS = 200;

    private final DailyCounts counts;
    private final Alerts alerts;
    private final RegionCatalogue regions;
    private final WarningConfig config;
    private final Detector detector;

    public EarlyWarnings(DailyCounts counts, Alerts alerts, RegionCatalogue regions, WarningConfig config) {
        this.counts = counts;
        this.alerts = alerts;
        this.regions = regions;
        this.config = config;
        this.detector = new Detector(config.detectorSettings());
    }

    public Detector detector() {
        return detector;
    }

    /** What one evaluation did. */
    public record Summary(int cellsEvaluated, int signals, int resolved, int expired) {
    }

    /** Hook after a report was classified and counted, in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClassified(UUID reportId, String regionCode, String category, String severity, Instant occurredAt,
            String title, String summary) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = occurredAt.atZone(config.zone()).toLocalDate();
        if (severe(severity)) {
            severeReport(reportId, regionCode, category, severity, day, title, summary, now);
        }
        evaluateCellsOf(regionCode, category, day, now);
    }

    /**
     * Hook after a classification was revised (an analyst's correction, a new model, an incident split or merge), in
     * the same transaction, after the counts moved: a report that became grade I or II — or moved, as such, to another
     * category, or up from II to I — raises or escalates its alert at once, and the cells of a category that gained the
     * report are tested again, so a correction can raise a spike without waiting for the schedule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRevised(UUID reportId, String regionCode, String previousCategory, String previousSeverity,
            String category, String severity, Instant occurredAt, String title, String summary) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = occurredAt.atZone(config.zone()).toLocalDate();
        boolean categoryChanged = !category.equals(previousCategory);
        if (severe(severity) && (categoryChanged || !severity.equals(previousSeverity))) {
            severeReport(reportId, regionCode, category, severity, day, title, summary, now);
        }
        if (categoryChanged) {
            evaluateCellsOf(regionCode, category, day, now);
        }
    }

    /** Tests the cells a report of {@code regionCode} counts in: its county and its city. */
    private void evaluateCellsOf(String regionCode, String category, LocalDate day, Instant now) {
        for (Region cell : counts.cellsOf(regionCode)) {
            evaluateCell(cell, category, day, now);
        }
    }

    private static boolean severe(String severity) {
        return "I".equals(severity) || "II".equals(severity);
    }

    private void severeReport(UUID reportId, String regionCode, String category, String severity, LocalDate day,
            String title, String summary, Instant now) {
        regions.find(regionCode).ifPresent(region -> {
            String headline = AlertTexts.severeHeadline(region.name(), category, severity);
            String description = (title == null ? "" : title + "：") + summary;
            alerts.severeReport(region, category, severity, reportId, day, headline, description, now);
        });
    }

    /** Tests one cell on one day and raises or updates its alerts; returns the number of signals. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateCell(Region region, String category, LocalDate day, Instant now) {
        Detector.Result r = evaluate(region, category, day);
        LocalDate today = now.atZone(config.zone()).toLocalDate();
        int signals = 0;
        if (r.alarm()) {
            List<UUID> reports = counts.reports(region, category, day, config.zone(), MAX_REPORT_IDS);
            if (r.spike().alarm()) {
                Detector.Spike s = r.spike();
                alerts.signal(new Alerts.Signal(Kind.SPIKE, region, category, day, s.observed(), s.mean(), s.pValue(), null,
                        spikeGrade(s.pValue()), AlertTexts.spikeHeadline(region.name(), category, day, today, s.observed(),
                        s.mean()), AlertTexts.spikeDescription(region.name(), category, day, s, config.pThreshold()),
                        reports), now);
                signals++;
            } else if (r.window().alarm()) {
                Detector.Window w = r.window();
                alerts.signal(new Alerts.Signal(Kind.SPIKE, region, category, day, w.observed(), w.expected(), w.pValue(),
                        null, spikeGrade(w.pValue()), AlertTexts.windowHeadline(region.name(), category, day, today,
                        w.observed(), w.expected()), AlertTexts.windowDescription(region.name(), category, day, w,
                        config.windowPThreshold()), reports), now);
                signals++;
            }
            if (r.cusum().alarm()) {
                Detector.Cusum c = r.cusum();
                alerts.signal(new Alerts.Signal(Kind.SUSTAINED_RISE, region, category, day, r.spike().observed(), c.mu0(),
                        null, c.value(), "IV", AlertTexts.cusumHeadline(region.name(), category, day, today,
                        r.spike().observed(), c.mu0()), AlertTexts.cusumDescription(region.name(), category, day, c),
                        reports), now);
                signals++;
            }
        }
        return signals;
    }

    /** The detector's verdict on one cell and day, from the stored counts. */
    public Detector.Result evaluate(Region region, String category, LocalDate day) {
        int history = detector.historyDays();
        long[] series = counts.series(region, category, day.minusDays(history), day, config.zone());
        return detector.evaluate(series, history);
    }

    /** Grade of a spike: III when far beyond the threshold, IV otherwise (I and II are for severe reports). */
    static String spikeGrade(double p) {
        return p < 1e-8 ? "III" : "IV";
    }

    @Scheduled(cron = "${sitrep.warning.evaluate-cron}", identity = "early-warning-evaluation",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Summary s = evaluate(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LOG.infof("early-warning evaluation: %s", s);
    }

    /**
     * The scheduled evaluation as of {@code now}: detection on yesterday's and today's active county and city cells,
     * then resolution (a statistical alert whose cell does not alarm on the latest complete day after its own) and
     * expiry (no update for the configured time). One transaction.
     */
    @Transactional
    public Summary evaluate(Instant now) {
        ZoneId zone = config.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        Set<String> cells = new LinkedHashSet<>();
        for (String[] c : counts.activeCells(yesterday.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant())) {
            for (Region r : counts.cellsOf(c[0])) {
                cells.add(r.code() + "|" + c[1]);
            }
        }
        int signals = 0;
        for (String cell : cells) {
            String[] parts = cell.split("\\|");
            Region region = regions.get(parts[0]);
            signals += evaluateCell(region, parts[1], yesterday, now);
            signals += evaluateCell(region, parts[1], today, now);
        }
        int resolved = 0;
        int expired = 0;
        for (AlertEntity a : new ArrayList<>(alerts.open())) {
            Kind kind = Kind.valueOf(a.kind);
            if (kind != Kind.SEVERE_REPORT && a.day != null && yesterday.isAfter(a.day)) {
                Detector.Result r = evaluate(regions.get(a.regionCode), a.category, yesterday);
                boolean still = kind == Kind.SPIKE ? r.spikeAlarm() : r.cusum().alarm();
                if (!still && alerts.close(a.id, Status.RESOLVED, now)) {
                    resolved++;
                    continue;
                }
            }
            if (!a.expiresAt.isAfter(now) && alerts.close(a.id, Status.EXPIRED, now)) {
                expired++;
            }
        }
        return new Summary(cells.size(), signals, resolved, expired);
    }
}
