package org.sitrep.risk.incident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.hankcs.hanlp.HanLP;
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
    static final int NUMBER = 2;
    static final int LATIN = 3;

    private final int[] features;
    private final boolean chinese;

    private TextFingerprint(int[] features) {
        this.features = features;
        int han = 0;
        for (int f : features) {
            if ((f & 3) == HAN) {
                han++;
            }
        }
        this.chinese = han * 2 >= features.length;
    }

    /** True when the text is mostly Chinese (its Chinese character pairs are at least half its shingles). */
    public boolean chinese() {
        return chinese;
    }

    public static TextFingerprint of(String text) {
        return new TextFingerprint(shingles(text).stream().mapToInt(TextFingerprint::feature).distinct().sorted().toArray());
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
     * Cosine similarity of the two shingle sets, each shingle weighted by its rarity; 0..1. When one text is Chinese
     * and the other is not, the Chinese character pairs (which the other cannot share) are left out, so the texts meet
     * on what both can hold: pinyin spellings, Latin words and figures.
     */
    public double similarity(TextFingerprint other, FeatureWeights weights) {
        boolean crossLanguage = chinese != other.chinese;
        double shared = 0;
        double normA = 0;
        double normB = 0;
        int i = 0;
        int j = 0;
        int[] a = features;
        int[] b = other.features;
        while (i < a.length || j < b.length) {
            int fa = i < a.length ? a[i] : Integer.MAX_VALUE;
            int fb = j < b.length ? b[j] : Integer.MAX_VALUE;
            if (i < a.length && (j >= b.length || fa <= fb)) {
                if (!crossLanguage || (fa & 3) != HAN) {
                    double w = weights.weight(fa);
                    normA += w * w;
                    if (j < b.length && fa == fb) {
                        shared += w * w;
                    }
                }
                if (j < b.length && fa == fb) {
                    if (!crossLanguage || (fb & 3) != HAN) {
                        double w = weights.weight(fb);
                        normB += w * w;
                    }
                    j++;
                }
                i++;
            } else {
                if (!crossLanguage || (fb & 3) != HAN) {
                    double w = weights.weight(fb);
                    normB += w * w;
                }
                j++;
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

    private static void flushHan(StringBuilder han, Set<String> out) {
        String run = han.toString();
        han.setLength(0);
        if (run.length() < 2) {
            return;
        }
        List<Pinyin> pinyin = HanLP.convertToPinyinList(run);
        for (int i = 0; i + 2 <= run.length(); i++) {
            out.add(run.substring(i, i + 2));
            // the same pair spelt in pinyin, as English reports spell place names (蒿坪 ~ Haoping)
            String spelt = spell(pinyin, i) + spell(pinyin, i + 1);
            if (spelt.length() > 2) {
                out.add(spelt.length() > 5 ? spelt.substring(0, 5) : spelt);
            }
        }
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
        if (Character.isDigit(w.charAt(0))) {
            out.add("#" + w);
        } else if (w.length() > 2) {
            out.add(w.length() > 5 ? w.substring(0, 5) : w); // a crude stem: fire/fires, injured/injuries
        }
    }

    /** The hashed shingle with its kind in the two low bits. */
    static int feature(String shingle) {
        int kind = shingle.startsWith("#") ? NUMBER
                : Character.UnicodeScript.of(shingle.codePointAt(0)) == Character.UnicodeScript.HAN ? HAN
                : LATIN;
        return (hash(shingle) & ~3) | kind;
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
