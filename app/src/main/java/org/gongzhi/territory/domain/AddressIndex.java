package org.gongzhi.territory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.shared.Text;

/**
 * Finds the places an address typed in Chinese names: the 社区, 小区/院落, 楼栋 and 街巷 whose names occur in it.
 *
 * <p>Names and text are compared in one form: NFKC lower case without spaces or punctuation, Chinese numerals written
 * as digits ({@code 二里庄一区} and {@code 二里庄1区} match) and the generic endings of unit names left out ({@code
 * 石油大院社区} is found by {@code 石油大院}). A name found whole scores 1; otherwise the share of its character pairs
 * (bigrams, the usual unit of Chinese matching without a dictionary) found in the text, if at least half — except a
 * name with a number or under three characters, which is there whole or not at all (3号楼 is not in 13号楼). The places
 * around a name count too: a 楼栋 whose 小区 and 社区 are named as well outranks one found alone, so {@code
 * 二里庄一区3号楼} puts that building first and not every other 3号楼. A name shared by several places is divided
 * among them unless the place directly above is named too (3号楼 means little without its 小区). Immutable; safe for any number of reading threads.
 */
public final class AddressIndex {

    /** A place to match: its id, name, depth (higher is deeper) and the place that contains it (or null). */
    public record Entry(UUID id, String name, int depth, UUID parent) {}

    /** A place the text names, with its score (higher is better). */
    public record Match(Entry entry, double score) {}

    private static final Pattern GENERIC = Pattern.compile("(社区居委会|居委会|社区|街道办事处|街道|街区|网格|小区|居民区)$");
    /** Chinese numerals counting something an address numbers (三号楼, 二区, 第三网格), not those in names (二里庄). */
    private static final Pattern NUMERAL = Pattern.compile("[零〇一二两三四五六七八九十百]+(?=号|栋|幢|座|楼|单元|区|层|室|期|排|条|网格)");

    private static final Pattern IGNORED = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");
    private static final Pattern DIGIT_BREAK = Pattern.compile("(?<=\\d)[\\p{Z}\\s\\p{P}\\p{S}]+(?=\\d)");
    /** An invisible separator (U+2063): no name contains it, and it is not punctuation. */
    private static final String SEPARATOR = "\u2063";

    private static final double FOUND_AT_LEAST = 0.5;
    private static final double SUBSUMED = 0.5;

    private final List<Entry> entries;
    private final Map<UUID, Entry> byId = new HashMap<>();
    private final String[] cores;
    private final Map<String, Integer> sameName = new HashMap<>();
    private final Map<String, int[]> byBigram;

