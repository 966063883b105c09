package org.sitrep.briefing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.persistence.ReportRow;

class IncidentGroupsTest {

    private static final Instant T = Instant.parse("2030-01-02T10:00:00Z");

    private static ReportRow report(UUID incident, String severity, int hour) {
        return new ReportRow(UUID.randomUUID(), "报告", "unit", "610902", T.plusSeconds(3600L * hour), severity,
                "PUBLIC_SAFETY", incident);
    }

    @Test
    void mostSevereListsEachIncidentOnceByItsGravestReport() {
        UUID landslide = UUID.randomUUID();
        ReportRow township = report(landslide, "III", 1);
        ReportRow police = report(landslide, "I", 2);
        ReportRow bureau = report(landslide, "II", 3);
        ReportRow fire = report(UUID.randomUUID(), "II", 4);
        ReportRow theft = report(UUID.randomUUID(), "IV", 5);

        List<IncidentGroups.Group> list = IncidentGroups.mostSevere(List.of(theft, township, fire, bureau, police), 10);

        assertThat(list).extracting(IncidentGroups.Group::incidentId)
                .containsExactly(landslide, fire.incidentId(), theft.incidentId());
        assertThat(list.get(0).gravest()).isEqualTo(police);
        assertThat(list.get(0).reports()).containsExactly(bureau, police, township);
        assertThat(list.get(1).reports()).containsExactly(fire);
    }

    @Test
    void mostSevereIsLimitedInIncidentsNotReports() {
        UUID one = UUID.randomUUID();
        List<ReportRow> reports = List.of(report(one, "I", 1), report(one, "I", 2), report(one, "I", 3),
                report(UUID.randomUUID(), "II", 1), report(UUID.randomUUID(), "III", 1));
        List<IncidentGroups.Group> list = IncidentGroups.mostSevere(reports, 2);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).reports()).hasSize(3);
        assertThat(list.get(1).gravest().severity()).isEqualTo("II");
    }

    @Test
    void equalSeverityPutsTheIncidentWithTheNewestGravestReportFirst() {
        ReportRow older = report(UUID.randomUUID(), "II", 1);
        ReportRow newer = report(UUID.randomUUID(), "II", 6);
        assertThat(IncidentGroups.mostSevere(List.of(older, newer), 10)).extracting(g -> g.gravest())
                .containsExactly(newer, older);
    }

    @Test
    void reportWithoutIncidentIsAnIncidentOfItsOwn() {
        ReportRow a = report(null, "IV", 1);
        ReportRow b = report(null, "IV", 2);
        List<IncidentGroups.Group> groups = IncidentGroups.byIncident(List.of(a, b));
        assertThat(groups).extracting(IncidentGroups.Group::incidentId).containsExactly(b.id(), a.id());
    }

    @Test
    void groupsComeInTheOrderOfTheirNewestReport() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ReportRow e1 = report(early, "IV", 1);
        ReportRow l1 = report(late, "IV", 2);
        ReportRow e2 = report(early, "IV", 3);
        List<IncidentGroups.Group> groups = IncidentGroups.byIncident(List.of(e1, l1, e2));
        assertThat(groups).extracting(IncidentGroups.Group::incidentId).containsExactly(early, late);
        assertThat(groups.get(0).reports()).containsExactly(e2, e1);
    }
}
