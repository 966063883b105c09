package org.sitrep.briefing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    record Content(String kind, Instant from, Map<String, Long> totals, List<String> ids) {
    }

    @Test
    void sameContentBuiltInAnotherOrderHasTheSameHash() {
        Map<String, Long> a = new LinkedHashMap<>();
        a.put("PUBLIC_ORDER", 2L);
        a.put("ALL", 3L);
        Map<String, Long> b = new LinkedHashMap<>();
        b.put("ALL", 3L);
        b.put("PUBLIC_ORDER", 2L);
        Instant from = Instant.parse("2030-01-01T00:00:00Z");
        String h1 = ContentHash.of(new Content("DAILY", from, a, List.of("x", "y")));
        String h2 = ContentHash.of(new Content("DAILY", from, b, List.of("x", "y")));
        assertThat(h1).isEqualTo(h2).matches("[0-9a-f]{64}");
    }

    @Test
    void anyDifferenceChangesTheHash() {
        Instant from = Instant.parse("2030-01-01T00:00:00Z");
        String h1 = ContentHash.of(new Content("DAILY", from, Map.of("ALL", 3L), List.of("x", "y")));
        assertThat(ContentHash.of(new Content("DAILY", from, Map.of("ALL", 4L), List.of("x", "y")))).isNotEqualTo(h1);
        assertThat(ContentHash.of(new Content("DAILY", from, Map.of("ALL", 3L), List.of("y", "x")))).isNotEqualTo(h1);
        assertThat(ContentHash.of(new Content("DAILY", from.plusSeconds(1), Map.of("ALL", 3L), List.of("x", "y"))))
                .isNotEqualTo(h1);
    }

    @Test
    void canonicalJsonSortsPropertiesAndWritesInstantsAsText() {
        String json = ContentHash.canonicalJson(new Content("DAILY", Instant.parse("2030-01-01T00:00:00Z"),
                Map.of("b", 1L, "a", 2L), List.of()));
        assertThat(json).isEqualTo("{\"from\":\"2030-01-01T00:00:00Z\",\"ids\":[],\"kind\":\"DAILY\",\"totals\":{\"a\":2,\"b\":1}}");
    }
}