    public AddressIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        cores = new String[this.entries.size()];
        Map<String, List<Integer>> bigrams = new HashMap<>();
        for (int i = 0; i < cores.length; i++) {
            Entry e = this.entries.get(i);
            byId.put(e.id(), e);
            cores[i] = core(e.name());
            sameName.merge(cores[i], 1, Integer::sum);
            for (String b : bigrams(cores[i])) {
                bigrams.computeIfAbsent(b, k -> new ArrayList<>()).add(i);
            }
        }
        byBigram = new HashMap<>();
        bigrams.forEach((k, v) -> byBigram.put(
                k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
    }

    /**
     * The places {@code text} names, best first (then deeper first, then by name), among those {@code allowed}
     * accepts; at most {@code limit}.
     */
    public List<Match> find(String text, Predicate<Entry> allowed, int limit) {
        String key = normalise(text);
        if (key.length() < 2) {
            return List.of();
        }
        Set<Integer> seen = new HashSet<>();
        for (String b : bigrams(key)) {
            for (int i : byBigram.getOrDefault(b, new int[0])) {
                seen.add(i);
            }
        }
        Map<UUID, Double> found = new HashMap<>();
        List<Integer> whole = new ArrayList<>();
        for (int i : seen) {
            double c = coverage(cores[i], key);
            if (c >= FOUND_AT_LEAST) {
                found.put(entries.get(i).id(), c);
            }
            if (c == 1) {
                whole.add(i);
            }
        }
        // A name found whole only as part of a longer name found whole (二里庄 in 二里庄胡同) is what that name
        // explains, unless the longer one lies inside it (二里庄一区 in 二里庄社区).
        for (int i : whole) {
            for (int j : whole) {
                if (cores[j].length() > cores[i].length()
                        && cores[j].contains(cores[i])
                        && !below(entries.get(j), entries.get(i).id())) {
                    found.put(entries.get(i).id(), SUBSUMED);
                    break;
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (int i : seen) {
            Entry e = entries.get(i);
            Double c = found.get(e.id());
            if (c == null || !allowed.test(e)) {
                continue;
            }
            double support = 0;
            for (Entry up = byId.get(e.parent()); up != null; up = byId.get(up.parent())) {
                support += found.getOrDefault(up.id(), 0.0);
            }
            double score = c * (1 + 0.5 * support);
            if (e.parent() == null || !found.containsKey(e.parent())) {
                score /= sameName.get(cores[i]);
            }
            matches.add(new Match(e, score));
        }
        matches.sort(Comparator.comparingDouble(Match::score)
                .reversed()
                .thenComparing(m -> -m.entry().depth())
                .thenComparing(m -> m.entry().name()));
        return List.copyOf(matches.subList(0, Math.min(Math.max(1, limit), matches.size())));
    }

    /** Whether {@code e} lies below the place {@code ancestor}. */
    private boolean below(Entry e, UUID ancestor) {
        for (Entry up = byId.get(e.parent()); up != null; up = byId.get(up.parent())) {
            if (up.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** How much of {@code core} the text holds: 1 when whole (a number not cut from a longer one), else bigrams. */
    static double coverage(String core, String text) {
        for (int at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + 1)) {
            boolean cutNumber = Character.isDigit(core.charAt(0)) && at > 0 && Character.isDigit(text.charAt(at - 1));
            if (!cutNumber) {
                return 1;
            }
        }
        if (core.length() < 3 || core.chars().anyMatch(Character::isDigit)) {
            return 0; // a short name, or one with a number, is there whole or not at all
        }
        List<String> pairs = bigrams(core);
        int in = 0;
        for (String p : pairs) {
            if (text.contains(p)) {
                in++;
            }
        }
        // One shared pair is chance (八里庄 is not 二里庄): a partial name needs two.
        return in < 2 ? 0 : (double) in / pairs.size();
    }

    /** A name without its generic ending (unless nothing would be left), in the compared form. */
    static String core(String name) {
        String n = normalise(name);
        Matcher m = GENERIC.matcher(n);
        if (m.find() && m.start() >= 2) {
            return n.substring(0, m.start());
        }
        return n;
    }

    /** NFKC lower case, no spaces or punctuation, Chinese numerals as digits. */
    static String normalise(String text) {
        String k = Text.key(text == null ? "" : text);
        // Punctuation between two numbers keeps them apart (5、6号楼 is not 56号楼); elsewhere it goes.
        k = DIGIT_BREAK.matcher(k == null ? "" : k).replaceAll(SEPARATOR);
        k = IGNORED.matcher(k).replaceAll("");
        Matcher m = NUMERAL.matcher(k);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int value = numeral(m.group());
            m.appendReplacement(out, value < 0 ? m.group() : Integer.toString(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value of a Chinese numeral up to 999 ({@code 十二} 12, {@code 二十} 20, {@code 一〇一} 101), or -1. */
    static int numeral(String s) {
        String digits = "零一二三四五六七八九";
        if (!s.contains("十") && !s.contains("百")) {
            int v = 0;
            for (char c : s.toCharArray()) {
                int d = c == '〇' ? 0 : c == '两' ? 2 : digits.indexOf(c);
                v = v * 10 + d;
                if (v > 999) {
                    return -1;
                }
            }
            return v;
        }
        int total = 0;
        int pending = 0;
        for (char c : s.toCharArray()) {
            if (c == '百' || c == '十') {
                int unit = c == '百' ? 100 : 10;
                total += (pending == 0 ? 1 : pending) * unit;
                pending = 0;
            } else {
                pending = c == '〇' ? 0 : c == '两' ? 2 : digits.indexOf(c);
            }
        }
        return total + pending;
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        if (s.length() == 1) {
            out.add(s);
        }
        return out;
    }
}
