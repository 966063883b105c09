package org.sitrep.risk.incident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * The shingles of a report's text, hashed: overlapping pairs of Chinese characters, and words and numbers of Latin
 * text, and each pair of characters also spelt in pinyin so that an English report's place names meet the Chinese
 * ones. Works for Chinese, English and mixed text without segmentation. Place names, figures and kilometre posts end
 * up as rare shingles, which {@link FeatureWeights} weighs far above the phrasing every report shares.
 */
public final class TextFingerprint {

    /** Kinds of shingle, kept in the two low bits of each hashed feature. */
    static final int HAN = 0;
    /** Concepts of the bilingual lexicon, days of the month and hours of the day ({@link Concepts}, {@link Figures}). */
    static final int CONCEPT = 1;
    static final int NUMBER = 2;
    static final int LATIN = 3;

    private final int[] features;
    private final boolean chinese;

    private TextFingerprint(int[] features) {
        this.features = features;
        int han = 0;
        int latin = 0;
        for (int f : features) {
            if ((f & 3) == HAN) {
                han++;
            } else if ((f & 3) == LATIN) {
                latin++;
            }
        }
        // each Chinese pair also gives a pinyin shingle (LATIN), so a Chinese text has about as many of each
        this.chinese = han * 2 >= latin;
    }

    /** True when the text is mostly Chinese (its Chinese character pairs at least half its Latin shingles, pinyin included). */
    public boolean chinese() {
        return chinese;
    }

    public static TextFingerprint of(String text) {
        Set<String> all = shingles(text);
        all.addAll(Figures.of(text));
        all.addAll(Concepts.bundled().of(text));
        all.addAll(Names.of(text));
        all.addAll(Counties.configured().of(text));
        return new TextFingerprint(all.stream().mapToInt(TextFingerprint::feature).distinct().sorted().toArray());
    }

    /** What the fingerprint's concept features state: days of the month, hours of the day, counties named. */
    private record Stated(Set<Integer> days, Set<Integer> hours, Set<String> counties) {
    }

    private volatile Stated stated;

    /** Decoded once, on first use, in one pass over the features. */
    private Stated stated() {
        Stated s = stated;
        if (s == null) {
            Set<Integer> d = new TreeSet<>();
            Set<Integer> h = new TreeSet<>();
            Set<String> c = new TreeSet<>();
            java.util.Map<Integer, String> countyOf = Counties.configured().byFeature();
            for (int f : features) {
                if ((f & 3) == CONCEPT) {
                    Integer day = DAYS.get(f);
                    if (day != null) {
                        d.add(day);
                    }
                    Integer hour = HOURS.get(f);
                    if (hour != null) {
                        h.add(hour);
                    }
                    String county = countyOf.get(f);
                    if (county != null) {
                        c.add(county);
                    }
                }
            }
            s = new Stated(d, h, c);
            stated = s;
        }
        return s;
    }

    /** The days of the month the text names. */
    Set<Integer> days() {
        return stated().days();
    }

    /** The hours of the day the text names. */
    Set<Integer> hours() {
        return stated().hours();
    }

    /** True when the text names the county of this code ({@link Counties}). */
    boolean namesCounty(String code) {
        return stated().counties().contains(code);
    }

