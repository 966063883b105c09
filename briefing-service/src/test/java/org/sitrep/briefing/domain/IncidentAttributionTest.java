package org.sitrep.briefing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.regions.RegionCatalogue;

class IncidentAttributionTest {

    private static final UUID INCIDENT = UUID.randomUUID();
    private static final Instant T = Instant.parse("2030-01-02T10:20:00Z");

    private static IncidentAttribution.Member member(String region, String category, Instant at, String severity) {
        return new IncidentAttribution.Member(UUID.randomUUID(), region, category, at, severity);
    }

    @Test
    void incidentIsAttributedToTheCellOfItsEarliestReport() {
        IncidentAttribution.Member township = member("610921", "PUBLIC_ORDER", T.plusSeconds(7200), "III");
        IncidentAttribution.Member police = member("610902", "PUBLIC_SAFETY", T, "IV");
        IncidentAttribution.Member bureau = member("610922", "PUBLIC_SAFETY", T.plusSeconds(3600), "II");

        IncidentAttribution a = IncidentAttribution.of(INCIDENT, List.of(township, police, bureau)).orElseThrow();

        assertThat(a.incidentId()).isEqualTo(INCIDENT);
        assertThat(a.firstReportId()).isEqualTo(police.reportId());
        assertThat(a.regionCode()).isEqualTo("610902");
        assertThat(a.category()).isEqualTo("PUBLIC_SAFETY");
        assertThat(a.occurredAt()).isEqualTo(T);
        assertThat(a.hourStart()).isEqualTo(Instant.parse("2030-01-02T10:00:00Z"));
        assertThat(a.reportCount()).isEqualTo(3);
        assertThat(a.maxSeverity()).isEqualTo(Severity.II);
        assertThat(a.lastOccurredAt()).isEqualTo(T.plusSeconds(7200));
    }

    @Test
    void whenTheEarliestReportLeavesTheIncidentMovesToTheNextEarliest() {
        IncidentAttribution.Member first = member("610902", "PUBLIC_SAFETY", T, "I");
        IncidentAttribution.Member second = member("610921", "SOCIAL_CONFLICT", T.plusSeconds(5400), "III");
        List<IncidentAttribution.Member> members = new ArrayList<>(List.of(first, second));
        assertThat(IncidentAttribution.of(INCIDENT, members).orElseThrow().regionCode()).isEqualTo("610902");

        members.remove(first);
        IncidentAttribution a = IncidentAttribution.of(INCIDENT, members).orElseThrow();
        assertThat(a.regionCode()).isEqualTo("610921");
        assertThat(a.category()).isEqualTo("SOCIAL_CONFLICT");
        assertThat(a.hourStart()).isEqualTo(Instant.parse("2030-01-02T11:00:00Z"));
        assertThat(a.reportCount()).isEqualTo(1);
        assertThat(a.maxSeverity()).isEqualTo(Severity.III);
    }

    @Test
    void incidentWithoutReportsHasNoAttribution() {
        assertThat(IncidentAttribution.of(INCIDENT, List.of())).isEmpty();
    }

    @Test
    void simultaneousReportsAreOrderedByReportIdAsPostgresOrdersUuids() {
        // signed Java UUID comparison would put 8000… before 0000…; PostgreSQL (and this attribution) does not
        IncidentAttribution.Member high = new IncidentAttribution.Member(
                UUID.fromString("80000000-0000-4000-8000-000000000000"), "610921", "PUBLIC_ORDER", T, "IV");
        IncidentAttribution.Member low = new IncidentAttribution.Member(
                UUID.fromString("00000000-0000-4000-8000-000000000000"), "610902", "PUBLIC_SAFETY", T, "IV");
        assertThat(IncidentAttribution.of(INCIDENT, List.of(high, low)).orElseThrow().firstReportId())
                .isEqualTo(low.reportId());
        assertThat(IncidentAttribution.of(INCIDENT, List.of(low, high)).orElseThrow().firstReportId())
                .isEqualTo(low.reportId());
    }

    @Test
    void incidentCountsRollUpSideBySideWithReportsAndTotalsCountEachIncidentOnce() {
        RegionCatalogue catalogue = RegionCatalogue.bundled();
        Period period = new Period(Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-03T00:00:00Z"));
        // one incident reported in two counties and two categories: three reports, attributed to 610902 PUBLIC_SAFETY
        Map<CellKey, Long> reports = Map.of(new CellKey("610902", Category.PUBLIC_SAFETY), 2L,
                new CellKey("610921", Category.PUBLIC_ORDER), 1L);
        Map<CellKey, Long> incidents = Map.of(new CellKey("610902", Category.PUBLIC_SAFETY), 1L);
        Map<CellKey, Long> previousIncidents = Map.of(new CellKey("610921", Category.PUBLIC_ORDER), 2L);

        Situation s = SituationAssembler.assemble(RollUp.of(catalogue, "610900"), period, reports, Map.of(), incidents,
                previousIncidents);

        assertThat(s.totals()).containsEntry("ALL", 3L);
        assertThat(s.incidentTotals()).containsEntry("ALL", 1L).containsEntry("PUBLIC_SAFETY", 1L)
                .containsEntry("PUBLIC_ORDER", 0L);
        assertThat(s.incidentTotal()).isEqualTo(1);
        assertThat(s.previousIncidentTotals()).containsEntry("ALL", 2L);
        assertThat(s.incidentChange()).containsEntry("ALL", -1L).containsEntry("PUBLIC_ORDER", -2L);
        Situation.Row hanbin = s.regions().stream().filter(r -> r.regionCode().equals("610902")).findFirst().orElseThrow();
        Situation.Row hanyin = s.regions().stream().filter(r -> r.regionCode().equals("610921")).findFirst().orElseThrow();
        assertThat(hanbin.total()).isEqualTo(2);
        assertThat(hanbin.incidents()).containsEntry("ALL", 1L).containsEntry("PUBLIC_SAFETY", 1L);
        assertThat(hanyin.total()).isEqualTo(1);
        assertThat(hanyin.incidents()).containsEntry("ALL", 0L);
        assertThat(hanyin.previousIncidents()).containsEntry("ALL", 2L);
        assertThat(hanyin.incidentChange()).containsEntry("ALL", -2L);
    }
}
