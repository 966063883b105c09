package org.sitrep.risk.classification;

import java.util.Set;

/** Function words that carry no category signal. */
final class StopWords {

    static final Set<String> ENGLISH = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
            "onto", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that",
            "these", "those", "there", "here", "he", "she", "they", "them", "their", "his", "her", "we", "our", "us",
            "you", "your", "i", "me", "my", "has", "have", "had", "do", "does", "did", "not", "no", "so", "than", "then",
            "too", "very", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "which", "who",
            "whom", "whose", "what", "when", "where", "while", "why", "how", "all", "any", "both", "each", "few",
            "more", "most", "other", "some", "such", "only", "own", "same", "just", "also", "over", "under", "after",
            "before", "up", "down", "out", "off", "again", "further", "once", "during", "until", "against", "between",
            "through", "above", "below", "per", "via", "approx", "s", "t");

    static final Set<String> CHINESE = Set.of(
            "的", "了", "和", "与", "及", "或", "在", "是", "有", "为", "对", "将", "已", "被", "把", "于", "等", "其",
            "并", "也", "就", "都", "而", "且", "之", "以", "从", "向", "到", "由", "中", "上", "下", "该", "此", "这",
            "那", "个", "名", "人", "年", "月", "日", "时", "分", "许", "约", "目前", "现", "据", "经", "后", "前",
            "一", "我", "其中", "进行", "相关", "情况");

    private StopWords() {
    }
}