    /** True when both texts name one county of the city-level area {@code cityPrefix}. */
    boolean nameACountyWith(TextFingerprint other, String cityPrefix) {
        for (String code : stated().counties()) {
            if (code.startsWith(cityPrefix) && other.namesCounty(code)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text says it follows up an earlier report. */
    boolean followUp() {
        return java.util.Arrays.binarySearch(features, FOLLOW_UP) >= 0;
    }

    private static final int FOLLOW_UP = feature(Figures.FOLLOW_UP);

    private static final java.util.Map<Integer, Integer> DAYS = codes(Figures.DAY, 1, 31);
    private static final java.util.Map<Integer, Integer> HOURS = codes(Figures.HOUR, 0, 23);

    private static java.util.Map<Integer, Integer> codes(String prefix, int from, int to) {
        java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
        for (int v = from; v <= to; v++) {
            out.put(feature(prefix + v), v);
        }
        return out;
    }

    public static TextFingerprint fromBytes(byte[] bytes) {
        int[] features = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(features);
        return new TextFingerprint(features);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(features.length * Integer.BYTES);
        buffer.asIntBuffer().put(features);
        return buffer.array();
    }

    int[] features() {
        return features;
    }

    /**
     * Per kind of shingle, the weighted overlap of the two sets, with plain weights ({@code [0]}) and capped weights
     * ({@code [1]}, see {@link FeatureWeights}), both from one pass over the two sorted sets: for kind k, {@code [3k]}
     * the shared weight, {@code [3k+1]} and {@code [3k+2]} the squared norms of this and the other set, and in
     * {@code [12]} the largest weight of a shared shingle (the rarest thing both texts name), in {@code [13]} how many
     * shingles other than concepts both hold with a weight above zero (with capped weights: the rare ones, names and
     * figures), in {@code [14]} how many names of places and organisations both hold. Weights squared, so a cosine over
     * any kinds is {@code shared / sqrt(normA * normB)} summed over them.
     */
    double[][] overlap(TextFingerprint other, FeatureWeights weights) {
        double[][] out = {new double[15], new double[15]};
        double[] w = new double[2];
        int i = 0;
        int j = 0;
        int[] a = features;
        int[] b = other.features;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                weights.weigh(a[i], w);
                for (int v = 0; v < 2; v++) {
                    out[v][3 * (a[i] & 3) + 1] += w[v] * w[v];
                }
                i++;
            } else if (i >= a.length || b[j] < a[i]) {
                weights.weigh(b[j], w);
                for (int v = 0; v < 2; v++) {
                    out[v][3 * (b[j] & 3) + 2] += w[v] * w[v];
                }
                j++;
            } else {
                weights.weigh(a[i], w);
                int k = 3 * (a[i] & 3);
                for (int v = 0; v < 2; v++) {
                    double[] o = out[v];
                    o[k] += w[v] * w[v];
                    o[k + 1] += w[v] * w[v];
                    o[k + 2] += w[v] * w[v];
                    o[12] = Math.max(o[12], w[v]);
                    if (w[v] > 0 && (a[i] & 3) != CONCEPT) {
                        o[13]++;
                    }
                    if ((a[i] & NAME_BIT) != 0 && (a[i] & 3) == CONCEPT) {
                        o[14]++;
                    }
                }
                i++;
                j++;
            }
        }
        return out;
    }

    /** Cosine over the kinds whose bit is set in {@code kinds} (bit k for kind k), from {@link #overlap}. */
    static double cosine(double[] overlap, int kinds) {
        double shared = 0;
        double normA = 0;
        double normB = 0;
        for (int k = 0; k < 4; k++) {
            if ((kinds & (1 << k)) != 0) {
                shared += overlap[3 * k];
                normA += overlap[3 * k + 1];
                normB += overlap[3 * k + 2];
            }
        }
        double norms = Math.sqrt(normA * normB);
        return norms == 0 ? 0 : shared / norms;
    }

    /** True when exactly one of the two texts is Chinese. */
    public boolean crossLanguage(TextFingerprint other) {
        return chinese != other.chinese;
    }

    static Set<String> shingles(String text) {
        Set<String> out = new TreeSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flushWord(word, out);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, out);
                if (word.length() > 0 && Character.isDigit(cp) != Character.isDigit(word.charAt(word.length() - 1))) {
                    flushWord(word, out);
                }
                word.appendCodePoint(cp);
            } else {
                flushHan(han, out);
                flushWord(word, out);
            }
        }
        flushHan(han, out);
        flushWord(word, out);
        return out;
    }

    /** The general language's dictionary words, by longest match; no custom words, so the same in every JVM. */
    private static final Segment WORDS = HanLP.newSegment("dat").enableCustomDictionary(false)
            .enablePartOfSpeechTagging(true);

    private static void flushHan(StringBuilder han, Set<String> out) {
        String run = han.toString();
        han.setLength(0);
        if (run.length() < 2) {
            return;
        }
        boolean[] common = commonPairs(run);
        List<Pinyin> pinyin = HanLP.convertToPinyinList(run);
        for (int i = 0; i + 2 <= run.length(); i++) {
            String pair = run.substring(i, i + 2);
            String mark = common[i] ? COMMON : "";
            out.add(mark + pair);
            // the same pair spelt in pinyin, as English reports spell place names (蒿坪 ~ Haoping)
            String spelt = spell(pinyin, i) + spell(pinyin, i + 1);
            if (spelt.length() > 2) {
                out.add(mark + (spelt.length() > 5 ? spelt.substring(0, 5) : spelt));
            }
        }
    }

    /**
     * For each pair of characters of the run, whether it is common language rather than a possible name: a pair within
     * a common dictionary word (客户), or a pair across two dictionary words (客户|姓名 gives 户姓). A pair within a
     * word the dictionary does not know, or next to one, may belong to a name (鑫源, 杨家垭) and stays eligible as rare.
     */
    static boolean[] commonPairs(String run) {
        boolean[] common = new boolean[Math.max(run.length() - 1, 0)];
        List<Term> terms = WORDS.seg(run);
        int[] wordOf = new int[run.length()];
        boolean[] known = new boolean[terms.size()];
        boolean[] frequent = new boolean[terms.size()];
        int pos = 0;
        for (int k = 0; k < terms.size(); k++) {
            Term t = terms.get(k);
            if (pos + t.word.length() > run.length() || !run.startsWith(t.word, pos)) {
                for (int i = 0; i < common.length; i++) {
                    common[i] = common(run.substring(i, i + 2));
                }
                return common;
            }
            CoreDictionary.Attribute a = CoreDictionary.get(t.word);
            known[k] = a != null && !name(a);
            frequent[k] = known[k] && a.totalFrequency >= 20;
            for (int c = 0; c < t.word.length(); c++) {
                wordOf[pos++] = k;
            }
        }
        for (int i = 0; i < common.length; i++) {
            int w = wordOf[i];
            int v = wordOf[i + 1];
            common[i] = w == v ? frequent[w] && terms.get(w).word.length() >= 2 : known[w] && known[v];
        }
        return common;
    }

    private static boolean name(CoreDictionary.Attribute a) {
        return a.hasNatureStartsWith("ns") || a.hasNatureStartsWith("nr") || a.hasNatureStartsWith("nt")
                || a.hasNature(Nature.nz);
    }

    private static String spell(List<Pinyin> pinyin, int index) {
        if (index >= pinyin.size() || pinyin.get(index) == Pinyin.none5) {
            return "";
        }
        return pinyin.get(index).getPinyinWithoutTone();
    }

    private static void flushWord(StringBuilder word, Set<String> out) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (!Character.isDigit(w.charAt(0)) && w.length() > 2) {
            out.add(w.length() > 5 ? w.substring(0, 5) : w); // a crude stem: fire/fires, injured/injuries
        }
    }

    /** Marks a shingle of a common word of the general language ({@link #common}). */
    static final String COMMON = "^";
    /** The bit of a hashed feature that marks a common word: such a shingle never counts as rare. */
    static final int COMMON_BIT = 4;
    /** The bit of a hashed feature that marks the name of a place or organisation ({@link Names}). */
    static final int NAME_BIT = 8;

    /**
     * True when the pair of characters is a word of the general language's dictionary seen at least 20 times in its
     * reference texts, and not a name (place, person, organisation): 客户, 姓名, 导出 are common, 汉江 and 滨江 are not.
     * A pair rare in the project's corpus is then still not taken for the mark of one incident.
     */
    static boolean common(String pair) {
        CoreDictionary.Attribute a = CoreDictionary.get(pair);
        return a != null && a.totalFrequency >= 20 && !name(a);
    }

    /** The hashed shingle with its kind in the two low bits and the common-word mark in the third. */
    static int feature(String shingle) {
        int flag = shingle.startsWith(Names.PREFIX) ? NAME_BIT : 0;
        if (shingle.startsWith(COMMON)) {
            flag |= COMMON_BIT;
            shingle = shingle.substring(COMMON.length());
        }
        int kind = shingle.startsWith(Figures.NUMBER) ? NUMBER
                : shingle.startsWith("~") ? CONCEPT
                : Character.UnicodeScript.of(shingle.codePointAt(0)) == Character.UnicodeScript.HAN ? HAN
                : LATIN;
        return (hash(shingle) & ~15) | flag | kind;
    }

    static int hash(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h ^= b;
            h *= 0x01000193;
        }
        return h;
    }

    @Override
    public String toString() {
        return "TextFingerprint" + Arrays.toString(features);
    }
}
