package org.sitrep.risk.warning;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** Chinese headlines and descriptions of alerts. */
final class AlertTexts {

    static final Map<String, String> CATEGORY_ZH = Map.of("POLITICAL_SECURITY", "政治安全", "PUBLIC_ORDER", "社会治安",
            "SOCIAL_CONFLICT", "社会矛盾", "PUBLIC_SAFETY", "公共安全", "CYBER_SECURITY", "网络安全");
    static final Map<String, String> GRADE_ZH = Map.of("I", "特别重大", "II", "重大", "III", "较大", "IV", "一般");

    private AlertTexts() {
    }

    static String category(String code) {
        return CATEGORY_ZH.getOrDefault(code, code);
    }

    static String dayZh(LocalDate day, LocalDate today) {
        return day.equals(today) ? "今日" : day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    static String spikeHeadline(String region, String category, LocalDate day, LocalDate today, long observed,
            double expected) {
        return String.format(Locale.ROOT, "%s%s类报告异常增多：%s %d 起，基线 %.1f 起", region, category(category),
                dayZh(day, today), observed, expected);
    }

    static String spikeDescription(String region, String category, LocalDate day, Detector.Spike s, double threshold) {
        return String.format(Locale.ROOT, "%s %s %s类报告 %d 起；%s至%s日均 %.2f 起（%s）。%s上尾概率 p = %.2e，低于阈值 %.0e。",
                region, day, category(category), s.observed(), day.minusDays(Detector.BASELINE_FROM),
                day.minusDays(Detector.BASELINE_TO), s.mean(),
                s.mean() < s.expected() ? String.format(Locale.ROOT, "按 %.1f 计", s.expected())
                        : String.format(Locale.ROOT, "离散指数 %.2f", s.dispersion()),
                s.model() == Detector.Model.POISSON ? "泊松分布" : "负二项分布", s.pValue(), threshold);
    }

    static String windowHeadline(String region, String category, LocalDate day, LocalDate today, long observed,
            double expected) {
        return String.format(Locale.ROOT, "%s%s类报告异常增多：%s及前一日共 %d 起，基线 %.1f 起", region, category(category),
                dayZh(day, today), observed, expected);
    }

    static String windowDescription(String region, String category, LocalDate day, Detector.Window w, double threshold) {
        return String.format(Locale.ROOT, "%s %s至%s %s类报告共 %d 起；两日基线 %.2f 起（%s至%s日均的两倍，离散指数 %.2f）。"
                        + "%s上尾概率 p = %.2e，低于阈值 %.0e。", region, day.minusDays(1), day, category(category),
                w.observed(), w.expected(), day.minusDays(Detector.BASELINE_FROM), day.minusDays(Detector.BASELINE_TO),
                w.dispersion(), w.model() == Detector.Model.POISSON ? "泊松分布" : "负二项分布", w.pValue(), threshold);
    }

    static String cusumHeadline(String region, String category, LocalDate day, LocalDate today, long observed,
            double mu0) {
        return String.format(Locale.ROOT, "%s%s类报告持续上升：%s %d 起，基线 %.1f 起", region, category(category),
                dayZh(day, today), observed, mu0);
    }

    static String cusumDescription(String region, String category, LocalDate day, Detector.Cusum c) {
        return String.format(Locale.ROOT, "%s %s类报告持续高于基线（截至 %s）：泊松累积和 CUSUM = %.1f，超过决策界 %.1f"
                        + "（基线日均 %.2f 起，参考值 k = %.2f）。", region, category(category), day, c.value(),
                c.threshold(), c.mu0(), c.reference());
    }

    static String severeHeadline(String region, String category, String grade) {
        return String.format(Locale.ROOT, "%s发生%s（%s级）%s类事件", region, GRADE_ZH.getOrDefault(grade, grade), grade,
                category(category));
    }
}
