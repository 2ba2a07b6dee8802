package org.gongzhi.listing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.listing.ServiceCategory;
import org.gongzhi.shared.SearchTerms;

/**
 * The terms matching compares (ADR 0030): the words of Lucene's SmartChineseAnalyzer ({@link SearchTerms}), the
 * character bigrams of every run of Chinese (so 托管 still meets 课后托管 when the segmenter cuts differently), and the
 * concepts of {@code listing/matching-concepts.txt} a text mentions, as terms {@code ~CODE} — the bridge between how
 * residents say a need and how units describe a resource. Words of a name weigh twice those of a description.
 * Thread-safe.
 */
public final class MatchText {

    /** A concept: its code, its Chinese label, and the words that mention it. */
    public record Concept(String code, String label, List<String> words) {}

    /** The prefix of a concept term. */
    public static final String CONCEPT = "~";

    /** The prefix of a character-bigram term: it scores, but is never shown as a reason (年餐 is no word). */
    public static final String BIGRAM = "·";

    /**
     * Words every entry of the lists says (社区, 服务, 提供 …): they tell nothing about what a need or a resource is,
     * so they neither score nor show as shared words.
     */
    static final java.util.Set<String> GENERIC = java.util.Set.of(
            "社区", "服务", "提供", "居民", "每周", "需要", "希望", "附近", "单位", "街道", "可以", "开放", "使用", "问题", "情况", "工作", "进行", "相关",
            "一些", "没有", "辖区", "周边", "开展", "组织", "负责", "帮助", "解决", "提出", "反映", "大家", "现在", "目前", "平时", "经常");

    private static final List<Concept> CONCEPTS = load();
    private static final Map<String, Concept> BY_CODE = byCode();

    private MatchText() {}

    /** Term weights of an entry: its name, its text and the services it declares. */
    public static Map<String, Float> terms(String name, String text, Collection<ServiceCategory> declared) {
        Map<String, Float> out = new HashMap<>();
        words(name, 2f, out);
        words(text, 1f, out);
        bigrams(name, 1f, out);
        bigrams(text, 0.5f, out);
        for (String c : concepts(join(name, text), declared)) {
            out.merge(CONCEPT + c, 2f, Float::sum);
        }
        return out;
    }

    /**
     * The word and bigram terms of place names (二里庄社区 → 二里庄, 二里, 里庄 …): taken out of a query so that a need
     * saying where it is does not read as wanting resources named after that place.
     */
    public static Set<String> placeTerms(Collection<String> names) {
        Set<String> out = new java.util.HashSet<>();
        for (String name : names) {
            Map<String, Float> t = new HashMap<>();
            words(name, 1f, t);
            bigrams(name, 1f, t);
            out.addAll(t.keySet());
        }
        out.removeAll(GENERIC_PLACE_WORDS);
        return out;
    }

    /** Words of place names that also say what a thing is (a 社区 hall is a community thing): kept in queries. */
    private static final Set<String> GENERIC_PLACE_WORDS = Set.of("社区", "街道", "小区", "大学", "学院");

    /** The codes of the concepts a text mentions, and of the declared services. */
    public static Set<String> concepts(String text, Collection<ServiceCategory> declared) {
        Set<String> out = new LinkedHashSet<>();
        if (declared != null) {
            declared.forEach(s -> out.add(s.name()));
        }
        if (text != null) {
            for (Concept c : CONCEPTS) {
                for (String w : c.words()) {
                    if (text.contains(w)) {
                        out.add(c.code());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The services among these concept codes. */
    public static Set<ServiceCategory> services(Collection<String> concepts) {
        Set<ServiceCategory> out = java.util.EnumSet.noneOf(ServiceCategory.class);
        for (ServiceCategory s : ServiceCategory.values()) {
            if (concepts.contains(s.name())) {
                out.add(s);
            }
        }
        return out;
    }

    /** How a term reads to a person: a concept by its label, a word as it is (a bigram as its two characters). */
    public static String label(String term) {
        if (term.startsWith(BIGRAM)) {
            return term.substring(1);
        }
        if (term.startsWith(CONCEPT)) {
            Concept c = BY_CODE.get(term.substring(1));
            return c == null ? term.substring(1) : c.label();
        }
        return term;
    }

    /** Every concept, in the file's order. */
    public static List<Concept> all() {
        return CONCEPTS;
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + "\n" + (b == null ? "" : b);
    }

    private static void words(String text, float weight, Map<String, Float> out) {
        for (String w : SearchTerms.of(text)) {
            if ((w.length() > 1 || !isHan(w.charAt(0))) && !GENERIC.contains(w)) {
                out.merge(w, weight, Float::sum);
            }
        }
    }

    private static void bigrams(String text, float weight, Map<String, Float> out) {
        if (text == null) {
            return;
        }
        int n = Math.min(text.length(), SearchTerms.MAX_CHARS);
        for (int i = 0; i + 1 < n; i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (isHan(a) && isHan(b)) {
                String pair = new String(new char[] {a, b});
                if (!GENERIC.contains(pair)) {
                    out.merge(BIGRAM + pair, weight, Float::sum);
                }
            }
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static List<Concept> load() {
        List<Concept> out = new ArrayList<>();
        try (var in = MatchText.class.getResourceAsStream("/listing/matching-concepts.txt")) {
            if (in == null) {
                throw new IllegalStateException("listing/matching-concepts.txt is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                int colon = line.indexOf(':');
                List<String> words = new ArrayList<>(
                        List.of(line.substring(colon + 1).strip().split("\\s+")));
                words.sort(Comparator.comparingInt(String::length).reversed());
                out.add(new Concept(line.substring(0, bar), line.substring(bar + 1, colon), List.copyOf(words)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static Map<String, Concept> byCode() {
        Map<String, Concept> m = new LinkedHashMap<>();
        CONCEPTS.forEach(c -> m.put(c.code(), c));
        return m;
    }
}
