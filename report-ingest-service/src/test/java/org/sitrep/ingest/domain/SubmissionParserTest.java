package org.sitrep.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.ingest.config.IngestConfig;
import org.sitrep.ingest.rest.Violation;
import org.sitrep.regions.RegionCatalogue;

class SubmissionParserTest {

    static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    static final IngestConfig CONFIG = new IngestConfig() {
        public int maxReportBytes() { return 262_144; }
        public int maxBatchBytes() { return 16_777_216; }
        public int maxBatchItems() { return 1000; }
        public int maxNestingDepth() { return 16; }
        public Duration futureTolerance() { return Duration.ofMinutes(10); }
        public int maxPageSize() { return 200; }
    };

    private final SubmissionParser parser = new SubmissionParser(RegionCatalogue.bundled(), CONFIG,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private SubmissionParser.Result parse(String json) {
        return parser.parse(parser.readDocument(json.getBytes(StandardCharsets.UTF_8)), "");
    }

    private static String report(String fields) {
        return "{\"unitId\":\"hanbin-gaj\",\"regionCode\":\"610902\",\"occurredAt\":\"2026-11-24T13:20:00+08:00\","
                + "\"body\":\"江北街道一小区发生电动车火灾\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    @Test
    void completeReportIsAcceptedWithItsTimeConvertedToUtc() {
        SubmissionParser.Result r = parse(report("\"title\":\"火情\",\"externalId\":\"HB-2026-1\",\"declaredCategory\":\"PUBLIC_SAFETY\","
                + "\"location\":{\"lat\":32.68,\"lon\":109.02},\"casualties\":{\"deaths\":0,\"injured\":2}"));
        assertThat(r.violations()).isEmpty();
        ReportSubmission s = r.submission();
        assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-11-24T05:20:00Z"));
        assertThat(s.casualties().injured()).isEqualTo(2);
        assertThat(s.location().lat()).isEqualTo(32.68);
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', value = {
            "\"unitId\":\"-bad\"                      | unitId",
            "\"unitId\":42                            | unitId",
            "\"regionCode\":\"999999\"                | regionCode",
            "\"regionCode\":\"6109\"                  | regionCode",
            "\"occurredAt\":\"yesterday\"             | occurredAt",
            "\"occurredAt\":\"1999-12-31T23:59:59Z\"  | occurredAt",
            "\"occurredAt\":\"2026-11-24T06:11:00Z\"  | occurredAt",
            "\"body\":\"   \"                         | body",
            "\"body\":[\"text\"]                      | body",
            "\"title\":{}                             | title",
            "\"declaredCategory\":\"WEATHER\"         | declaredCategory",
            "\"casualties\":{\"deaths\":-1}           | casualties.deaths",
            "\"casualties\":{\"injured\":1.5}         | casualties.injured",
            "\"casualties\":{\"injured\":\"3\"}       | casualties.injured",
            "\"casualties\":{\"missing\":3}           | casualties.missing",
            "\"location\":{\"lat\":91,\"lon\":0}      | location.lat",
            "\"location\":{\"lat\":30}                | location.lon",
            "\"location\":[30,109]                    | location",
            "\"externalId\":\"\"                      | externalId",
            "\"colour\":\"red\"                       | colour",
            "\"body\":\"nul\\u0000char\"              | body",
            "\"title\":\"half \\ud800 pair\"          | title"})
    void invalidFieldIsNamed(String override, String field) {
        String key = override.substring(1, override.indexOf('"', 1));
        String json = report("").replaceFirst("\"" + key + "\":(\"[^\"]*\"|\\d+)", java.util.regex.Matcher.quoteReplacement(override));
        if (!json.contains(override)) {
            json = report(override);
        }
        SubmissionParser.Result r = parse(json);
        assertThat(r.valid()).isFalse();
        assertThat(r.violations()).extracting(Violation::field).contains(field);
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        SubmissionParser.Result r = parse("{}");
        assertThat(r.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("unitId", "regionCode", "occurredAt", "body");
    }

    @Test
    void bodyAndTitleLimitsCountCharactersNotBytes() {
        assertThat(parse(report("\"title\":\"" + "险".repeat(200) + "\"")).valid()).isTrue();
        assertThat(parse(report("\"title\":\"" + "险".repeat(201) + "\"")).violations()).extracting(Violation::field).contains("title");
        String longBody = report("").replace("江北街道一小区发生电动车火灾", "情".repeat(20_001));
        assertThat(parse(longBody).violations()).extracting(Violation::field).contains("body");
    }

    @Test
    void documentsThatAreNotUsableJsonAreRefusedAsAWhole() {
        assertThatThrownBy(() -> parser.readDocument(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}))
                .isInstanceOfSatisfying(SubmissionParser.InvalidDocumentException.class,
                        e -> assertThat(e.violation().message()).contains("UTF-8"));
        assertThatThrownBy(() -> parser.readDocument("{\"body\": ".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> parser.readDocument("[".repeat(100).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> parser.readDocument("{\"body\":\"a\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SubmissionParser.InvalidDocumentException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("body"));
        assertThatThrownBy(() -> parser.readDocument("{} {}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed JSON");
        assertThat(parser.parse(parser.readDocument("[1,2]".getBytes(StandardCharsets.UTF_8)), "").violations())
                .extracting(Violation::field).containsExactly("$");
    }

    @Test
    void contentHashTellsARetryFromAChangedReport() {
        ReportSubmission a = parse(report("\"externalId\":\"X-1\"")).submission();
        ReportSubmission same = parse(report("\"externalId\":\"X-1\"")).submission();
        ReportSubmission changed = parse(report("\"externalId\":\"X-1\",\"title\":\"更正\"")).submission();
        assertThat(a.contentHash()).isEqualTo(same.contentHash()).isNotEqualTo(changed.contentHash());
    }
}
