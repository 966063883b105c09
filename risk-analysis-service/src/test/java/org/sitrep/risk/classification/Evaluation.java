package org.sitrep.risk.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Per-class precision/recall/F1, macro-F1 and the confusion matrix of predictions against labels. */
final class Evaluation {

    final int[][] confusion = new int[Category.count()][Category.count()]; // [actual][predicted]
    int total;

    void add(Category actual, Category predicted) {
        confusion[actual.ordinal()][predicted.ordinal()]++;
        total++;
    }

    static Evaluation of(Collection<Category[]> pairs) {
        Evaluation e = new Evaluation();
        pairs.forEach(p -> e.add(p[0], p[1]));
        return e;
    }

    double precision(Category c) {
        int tp = confusion[c.ordinal()][c.ordinal()];
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c.ordinal()];
        }
        return predicted == 0 ? 0 : (double) tp / predicted;
    }

    double recall(Category c) {
        int tp = confusion[c.ordinal()][c.ordinal()];
        int actual = support(c);
        return actual == 0 ? 0 : (double) tp / actual;
    }

    int support(Category c) {
        int s = 0;
        for (int v : confusion[c.ordinal()]) {
            s += v;
        }
        return s;
    }

    double f1(Category c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes present in the labels. */
    double macroF1() {
        double sum = 0;
        int n = 0;
        for (Category c : Category.values()) {
            if (support(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    double accuracy() {
        int tp = 0;
        for (int c = 0; c < Category.count(); c++) {
            tp += confusion[c][c];
        }
        return total == 0 ? 0 : (double) tp / total;
    }

    String table() {
        List<String> lines = new ArrayList<>();
        lines.add("| category | precision | recall | F1 | support |");
        lines.add("|---|---|---|---|---|");
        for (Category c : Category.values()) {
            lines.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |", c, precision(c), recall(c), f1(c),
                    support(c)));
        }
        lines.add(String.format(Locale.ROOT, "| **macro** | | | **%.3f** | %d |", macroF1(), total));
        return String.join("\n", lines);
    }

    String confusionTable() {
        StringBuilder sb = new StringBuilder("| actual \\ predicted |");
        for (Category c : Category.values()) {
            sb.append(' ').append(abbrev(c)).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(Category.count()));
        for (Category a : Category.values()) {
            sb.append("\n| ").append(a).append(" |");
            for (Category p : Category.values()) {
                sb.append(' ').append(confusion[a.ordinal()][p.ordinal()]).append(" |");
            }
        }
        return sb.toString();
    }

    static String abbrev(Category c) {
        return switch (c) {
            case POLITICAL_SECURITY -> "POL";
            case PUBLIC_ORDER -> "ORD";
            case SOCIAL_CONFLICT -> "CON";
            case PUBLIC_SAFETY -> "SAF";
            case CYBER_SECURITY -> "CYB";
        };
    }
}
