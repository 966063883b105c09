package org.sitrep.briefing.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.domain.Timeliness;

/**
 * Writes a briefing's summary in words from its figures (pure and deterministic: the same facts give the same text).
 * Chinese ({@code zh}) by default, English ({@code en}) on request.
 */
public final class NarrativeGenerator {

    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";
    public static final List<String> LANGUAGES = List.of(CHINESE, ENGLISH);

    /** How many categories, regions, incidents and warnings the text names at most. */
    static final int TOP_CATEGORIES = 2;
    static final int TOP_REGIONS = 3;
    static final int TOP_INCIDENTS = 3;
    static final int TOP_ALERTS = 3;

    private static final Map<Category, String> ENGLISH_CATEGORY = Map.of(
            Category.POLITICAL_SECURITY, "political security", Category.PUBLIC_ORDER, "public order",
            Category.SOCIAL_CONFLICT, "social conflict", Category.PUBLIC_SAFETY, "public safety",
            Category.CYBER_SECURITY, "cyber security");

    /**
     * What the text is written from. {@code from}/{@code to} are already formatted in the office zone;
     * {@code regionName} names a region code.
     */
    public record Facts(String kindLabel, String scopeName, String from, String to, BriefingContent.Headline headline,
            Situation situation, List<BriefingContent.IncidentItem> mostSevere, List<AlertSummary> alerts,
            Timeliness timeliness, Function<String, String> regionName) {
    }

    private NarrativeGenerator() {
    }

    public static BriefingContent.Narrative generate(String language, Facts f) {
        boolean zh = !ENGLISH.equals(language);
        List<String> p = new ArrayList<>();
        p.add(overview(zh, f));
        if (f.headline().reportCount() > 0 || f.situation().previousTotals().getOrDefault(Category.ALL, 0L) > 0) {
            p.add(rises(zh, f));
        }
        if (!f.mostSevere().isEmpty()) {
            p.add(severe(zh, f));
        }
        p.add(alerts(zh, f));
        if (!f.timeliness().units().isEmpty()) {
            p.add(timeliness(zh, f));
        }
        return new BriefingContent.Narrative(zh ? CHINESE : ENGLISH, List.copyOf(p));
    }

    private static String overview(boolean zh, Facts f) {
        BriefingContent.Headline h = f.headline();
        long reports = h.reportCount();
        long prevReports = get(h.previousTotals(), Category.ALL);
        long incidents = h.incidentCount();
        long prevIncidents = get(h.previousIncidentTotals(), Category.ALL);
        if (zh) {
            return "%s（%s，%s 至 %s）：共收到报告 %d 份，涉及事件 %d 起。与上一等长时段相比，报告%s，事件%s。".formatted(
                    f.kindLabel(), f.scopeName(), f.from(), f.to(), reports, incidents,
                    changeZh(reports, prevReports, "份"), changeZh(incidents, prevIncidents, "起"));
        }
        return "%s (%s, %s to %s): %d %s received, concerning %d %s. Against the previous period of equal length, reports %s; incidents %s."
                .formatted(f.kindLabel(), f.scopeName(), f.from(), f.to(), reports, plural(reports, "report", "reports"),
                        incidents, plural(incidents, "incident", "incidents"), changeEn(reports, prevReports),
                        changeEn(incidents, prevIncidents));
    }

