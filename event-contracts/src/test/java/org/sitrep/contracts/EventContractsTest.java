package org.sitrep.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventContractsTest {

    @Test
    void conformingReportPayloadPassesAndBrokenOnesNameTheirProblem() {
        String good = """
                {"reportId":"0b7f3c2e-8a51-4f0c-9d7e-2b1a6c9e4f10","unitId":"hanbin-gaj","regionCode":"610902",
                 "occurredAt":"2026-11-20T02:00:00Z","receivedAt":"2026-11-20T02:05:00Z","body":"某路段发生交通事故"}""";
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_RECEIVED, good)).isEmpty();

        String badRegion = good.replace("610902", "6109");
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_RECEIVED, badRegion))
                .anySatisfy(m -> assertThat(m).contains("regionCode"));
        String noBody = good.replace(",\"body\":\"某路段发生交通事故\"", "");
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_RECEIVED, noBody))
                .anySatisfy(m -> assertThat(m).contains("body"));
    }

    @Test
    void classificationWithUnknownCategoryOrSeverityViolatesTheContract() {
        String json = """
                {"reportId":"0b7f3c2e-8a51-4f0c-9d7e-2b1a6c9e4f10","version":1,"unitId":"u1","regionCode":"610902",
                 "occurredAt":"2026-11-20T02:00:00Z","receivedAt":"2026-11-20T02:05:00Z","category":"PUBLIC_SAFETY",
                 "confidence":0.9,"scores":{"POLITICAL_SECURITY":0.01,"PUBLIC_ORDER":0.02,"SOCIAL_CONFLICT":0.03,
                 "PUBLIC_SAFETY":0.9,"CYBER_SECURITY":0.04},"severity":"III","evidence":["滑坡"],"needsReview":false,
                 "modelVersion":"nb-1","taxonomyVersion":"2026.1","classifiedAt":"2026-11-20T02:06:00Z"}""";
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_CLASSIFIED, json)).isEmpty();
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_CLASSIFIED, json.replace("\"III\"", "\"V\"")))
                .isNotEmpty();
        assertThat(EventContracts.violations(EventContracts.Contract.REPORT_CLASSIFIED,
                json.replace("\"category\":\"PUBLIC_SAFETY\"", "\"category\":\"WEATHER\""))).isNotEmpty();
    }
}
