package org.gongzhi.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a text for full-text search. Chinese is segmented by Lucene's {@code SmartChineseAnalyzer} (a hidden
 * Markov model over its own dictionary: 供暖什么时候开始 → 供暖 / 时候 / 开始), Latin words are lower-cased and stemmed,
 * numbers kept; punctuation and the commonest function words (的, 了, 请问, 怎么 …) are dropped. Every term is letters
 * and digits only, so it can go into a PostgreSQL {@code tsvector} or {@code tsquery} of the {@code simple}
 * configuration as it is. At most the first {@value #MAX_CHARS} characters are read. Thread-safe.
 */
public final class SearchTerms {

    /** How much of a text is read. */
    public static final int MAX_CHARS = 20_000;

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "的", "了", "是", "我", "你", "他", "她", "它", "我们", "在", "有", "吗", "呢", "吧", "啊", "和", "与", "及", "或", "请问", "请",
            "怎么", "怎样", "如何", "什么", "哪些", "哪里", "为什么", "可以", "能", "能否", "要", "想", "问", "一下", "这个", "那个", "这", "那", "就",
            "都", "也", "还", "又", "把", "被", "给", "对", "从", "到", "让", "找", "谁");

    private static final java.util.regex.Pattern NOT_A_LETTER_OR_DIGIT =
            java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(stopWords());

    private SearchTerms() {}

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        set.addAll(FUNCTION_WORDS);
        return set;
    }

    /** The terms of {@code text} in order, repeats kept; empty for {@code null} or blank text. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String read = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        try (TokenStream stream = ANALYZER.tokenStream("text", read)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = NOT_A_LETTER_OR_DIGIT.matcher(term).replaceAll("");
                if (!t.isEmpty()) {
                    terms.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The terms joined by spaces: the text to index with {@code to_tsvector('simple', …)}. */
    public static String document(String text) {
        return String.join(" ", of(text));
    }

    /**
     * A query matching any of the text's distinct terms ({@code 供暖 | 时候 | 开始}) for {@code to_tsquery('simple',
     * …)}, or {@code null} when the text has none.
     */
    public static String anyOf(String text) {
        Set<String> distinct = new LinkedHashSet<>(of(text));
        return distinct.isEmpty() ? null : String.join(" | ", distinct);
    }
}
