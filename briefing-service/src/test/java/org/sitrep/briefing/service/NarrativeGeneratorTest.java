package org.sitrep.briefing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.domain.Timeliness;

class NarrativeGeneratorTest {

    private static final Instant FROM = Instant.parse("2030-01-01T16:00:00Z");
    private static final Instant TO = Instant.parse("2030-01-02T16:00:00Z");

    private static Map<String, Long> m(Object... kv) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return map;
    }

    private static Situation.Row row(String code, String name, long total, long previous) {
        return new Situation.Row(code, name, m(), total, m("ALL", previous), m("ALL", total - previous), m("ALL", 0),
                m("ALL", 0), m("ALL", 0));
    }

    private static NarrativeGenerator.Facts facts(List<AlertSummary> alerts, Timeliness timeliness) {
        BriefingContent.Headline h = new BriefingContent.Headline(
                m("ALL", 12, "PUBLIC_ORDER", 6, "PUBLIC_SAFETY", 4, "CYBER_SECURITY", 2),
                m("ALL", 8, "PUBLIC_ORDER", 5, "PUBLIC_SAFETY", 1, "CYBER_SECURITY", 2),
                m("ALL", 4, "PUBLIC_ORDER", 1, "PUBLIC_SAFETY", 3, "CYBER_SECURITY", 0), 12,
                m("ALL", 9), m("ALL", 10), m("ALL", -1), 9);
        Situation s = new Situation(FROM, TO, "610900", List.of(
                row("610902", "汉滨区", 7, 4), row("610921", "汉阴县", 3, 3), row("610922", "石泉县", 2, 1)),
                h.totals(), h.previousTotals(), h.change(), h.incidentTotals(), h.previousIncidentTotals(),
                h.incidentChange());
        List<BriefingContent.IncidentItem> severe = List.of(
                new BriefingContent.IncidentItem(UUID.fromString("00000000-0000-4000-8000-000000000001"), "化工厂爆炸",
                        "u1", "610902", "汉滨区", FROM.plusSeconds(3600), "I", "PUBLIC_SAFETY",
                        UUID.fromString("00000000-0000-4000-8000-0000000000a1"), 3, List.of(), 3),
                new BriefingContent.IncidentItem(UUID.fromString("00000000-0000-4000-8000-000000000002"), "电信诈骗",
                        "u2", "610921", "汉阴县", FROM.plusSeconds(7200), "III", "PUBLIC_ORDER",
                        UUID.fromString("00000000-0000-4000-8000-0000000000a2"), 1, List.of(), 1));
        return new NarrativeGenerator.Facts("每日简报", "安康市", "2030-01-02 00:00", "2030-01-03 00:00", h, s, severe,
                alerts, timeliness, code -> Map.of("610902", "汉滨区", "610921", "汉阴县").getOrDefault(code, code));
    }

    private static Timeliness timeliness() {
        Instant t = FROM.plusSeconds(600);
        return Timeliness.of(List.of(
                new Timeliness.Sample("县公安局", t, t.plusSeconds(600)),
                new Timeliness.Sample("县应急管理局", t, t.plus(Duration.ofMinutes(185))),
                new Timeliness.Sample("县应急管理局", t, t.plus(Duration.ofMinutes(200)))),
                Duration.ofHours(2), u -> "/r?unitId=" + u);
    }

    @Test
    void chineseNarrativeStatesTotalsChangesRisesSevereIncidentsWarningsAndLateUnits() {
        AlertSummary alert = new AlertSummary(UUID.fromString("00000000-0000-4000-8000-00000000000f"), "610902",
                "PUBLIC_SAFETY", "SPIKE", "II", "RAISED", "汉滨区公共安全报告激增", FROM.plusSeconds(5000));
        BriefingContent.Narrative n = NarrativeGenerator.generate("zh", facts(List.of(alert), timeliness()));

        assertThat(n.language()).isEqualTo("zh");
        assertThat(n.paragraphs()).containsExactly(
                "每日简报（安康市，2030-01-02 00:00 至 2030-01-03 00:00）：共收到报告 12 份，涉及事件 9 起。与上一等长时段相比，报告升 50%（上期 8 份），事件降 10%（上期 10 起）。",
                "上升最多的类别：公共安全（+3，升 300%）、社会治安（+1，升 20%）；上升最多的地区：汉滨区（+3，升 75%）、石泉县（+1，升 100%）。",
                "最严重的事件：I级特别重大“化工厂爆炸”（汉滨区，公共安全，3 份报告）；III级较大“电信诈骗”（汉阴县，社会治安，1 份报告）。",
                "时段结束时有效预警 1 条：汉滨区 II级 “汉滨区公共安全报告激增”。",
                "报送时效：县应急管理局（中位延迟 3 小时 12 分，1 小时内报送 0.0%）的中位报送延迟超过 2 小时 的时限。");
    }

    @Test
    void sameFactsGiveTheSameText() {
        assertThat(NarrativeGenerator.generate("zh", facts(List.of(), timeliness())))
                .isEqualTo(NarrativeGenerator.generate("zh", facts(List.of(), timeliness())));
    }

    @Test
    void withoutWarningsOrLateUnitsTheNarrativeSaysSo() {
        Timeliness prompt = Timeliness.of(List.of(new Timeliness.Sample("u", FROM, FROM.plusSeconds(60))),
                Duration.ofHours(2), u -> "");
        List<String> p = NarrativeGenerator.generate("zh", facts(List.of(), prompt)).paragraphs();
        assertThat(p).contains("时段结束时无有效预警。", "报送时效：1 个报送单位的中位报送延迟均未超过 2 小时。");
    }

    @Test
    void englishNarrativeIsAvailable() {
        BriefingContent.Narrative n = NarrativeGenerator.generate("en", facts(List.of(), timeliness()));
        assertThat(n.language()).isEqualTo("en");
        assertThat(n.paragraphs().get(0)).contains("12 reports received, concerning 9 incidents",
                "reports up 50% (from 8); incidents down 10% (from 10)");
        assertThat(n.paragraphs().get(1)).startsWith("Categories that rose most: public safety (+3, +300%)");
        assertThat(n.paragraphs()).contains("No early warning was active at the end of the period.");
        assertThat(n.paragraphs().get(n.paragraphs().size() - 1))
                .isEqualTo("Reporting timeliness: the median delay of 县应急管理局 (median delay 3 h 12 min, 0.0% within one hour) exceeds the limit of 2 h.");
    }

    @Test
    void changeWithoutAPreviousFigureGivesNoPercentage() {
        assertThat(NarrativeGenerator.changeZh(5, 0, "份")).isEqualTo("增加 5 份（上期为 0）");
        assertThat(NarrativeGenerator.changeZh(5, 5, "份")).isEqualTo("持平");
        assertThat(NarrativeGenerator.changeZh(1, 3, "起")).isEqualTo("降 67%（上期 3 起）");
        assertThat(NarrativeGenerator.changeEn(0, 0)).isEqualTo("unchanged");
    }

    @Test
    void delaysAreWrittenInHoursAndMinutes() {
        assertThat(NarrativeGenerator.duration(true, 45)).isEqualTo("45 秒");
        assertThat(NarrativeGenerator.duration(true, 600)).isEqualTo("10 分钟");
        assertThat(NarrativeGenerator.duration(true, 7200)).isEqualTo("2 小时");
        assertThat(NarrativeGenerator.duration(false, 7500)).isEqualTo("2 h 5 min");
    }
}
