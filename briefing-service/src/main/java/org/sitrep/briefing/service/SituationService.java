package org.sitrep.briefing.service;

import java.util.List;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.domain.RollUp;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.domain.SituationAssembler;
import org.sitrep.briefing.persistence.SituationQueries;
import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.context.ApplicationScoped;

/** The live situation map and the reports behind its cells. */
@ApplicationScoped
public class SituationService {

    private final SituationQueries queries;
    private final RegionCatalogue catalogue;

    public SituationService(SituationQueries queries, RegionCatalogue catalogue) {
        this.queries = queries;
        this.catalogue = catalogue;
    }

    /** @param regionCode a catalogue code or null for everything */
    public Situation situation(Period period, String regionCode) {
        RollUp rollUp = RollUp.of(catalogue, regionCode);
        return SituationAssembler.assemble(rollUp, period,
                queries.countCells(period, rollUp.codesInScope()),
                queries.countCells(period.previous(), rollUp.codesInScope()),
                queries.countIncidentCells(period, rollUp.codesInScope()),
                queries.countIncidentCells(period.previous(), rollUp.codesInScope()));
    }

    /** The incidents behind a cell (or a row, or the whole map): those attributed to it, newest first. */
    public Page<IncidentItem> incidents(Period period, String regionCode, Category category, int page, int size) {
        RollUp rollUp = RollUp.of(catalogue, regionCode);
        long total = queries.countIncidents(period, rollUp.codesInScope(), category);
        List<IncidentItem> items = queries.incidents(period, rollUp.codesInScope(), category, (long) page * size, size)
                .stream().map(r -> IncidentItem.of(r, catalogue)).toList();
        return new Page<>(items, total, page, size);
    }

    /** The reports behind a cell (or a row, or the whole map), newest first. */
    public Page<ReportItem> reports(Period period, String regionCode, Category category, int page, int size) {
        return reports(period, regionCode, category, null, page, size);
    }

    /** The reports behind a cell, a row or the whole map, optionally of one unit ({@code unitId} null: all), newest first. */
    public Page<ReportItem> reports(Period period, String regionCode, Category category, String unitId, int page, int size) {
        RollUp rollUp = RollUp.of(catalogue, regionCode);
        long total = queries.countReports(period, rollUp.codesInScope(), category, unitId);
        List<ReportItem> items = queries.reports(period, rollUp.codesInScope(), category, unitId, (long) page * size, size).stream()
                .map(r -> ReportItem.of(r, catalogue)).toList();
        return new Page<>(items, total, page, size);
    }
}
