package org.sitrep.briefing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.alerts.RiskAlert.AlertStatus;
import org.sitrep.briefing.domain.Category;
import org.sitrep.contracts.EventContracts;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

class RiskAlertTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsAPayloadThatConformsToTheContract() {
        Alerts.Builder b = Alerts.alert().version(4).status("ACKNOWLEDGED").category("CYBER_SECURITY");
        assertThat(EventContracts.violations(Contract.RISK_ALERT, b.json())).isEmpty();
        RiskAlert a = RiskAlert.parse(mapper, b.json());
        assertThat(a.alertId().toString()).isEqualTo(b.alertId);
        assertThat(a.version()).isEqualTo(4);
        assertThat(a.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(a.category()).isEqualTo(Category.CYBER_SECURITY);
        assertThat(a.acknowledgedBy()).isEqualTo("值班员张三");
        assertThat(a.reportIds()).hasSize(1);
        assertThat(a.view("汉滨区")).containsEntry("regionName", "汉滨区").containsEntry("categoryLabel", "网络安全");
    }

    @Test
    void ignoresUnknownFields() {
        String json = Alerts.alert().json().replaceFirst("\\{", "{\"somethingNew\":[1,2],");
        assertThat(RiskAlert.parse(mapper, json).kind()).isEqualTo("SEVERE_REPORT");
    }

    @Test
    void rejectsPayloadsItCannotKeepAsPoison() {
        String ok = Alerts.alert().json();
        for (String[] bad : new String[][] {
                { ok.replace("\"version\":1", "\"version\":0"), "version" },
                { ok.replace("\"status\":\"RAISED\"", "\"status\":\"OPEN\""), "status" },
                { ok.replace("\"regionCode\":\"610902\"", "\"regionCode\":\"6109\""), "regionCode" },
                { ok.replace("\"severity\":\"II\"", "\"severity\":\"V\""), "severity" },
                { ok.replace("\"headline\"", "\"title\""), "headline" },
                { ok.replace("\"raisedAt\":\"", "\"raisedAt\":\"yesterday "), "raisedAt" },
                { "[]", "object" } }) {
            assertThatThrownBy(() -> RiskAlert.parse(mapper, bad[0])).isInstanceOf(PoisonEventException.class)
                    .hasMessageContaining(bad[1]);
        }
    }

    @Test
    void mapsCloudEventsTypesToStatuses() {
        assertThat(AlertStatus.ofCeType("org.sitrep.alert.expired.v1")).contains(AlertStatus.EXPIRED);
        assertThat(AlertStatus.ofCeType("org.sitrep.alert.closed.v1")).isEmpty();
        assertThat(AlertStatus.RAISED.active()).isTrue();
        assertThat(AlertStatus.RESOLVED.active()).isFalse();
    }
}
