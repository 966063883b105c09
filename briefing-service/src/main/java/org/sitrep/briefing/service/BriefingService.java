package org.sitrep.briefing.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.sitrep.briefing.config.BriefingConfig;
import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.CellKey;
import org.sitrep.briefing.domain.ContentHash;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.domain.RollUp;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.domain.SituationAssembler;
import org.sitrep.briefing.domain.Timeliness;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.persistence.ReportRow;
import org.sitrep.briefing.persistence.SituationQueries;
import org.sitrep.messaging.Outbox;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Generates briefings (on demand and the scheduled daily and weekly ones), stores them and announces them on {@code briefings}. */
@ApplicationScoped
public class BriefingService {

    public static final String ON_DEMAND = "ON_DEMAND";
    public static final String DAILY = "DAILY";
    public static final String WEEKLY = "WEEKLY";
    static final String TOPIC = "briefings";
    static final String EVENT_TYPE = "org.sitrep.briefing.generated.v1";

    private static final Logger LOG = Logger.getLogger(BriefingService.class);
    private static final DateTimeFormatter OFFICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SituationQueries queries;
    private final RegionCatalogue catalogue;
    private final BriefingConfig config;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ActiveAlerts activeAlerts;

    public BriefingService(SituationQueries queries, RegionCatalogue catalogue, BriefingConfig config, Outbox outbox,
            ObjectMapper mapper, EntityManager em, Clock clock, MeterRegistry registry, ActiveAlerts activeAlerts) {
        this.activeAlerts = activeAlerts;
        this.queries = queries;
        this.catalogue = catalogue;
        this.config = config;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
        this.clock = clock;
        this.registry = registry;
    }

    /** Generates an on-demand briefing for a period (regionCode null: everything) in the configured language. */
    @Transactional
    public BriefingEntity generateOnDemand(Period period, String regionCode) {
        return generate(ON_DEMAND, period, regionCode, config.language());
    }

    /** Generates an on-demand briefing whose narrative is in {@code language} ({@code zh} or {@code en}). */
    @Transactional
    public BriefingEntity generateOnDemand(Period period, String regionCode, String language) {
        return generate(ON_DEMAND, period, regionCode, language);
    }

    @Scheduled(cron = "{sitrep.briefing.daily.cron}", timeZone = "{sitrep.briefing.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "sitrep-daily-briefing")
    void daily() {
        generateDaily(clock);
    }

    @Scheduled(cron = "{sitrep.briefing.weekly.cron}", timeZone = "{sitrep.briefing.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "sitrep-weekly-briefing")
    void weekly() {
        generateWeekly(clock);
    }

    public Optional<BriefingEntity> generateDaily(Clock at) {
        return generateDaily(at.instant());
    }

    /** The DAILY briefing of the office day before the one containing {@code now}, unless that day has one already. */
    public Optional<BriefingEntity> generateDaily(Instant now) {
        return generateScheduled(DAILY, Period.previousOfficeDay(now, config.zone()));
    }

    public Optional<BriefingEntity> generateWeekly(Clock at) {
        return generateWeekly(at.instant());
    }

    /**
     * The WEEKLY briefing of the office week before the one containing {@code now} (previous Monday 00:00 to this
     * Monday 00:00, office zone), unless that week has one already.
     */
    public Optional<BriefingEntity> generateWeekly(Instant now) {
        return generateScheduled(WEEKLY, Period.previousOfficeWeek(now, config.zone()));
    }

    /**
     * Generates a scheduled briefing of {@code kind} for the period unless it has one already (then nothing happens).
     * Replicas serialise on a transaction-scoped advisory lock; the unique index on scheduled periods is the backstop.
     */
    Optional<BriefingEntity> generateScheduled(String kind, Period period) {
        Optional<BriefingEntity> made = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                    .setParameter(1, "sitrep-briefing:" + kind + ":" + period.from())
                    .getResultList();
            long existing = BriefingEntity.count("kind = ?1 and periodFrom = ?2 and periodTo = ?3 and regionCode is null",
                    kind, period.from(), period.to());
            if (existing > 0) {
                return Optional.<BriefingEntity>empty();
            }
            return Optional.of(generate(kind, period, null, config.language()));
        });
        if (made.isEmpty()) {
            LOG.infof("%s briefing for %s – %s exists already", kind, period.from(), period.to());
        }
        return made;
    }