    private static String rises(boolean zh, Facts f) {
        BriefingContent.Headline h = f.headline();
        List<Category> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            if (get(h.change(), c.name()) > 0) {
                categories.add(c);
            }
        }
        categories.sort(Comparator.comparingLong((Category c) -> -get(h.change(), c.name())).thenComparing(Category::ordinal));
        List<String> cats = categories.stream().limit(TOP_CATEGORIES).map(c -> {
            long now = get(h.totals(), c.name());
            long before = get(h.previousTotals(), c.name());
            return (zh ? c.label : ENGLISH_CATEGORY.get(c)) + (zh ? "（" : " (") + "+" + (now - before)
                    + percent(zh, now, before) + (zh ? "）" : ")");
        }).toList();
        List<Situation.Row> rows = f.situation().regions().stream()
                .filter(r -> get(r.change(), Category.ALL) > 0)
                .sorted(Comparator.comparingLong((Situation.Row r) -> -get(r.change(), Category.ALL))
                        .thenComparing(Situation.Row::regionCode))
                .limit(TOP_REGIONS).toList();
        List<String> regions = rows.stream().map(r -> {
            long now = r.total();
            long before = get(r.previous(), Category.ALL);
            return r.name() + (zh ? "（" : " (") + "+" + (now - before) + percent(zh, now, before) + (zh ? "）" : ")");
        }).toList();
        if (zh) {
            String a = cats.isEmpty() ? "各类别报告均未上升" : "上升最多的类别：" + String.join("、", cats);
            String b = regions.isEmpty() ? "各地区报告均未上升" : "上升最多的地区：" + String.join("、", regions);
            return a + "；" + b + "。";
        }
        String a = cats.isEmpty() ? "No category rose" : "Categories that rose most: " + String.join(", ", cats);
        String b = regions.isEmpty() ? "no region rose" : "regions that rose most: " + String.join(", ", regions);
        return a + "; " + b + ".";
    }

    private static String severe(boolean zh, Facts f) {
        List<String> items = f.mostSevere().stream().limit(TOP_INCIDENTS).map(i -> {
            String title = i.title() == null ? (zh ? "（无标题）" : "(untitled)") : i.title();
            Severity s = Severity.parse(i.severity()).orElse(null);
            String category = Category.parse(i.category()).map(c -> zh ? c.label : ENGLISH_CATEGORY.get(c)).orElse(i.category());
            if (zh) {
                return "%s“%s”（%s，%s，%d 份报告）".formatted(s == null ? i.severity() : s.name() + "级" + s.label, title,
                        i.regionName(), category, Math.max(1, i.reportCount()));
            }
            return "grade %s \"%s\" (%s, %s, %d %s)".formatted(i.severity(), title, i.regionName(), category,
                    Math.max(1, i.reportCount()), plural(Math.max(1, i.reportCount()), "report", "reports"));
        }).toList();
        return zh ? "最严重的事件：" + String.join("；", items) + "。"
                : "Most severe incidents: " + String.join("; ", items) + ".";
    }

    private static String alerts(boolean zh, Facts f) {
        List<AlertSummary> alerts = f.alerts() == null ? List.of() : f.alerts();
        if (alerts.isEmpty()) {
            return zh ? "时段结束时无有效预警。" : "No early warning was active at the end of the period.";
        }
        List<String> items = alerts.stream().limit(TOP_ALERTS).map(a -> zh
                ? "%s %s级 “%s”".formatted(f.regionName().apply(a.regionCode()), a.severity(), a.headline())
                : "%s grade %s \"%s\"".formatted(f.regionName().apply(a.regionCode()), a.severity(), a.headline()))
                .toList();
        String more = alerts.size() > TOP_ALERTS ? (zh ? "等" : ", and more") : "";
        return zh ? "时段结束时有效预警 %d 条：%s%s。".formatted(alerts.size(), String.join("；", items), more)
                : "%d early %s active at the end of the period: %s%s.".formatted(alerts.size(),
                        plural(alerts.size(), "warning", "warnings"), String.join("; ", items), more);
    }

    private static String timeliness(boolean zh, Facts f) {
        Timeliness t = f.timeliness();
        String limit = duration(zh, java.time.Duration.parse(t.limit()).getSeconds());
        if (t.lateUnits().isEmpty()) {
            return zh ? "报送时效：%d 个报送单位的中位报送延迟均未超过 %s。".formatted(t.units().size(), limit)
                    : "Reporting timeliness: the median delay of all %d %s is within %s.".formatted(t.units().size(),
                            plural(t.units().size(), "unit", "units"), limit);
        }
        List<String> late = t.lateUnits().stream().map(id -> t.units().stream().filter(u -> u.unitId().equals(id))
                .findFirst().map(u -> zh
                        ? "%s（中位延迟 %s，1 小时内报送 %s%%）".formatted(u.unitId(), duration(true, u.medianDelaySeconds()),
                                u.withinHourPercent().toPlainString())
                        : "%s (median delay %s, %s%% within one hour)".formatted(u.unitId(),
                                duration(false, u.medianDelaySeconds()), u.withinHourPercent().toPlainString()))
                .orElse(id)).toList();
        return zh ? "报送时效：%s的中位报送延迟超过 %s 的时限。".formatted(String.join("、", late), limit)
                : "Reporting timeliness: the median delay of %s exceeds the limit of %s.".formatted(
                        String.join(", ", late), limit);
    }

    static String changeZh(long now, long before, String unit) {
        if (now == before) {
            return "持平";
        }
        if (before == 0) {
            return "增加 %d %s（上期为 0）".formatted(now, unit);
        }
        String direction = now > before ? "升" : "降";
        return "%s %d%%（上期 %d %s）".formatted(direction, Math.round(Math.abs(now - before) * 100.0 / before), before, unit);
    }

    static String changeEn(long now, long before) {
        if (now == before) {
            return "unchanged";
        }
        if (before == 0) {
            return "up by %d (none before)".formatted(now);
        }
        return "%s %d%% (from %d)".formatted(now > before ? "up" : "down",
                Math.round(Math.abs(now - before) * 100.0 / before), before);
    }

    /** ", +50%" when there was something before to compare with, else nothing. */
    private static String percent(boolean zh, long now, long before) {
        if (before == 0) {
            return "";
        }
        long pct = Math.round((now - before) * 100.0 / before);
        return (zh ? "，升 " : ", +") + pct + "%";
    }

    /** A delay in words: "2 小时 5 分" / "2 h 5 min", whole minutes (seconds below one minute). */
    public static String duration(boolean zh, long seconds) {
        String sign = seconds < 0 ? "-" : "";
        long s = Math.abs(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        if (h == 0 && m == 0) {
            return sign + s + (zh ? " 秒" : " s");
        }
        if (zh) {
            return sign + (h > 0 ? h + " 小时" + (m > 0 ? " " + m + " 分" : "") : m + " 分钟");
        }
        return sign + (h > 0 ? h + " h" + (m > 0 ? " " + m + " min" : "") : m + " min");
    }

    private static long get(Map<String, Long> m, String key) {
        Long v = m == null ? null : m.get(key);
        return v == null ? 0 : v;
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
