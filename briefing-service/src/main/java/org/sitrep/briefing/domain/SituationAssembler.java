package org.sitrep.briefing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the situation map from per-region counts of reports and of (attributed) incidents, of the period and of the
 * previous period (pure).
 */
public final class SituationAssembler {

    private SituationAssembler() {
    }

    /**
     * @param current  counts of the period per reported region and category
     * @param previous counts of the previous period per reported region and category
     */
    public static Situation assemble(RollUp rollUp, Period period, Map<CellKey, Long> current,
            Map<CellKey, Long> previous) {
        return assemble(rollUp, period, current, previous, Map.of(), Map.of());
    }

    /**
     * @param currentIncidents  incidents of the period per region and category of their earliest report
     * @param previousIncidents the same for the previous period
     */
    public static Situation assemble(RollUp rollUp, Period period, Map<CellKey, Long> current,
            Map<CellKey, Long> previous, Map<CellKey, Long> currentIncidents, Map<CellKey, Long> previousIncidents) {
        Map<String, long[]> now = rollUp(rollUp, current);
        Map<String, long[]> before = rollUp(rollUp, previous);
        Map<String, long[]> incNow = rollUp(rollUp, currentIncidents);
        Map<String, long[]> incBefore = rollUp(rollUp, previousIncidents);

        Set<String> rows = new LinkedHashSet<>(rollUp.fixedRows());
        List<String> extra = new ArrayList<>();
        for (String code : union(union(now.keySet(), before.keySet()), union(incNow.keySet(), incBefore.keySet()))) {
            if (!rows.contains(code)) {
                extra.add(code);
            }
        }
        extra.sort(Comparator.naturalOrder());
        rows.addAll(extra);

        long[] totalNow = new long[Category.values().length];
        long[] totalBefore = new long[Category.values().length];
        long[] incTotalNow = new long[Category.values().length];
        long[] incTotalBefore = new long[Category.values().length];
        List<Situation.Row> out = new ArrayList<>();
        for (String code : rows) {
            long[] n = now.getOrDefault(code, new long[Category.values().length]);
            long[] b = before.getOrDefault(code, new long[Category.values().length]);
            long[] in = incNow.getOrDefault(code, new long[Category.values().length]);
            long[] ib = incBefore.getOrDefault(code, new long[Category.values().length]);
            add(totalNow, n);
            add(totalBefore, b);
            add(incTotalNow, in);
            add(incTotalBefore, ib);
            out.add(new Situation.Row(code, rollUp.nameOf(code), categories(n, false), sum(n), categories(b, true),
                    change(n, b), categories(in, true), categories(ib, true), change(in, ib)));
        }
        // every incident is attributed to exactly one cell, so summing the rows counts each incident once
        return new Situation(period.from(), period.to(), rollUp.scope(), List.copyOf(out), categories(totalNow, true),
                categories(totalBefore, true), change(totalNow, totalBefore), categories(incTotalNow, true),
                categories(incTotalBefore, true), change(incTotalNow, incTotalBefore));
    }

    private static Map<String, long[]> rollUp(RollUp rollUp, Map<CellKey, Long> counts) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        counts.forEach((key, n) -> rollUp.rowOf(key.regionCode()).ifPresent(
                row -> rows.computeIfAbsent(row, r -> new long[Category.values().length])[key.category().ordinal()] += n));
        rows.values().removeIf(v -> sum(v) == 0);
        return rows;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    static Map<String, Long> categories(long[] v, boolean withAll) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            m.put(c.name(), v[c.ordinal()]);
        }
        if (withAll) {
            m.put(Category.ALL, sum(v));
        }
        return m;
    }

    private static Map<String, Long> change(long[] now, long[] before) {
        long[] d = new long[now.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = now[i] - before[i];
        }
        return categories(d, true);
    }
}
