package org.sitrep.briefing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.Classifications;
import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ReportClassifiedTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsTheFieldsItNeedsAndIgnoresUnknownOnes() {
        var b = Classifications.report().version(3).category("CYBER_SECURITY").severity("II")
                .at(Instant.parse("2030-03-04T05:06:07Z")).title("勒索病毒");
        ReportClassified c = ReportClassified.parse(mapper, b.json());
        assertThat(c.reportId().toString()).isEqualTo(b.id());
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.category()).isEqualTo(Category.CYBER_SECURITY);
        assertThat(c.severity()).isEqualTo(Severity.II);
        assertThat(c.occurredAt()).isEqualTo(Instant.parse("2030-03-04T05:06:07Z"));
        assertThat(c.title()).isEqualTo("勒索病毒");
        assertThat(c.injured()).isEqualTo(1);
        assertThat(c.incidentId().toString()).isEqualTo(b.incidentId());
    }

    @Test
    void payloadWithoutOptionalFieldsIsAccepted() throws Exception {
        ObjectNode n = (ObjectNode) mapper.readTree(Classifications.report().json());
        n.remove("title");
        n.remove("summary");
        n.remove("casualties");
        n.remove("incidentId");
        n.remove("scores");
        n.remove("evidence");
        ReportClassified c = ReportClassified.parse(mapper, n.toString());
        assertThat(c.title()).isNull();
        assertThat(c.deaths()).isNull();
    }

    @Test
    void missingRequiredFieldIsPoison() throws Exception {
        for (String field : new String[] {"reportId", "version", "regionCode", "occurredAt", "category", "severity"}) {
            ObjectNode n = (ObjectNode) mapper.readTree(Classifications.report().json());
            n.remove(field);
            assertThatThrownBy(() -> ReportClassified.parse(mapper, n.toString()))
                    .as(field).isInstanceOf(PoisonEventException.class).hasMessageContaining(field);
        }
    }

    @Test
    void malformedValuesArePoison() {
        assertThatThrownBy(() -> ReportClassified.parse(mapper, "not json")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> ReportClassified.parse(mapper, Classifications.report().category("WEATHER").json()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("WEATHER");
        assertThatThrownBy(() -> ReportClassified.parse(mapper, Classifications.report().region("61").json()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("regionCode");
    }
}
