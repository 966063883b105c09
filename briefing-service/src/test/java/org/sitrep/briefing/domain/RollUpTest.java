package org.sitrep.briefing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.regions.RegionCatalogue;

class RollUpTest {

    private static final RegionCatalogue CATALOGUE = RegionCatalogue.bundled();
    private static final Period PERIOD = new Period(Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-03T00:00:00Z"));
    // 610000 陕西省 > 610900 安康市 > 610902 汉滨区, 610921 汉阴县; 610100 西安市 > 610113 雁塔区
    private static final Map<CellKey, Long> COUNTS = Map.of(
            new CellKey("610902", Category.PUBLIC_ORDER), 3L,
            new CellKey("610921", Category.PUBLIC_ORDER), 2L,
            new CellKey("610921", Category.PUBLIC_SAFETY), 1L,
            new CellKey("610113", Category.CYBER_SECURITY), 4L);

    @Test
    void provinceRollsCountiesUpIntoItsCities() {
        Situation s = SituationAssembler.assemble(RollUp.of(CATALOGUE, "610000"), PERIOD, COUNTS, Map.of());
        Situation.Row ankang = row(s, "610900");
        assertThat(ankang.name()).isEqualTo("安康市");
        assertThat(ankang.counts()).containsEntry("PUBLIC_ORDER", 5L).containsEntry("PUBLIC_SAFETY", 1L);
        assertThat(ankang.total()).isEqualTo(6);
        assertThat(row(s, "610100").counts()).containsEntry("CYBER_SECURITY", 4L);
        assertThat(s.regions()).extracting(Situation.Row::regionCode)
                .containsAll(CATALOGUE.childrenOf("610000").stream().map(r -> r.code()).toList())
                .doesNotContain("610902");
        assertThat(s.totals()).containsEntry("ALL", 10L).containsEntry("PUBLIC_ORDER", 5L);
    }

    @Test
    void cityListsItsCountiesAndLeavesOtherCitiesOut() {
        Situation s = SituationAssembler.assemble(RollUp.of(CATALOGUE, "610900"), PERIOD, COUNTS, Map.of());
        assertThat(row(s, "610902").total()).isEqualTo(3);
        assertThat(row(s, "610921").total()).isEqualTo(3);
        assertThat(s.regions()).extracting(Situation.Row::regionCode).doesNotContain("610113", "610100");
        assertThat(s.totals()).containsEntry("ALL", 6L).containsEntry("CYBER_SECURITY", 0L);
    }

    @Test
    void countyIsItself() {
        Situation s = SituationAssembler.assemble(RollUp.of(CATALOGUE, "610921"), PERIOD, COUNTS, Map.of());
        assertThat(s.regions()).extracting(Situation.Row::regionCode).containsExactly("610921");
        assertThat(s.totals()).containsEntry("ALL", 3L);
    }

    @Test
    void withoutScopeEveryReportedRegionIsARow() {
        Situation s = SituationAssembler.assemble(RollUp.of(CATALOGUE, null), PERIOD, COUNTS, Map.of());
        assertThat(s.regions()).extracting(Situation.Row::regionCode).containsExactly("610113", "610902", "610921");
        assertThat(s.totals()).containsEntry("ALL", 10L);
    }

    @Test
    void everyCategoryIsPresentAndChangeIsAgainstThePreviousPeriod() {
        Map<CellKey, Long> before = Map.of(new CellKey("610902", Category.PUBLIC_ORDER), 5L,
                new CellKey("610902", Category.SOCIAL_CONFLICT), 2L);
        Situation s = SituationAssembler.assemble(RollUp.of(CATALOGUE, "610902"), PERIOD, COUNTS, before);
        Situation.Row hanbin = row(s, "610902");
        assertThat(hanbin.counts()).containsOnlyKeys("POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT",
                "PUBLIC_SAFETY", "CYBER_SECURITY");
        assertThat(hanbin.previous()).containsEntry("PUBLIC_ORDER", 5L).containsEntry("ALL", 7L);
        assertThat(hanbin.change()).containsEntry("PUBLIC_ORDER", -2L).containsEntry("SOCIAL_CONFLICT", -2L)
                .containsEntry("ALL", -4L);
        assertThat(s.change()).containsEntry("ALL", -4L);
        assertThat(s.previousTotals()).containsEntry("ALL", 7L);
    }

    private static Situation.Row row(Situation s, String code) {
        return s.regions().stream().filter(r -> r.regionCode().equals(code)).findFirst().orElseThrow();
    }
}
