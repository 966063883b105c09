package org.sitrep.risk.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** CAP 1.2 rendering, checked against the schema written from the specification (src/test/resources/cap). */
class CapMessagesTest {

    static Schema schema;
    final CapMessages cap = new CapMessages("risk-analysis-service@sitrep.example", ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void schema() throws SAXException {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CapMessagesTest.class.getResource("/cap/cap-1.2-subset.xsd"));
    }

    static AlertEntity alert(int version, String status, String kind, String category, String severity) {
        AlertEntity a = new AlertEntity();
        a.id = UUID.fromString("7d8f2f4e-3b9a-4c61-9a39-0f1c7a1b2c3d");
        a.version = version;
        a.status = status;
        a.kind = kind;
        a.regionCode = "610924";
        a.regionLevel = "COUNTY";
        a.category = category;
        a.severity = severity;
        a.day = LocalDate.of(2026, 11, 24);
        a.observed = 9L;
        a.expected = 1.4;
        a.headline = "紫阳县公共安全类报告异常增多：今日 9 起，基线 1.4 起";
        a.description = "p < 1e-4 & 9 > 1.4";  // characters that must be escaped
        a.reportIds = "[]";
        a.raisedAt = Instant.parse("2026-11-24T03:00:00Z");
        a.updatedAt = Instant.parse("2026-11-24T03:00:00.123Z").plusSeconds(3600L * (version - 1));
        a.expiresAt = a.updatedAt.plusSeconds(48 * 3600);
        return a;
    }

    static List<Map<String, Object>> history(int versions) {
        return java.util.stream.IntStream.rangeClosed(1, versions).mapToObj(v -> Map.<String, Object>of("version", v,
                "updatedAt", Instant.parse("2026-11-24T03:00:00.123Z").plusSeconds(3600L * (v - 1)).toString())).toList();
    }

    void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void theFirstVersionIsAnAlertWithOfficeTimeAndTheRegionGeocode() throws Exception {
        String xml = cap.toXml(alert(1, "RAISED", "SPIKE", "PUBLIC_SAFETY", "IV"), history(1), "紫阳县");
        validate(xml);
        assertThat(xml).contains("<identifier>sitrep-alert-7d8f2f4e-3b9a-4c61-9a39-0f1c7a1b2c3d-1</identifier>")
                .contains("<sent>2026-11-24T11:00:00+08:00</sent>").contains("<msgType>Alert</msgType>")
                .contains("<category>Safety</category>").contains("<severity>Minor</severity>")
                .contains("<certainty>Likely</certainty>").contains("<areaDesc>紫阳县</areaDesc>")
                .contains("<valueName>GB/T 2260</valueName>").contains("<value>610924</value>")
                .contains("p &lt; 1e-4 &amp; 9 &gt; 1.4").doesNotContain("<references>");
    }

    @Test
    void laterVersionsAreUpdatesReferencingEveryEarlierVersion() throws Exception {
        String xml = cap.toXml(alert(3, "ACKNOWLEDGED", "SEVERE_REPORT", "CYBER_SECURITY", "II"), history(3), "紫阳县");
        validate(xml);
        assertThat(xml).contains("<msgType>Update</msgType>").contains("<severity>Severe</severity>")
                .contains("<category>Infra</category>\n    <category>Security</category>")
                .contains("<urgency>Immediate</urgency>").contains("<certainty>Observed</certainty>")
                .contains("<references>risk-analysis-service@sitrep.example,sitrep-alert-7d8f2f4e-3b9a-4c61-9a39-0f1c7a1b2c3d-1,"
                        + "2026-11-24T11:00:00+08:00 risk-analysis-service@sitrep.example,"
                        + "sitrep-alert-7d8f2f4e-3b9a-4c61-9a39-0f1c7a1b2c3d-2,2026-11-24T12:00:00+08:00</references>");
    }

    @Test
    void aResolvedOrExpiredAlertIsACancel() throws Exception {
        for (String status : List.of("RESOLVED", "EXPIRED")) {
            String xml = cap.toXml(alert(4, status, "SUSTAINED_RISE", "PUBLIC_ORDER", "I"), history(4), null);
            validate(xml);
            assertThat(xml).contains("<msgType>Cancel</msgType>").contains("<urgency>Past</urgency>")
                    .contains("<severity>Extreme</severity>").contains("<category>Security</category>")
                    .contains("<areaDesc>610924</areaDesc>");
        }
    }

    @Test
    void theSchemaRejectsWrongOrderUnknownValuesAndUtcZ() throws Exception {
        String ok = cap.toXml(alert(1, "RAISED", "SPIKE", "PUBLIC_SAFETY", "IV"), history(1), "紫阳县");
        String swapped = ok.replace("<status>Actual</status>\n  <msgType>Alert</msgType>",
                "<msgType>Alert</msgType>\n  <status>Actual</status>");
        String badEnum = ok.replace("<severity>Minor</severity>", "<severity>Low</severity>");
        String utc = ok.replace("+08:00</sent>", "Z</sent>");
        String otherNamespace = ok.replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1");
        for (String bad : List.of(swapped, badEnum, utc, otherNamespace)) {
            assertThat(bad).isNotEqualTo(ok);
            assertThatThrownBy(() -> validate(bad)).isInstanceOf(SAXException.class);
        }
    }
}
