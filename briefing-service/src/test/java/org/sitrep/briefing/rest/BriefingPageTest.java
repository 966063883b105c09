package org.sitrep.briefing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.service.BriefingContent;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

class BriefingPageTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The content of a briefing stored before incidents were counted (no incident fields anywhere). */
    private static final String BEFORE_INCIDENTS = """
            {"kind":"ON_DEMAND","from":"2030-01-02T00:00:00Z","to":"2030-01-03T00:00:00Z","regionCode":null,
             "headline":{"totals":{"ALL":2,"PUBLIC_ORDER":2},"previousTotals":{"ALL":0},"change":{"ALL":2},"reportCount":2},
             "situation":{"from":"2030-01-02T00:00:00Z","to":"2030-01-03T00:00:00Z","regionCode":null,
               "regions":[{"regionCode":"610902","name":"汉滨区","counts":{"PUBLIC_ORDER":2},"total":2,
                           "previous":{"ALL":0},"change":{"ALL":2,"PUBLIC_ORDER":2}}],
               "totals":{"ALL":2,"PUBLIC_ORDER":2},"previousTotals":{"ALL":0},"change":{"ALL":2}},
             "mostSevere":[{"id":"11111111-1111-4111-8111-111111111111","title":"斗殴","unitId":"u","regionCode":"610902",
                            "regionName":"汉滨区","occurredAt":"2030-01-02T03:00:00Z","severity":"III","category":"PUBLIC_ORDER"}],
             "cells":[{"regionCode":"610902","category":"PUBLIC_ORDER",
                       "reportIds":["11111111-1111-4111-8111-111111111111","22222222-2222-4222-8222-222222222222"]}]}
            """;

    @Test
    void briefingStoredBeforeIncidentsShowsReportsOnlyAndEveryReportAsItsOwnGroup() throws Exception {
        BriefingContent content = MAPPER.readValue(BEFORE_INCIDENTS, BriefingContent.class);
        BriefingEntity b = new BriefingEntity();
        b.id = UUID.randomUUID();
        b.kind = "ON_DEMAND";
        b.generatedAt = Instant.parse("2030-01-03T01:00:00Z");
        b.contentHash = "0".repeat(64);

        BriefingPage page = BriefingPage.of(b, content, Map.of(), RegionCatalogue.bundled(), ZoneId.of("Asia/Shanghai"));

        assertThat(page.incidents()).isFalse();
        assertThat(page.reportCount()).isEqualTo(2);
        assertThat(page.headline().get(0).value()).isEqualTo(2);
        assertThat(page.rows().get(0).total()).isEqualTo(2);
        assertThat(page.rows().get(0).incidents()).isZero();
        assertThat(page.mostSevere()).hasSize(1);
        assertThat(page.mostSevere().get(0).reportCount()).isEqualTo(1);
        assertThat(page.mostSevere().get(0).moreElsewhere()).isFalse();
        assertThat(page.cells().get(0).count()).isEqualTo(2);
        assertThat(page.cells().get(0).incidents()).hasSize(2);
    }
}