    public Optional<BriefingEntity> find(UUID id) {
        return Optional.ofNullable(BriefingEntity.findById(id));
    }

    public Optional<BriefingEntity> latest() {
        return BriefingEntity.findAll(Sort.descending("generatedAt").and("id", Sort.Direction.Descending))
                .<BriefingEntity>firstResultOptional();
    }

    public Page<BriefingEntity> list(int page, int size) {
        var query = BriefingEntity.findAll(Sort.descending("generatedAt").and("id", Sort.Direction.Descending));
        List<BriefingEntity> items = query.page(page, size).list();
        return new Page<>(items, query.count(), page, size);
    }

    public BriefingContent content(BriefingEntity briefing) {
        try {
            return mapper.readValue(briefing.content, BriefingContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored briefing " + briefing.id + " is not readable", e);
        }
    }

    /**
     * Runs {@code reads} in a read-only transaction of its own at REPEATABLE READ, so all its queries see one snapshot
     * of the database: a classification arriving while a briefing is built cannot make its headline and its cells
     * differ. (Its own transaction, because the caller's has run statements already — the advisory lock — and
     * PostgreSQL fixes the isolation level before the first.)
     */
    <T> T inOneSnapshot(java.util.function.Supplier<T> reads) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
            return reads.get();
        });
    }

    /** Builds what a briefing of {@code kind} for the period says, from the read model as it is now. */
    public BriefingContent build(String kind, Period period, String regionCode) {
        return build(kind, period, regionCode, config.language());
    }

    /**
     * Builds what a briefing says, from the read model as it is now and the warnings active at the period's end: the
     * same period over the same data gives the same content (every list in a total order).
     */
    public BriefingContent build(String kind, Period period, String regionCode, String language) {
        RollUp rollUp = RollUp.of(catalogue, regionCode);
        Set<String> scope = rollUp.codesInScope();
        Situation situation = SituationAssembler.assemble(rollUp, period,
                queries.countCells(period, scope), queries.countCells(period.previous(), scope),
                queries.countIncidentCells(period, scope), queries.countIncidentCells(period.previous(), scope));
        List<ReportRow> reports = queries.allReports(period, scope);
        List<IncidentGroups.Group> gravest = IncidentGroups.mostSevere(reports, config.mostSevereLimit());
        Map<UUID, Integer> inAll = queries.incidentReportCounts(gravest.stream().map(IncidentGroups.Group::incidentId).toList());
        List<BriefingContent.IncidentItem> mostSevere = gravest.stream().map(g -> {
            ReportItem r = ReportItem.of(g.gravest(), catalogue);
            return new BriefingContent.IncidentItem(r.id(), r.title(), r.unitId(), r.regionCode(), r.regionName(),
                    r.occurredAt(), r.severity(), r.category(), g.incidentId(), g.reports().size(),
                    g.reports().stream().map(ReportRow::id).toList(),
                    inAll.getOrDefault(g.incidentId(), g.reports().size()));
        }).toList();
        BriefingContent.Headline headline = new BriefingContent.Headline(situation.totals(), situation.previousTotals(),
                situation.change(), situation.total(), situation.incidentTotals(), situation.previousIncidentTotals(),
                situation.incidentChange(), situation.incidentTotal());
        Timeliness timeliness = Timeliness.of(queries.timelinessSamples(period, scope), config.timelinessLimit(),
                unit -> unitReportsLink(period, regionCode, unit));
        List<AlertSummary> alerts = activeAlerts.activeAt(period.to(), regionCode).stream()
                .sorted(AlertSummary.BRIEFING_ORDER).toList();
        boolean english = NarrativeGenerator.ENGLISH.equals(language);
        String scopeName = regionCode == null ? (english ? "all regions" : "全部地区") : catalogue.nameOf(regionCode);
        BriefingContent.Narrative narrative = NarrativeGenerator.generate(language, new NarrativeGenerator.Facts(
                kindLabel(kind, english), scopeName, officeTime(period.from()), officeTime(period.to()), headline,
                situation, mostSevere, alerts, timeliness, catalogue::nameOf));
        return new BriefingContent(kind, period.from(), period.to(), regionCode, headline, situation, mostSevere,
                cells(rollUp, situation, reports), narrative, timeliness, alerts);
    }

    /** The reports of one unit in the briefing's period and scope. */
    static String unitReportsLink(Period period, String regionCode, String unitId) {
        StringBuilder link = new StringBuilder("/api/v1/situation/reports?from=").append(encode(period.from().toString()))
                .append("&to=").append(encode(period.to().toString()));
        if (regionCode != null) {
            link.append("&regionCode=").append(encode(regionCode));
        }
        return link.append("&unitId=").append(encode(unitId)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String officeTime(Instant t) {
        return OFFICE_TIME.format(t.atZone(config.zone()));
    }

    public static String kindLabel(String kind, boolean english) {
        return switch (kind) {
            case DAILY -> english ? "Daily briefing" : "每日简报";
            case WEEKLY -> english ? "Weekly briefing" : "每周简报";
            default -> english ? "Briefing" : "即时简报";
        };
    }

    private static List<BriefingContent.Cell> cells(RollUp rollUp, Situation situation, List<ReportRow> reports) {
        Map<String, Integer> rowOrder = new HashMap<>();
        for (Situation.Row row : situation.regions()) {
            rowOrder.put(row.regionCode(), rowOrder.size());
        }
        Map<CellKey, List<ReportRow>> cells = new LinkedHashMap<>();
        for (ReportRow r : reports) {
            Optional<Category> category = Category.parse(r.category());
            Optional<String> row = rollUp.rowOf(r.regionCode());
            if (category.isPresent() && row.isPresent()) {
                cells.computeIfAbsent(new CellKey(row.get(), category.get()), k -> new ArrayList<>()).add(r);
            }
        }
        List<BriefingContent.Cell> out = new ArrayList<>();
        cells.entrySet().stream()
                .sorted(Comparator.<Map.Entry<CellKey, List<ReportRow>>>comparingInt(
                                e -> rowOrder.getOrDefault(e.getKey().regionCode(), Integer.MAX_VALUE))
                        .thenComparing(e -> e.getKey().regionCode())
                        .thenComparing(e -> e.getKey().category()))
                .forEach(e -> out.add(new BriefingContent.Cell(e.getKey().regionCode(), e.getKey().category().name(),
                        e.getValue().stream().map(ReportRow::id).toList(),
                        IncidentGroups.byIncident(e.getValue()).stream()
                                .map(g -> new BriefingContent.CellIncident(g.incidentId(),
                                        g.reports().stream().map(ReportRow::id).toList()))
                                .toList())));
        return out;
    }

    private BriefingEntity generate(String kind, Period period, String regionCode, String language) {
        BriefingContent content = inOneSnapshot(() -> build(kind, period, regionCode, language));
        BriefingEntity b = new BriefingEntity();
        b.id = UUID.randomUUID();
        b.kind = kind;
        b.periodFrom = period.from();
        b.periodTo = period.to();
        b.regionCode = regionCode;
        b.generatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        b.reportCount = (int) content.headline().reportCount();
        b.incidentCount = (int) content.headline().incidentCount();
        b.contentHash = ContentHash.of(content);
        try {
            b.content = mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("briefing content cannot be written", e);
        }
        b.persist();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("briefingId", b.id.toString());
        payload.put("kind", kind);
        payload.put("from", period.from().toString());
        payload.put("to", period.to().toString());
        payload.put("regionCode", regionCode);
        payload.put("generatedAt", b.generatedAt.toString());
        payload.put("totals", content.headline().totals());
        payload.put("previousTotals", content.headline().previousTotals());
        payload.put("reportCount", b.reportCount);
        payload.put("incidentTotals", content.headline().incidentTotals());
        payload.put("incidentCount", b.incidentCount);
        payload.put("contentHash", b.contentHash);
        outbox.add(TOPIC, b.id.toString(), EVENT_TYPE, b.id.toString(), b.generatedAt, payload);
        registry.counter("sitrep.briefing.generated", "kind", kind).increment();
        LOG.infof("%s briefing %s generated for %s – %s (%d reports, %d incidents)", kind, b.id, period.from(),
                period.to(), b.reportCount, b.incidentCount);
        return b;
    }
}
