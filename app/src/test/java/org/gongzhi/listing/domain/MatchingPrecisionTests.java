package org.gongzhi.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ServiceCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching quality on the labelled set in {@code listing/matching/} (issue 10, ADR 0030): 170 resources of units in
 * 学院路街道 — many of one kind that differ only in what they are for — and 127 needs written as a 社区 worker records
 * them, each with the resource(s) a 街道 worker would pick. precision@5 here is the share of needs whose right
 * resource is among the first five proposed (one right answer per need, so the usual "right items in the first five /
 * 5" would cap at 0.2). The target is 0.8 (docs/performance.md); below 0.7 fails.
 */
class MatchingPrecisionTests {

    record Labelled(
            String key, String category, String title, String description, double lat, double lng, Set<String> right) {}

    /** The place names of 学院路 the set's texts use, taken out of queries as the platform takes its 街道's. */
    static final Set<String> PLACES = MatchText.placeTerms(List.of(
            "学院路街道", "北航社区", "二里庄社区", "健翔园社区", "学知园社区", "石油大院社区", "科大社区", "地大一社区", "城华园社区", "逸成东苑社区", "可为社区", "地大二社区",
            "学院路社区", "林大社区", "语言大学社区", "矿大社区"));

    static MatchIndex index;
    /** Each resource's text (name and description), for the baseline. */
    static Map<String, String> texts = new HashMap<>();

    static Map<UUID, String> keys = new HashMap<>();
    static List<Labelled> needs = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        List<MatchIndex.Doc> docs = new ArrayList<>();
        Map<String, UUID> providers = new HashMap<>();
        for (String[] f : rows("/listing/matching/resources.tsv", 10)) {
            UUID id = UUID.nameUUIDFromBytes(f[0].getBytes(StandardCharsets.UTF_8));
            keys.put(id, f[0]);
            texts.put(f[0], f[3] + "\n" + f[4]);
            Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
            Arrays.stream(f[9].split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(s -> services.add(ServiceCategory.valueOf(s)));
            docs.add(MatchDocs.resource(new MatchStore.Resource(
                    id,
                    providers.computeIfAbsent(f[2], p -> UUID.nameUUIDFromBytes(p.getBytes(StandardCharsets.UTF_8))),
                    f[3],
                    f[4],
                    null,
                    ResourceKind.valueOf(f[1]),
                    services,
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    f[7],
                    Boolean.parseBoolean(f[8]))));
        }
        index = new MatchIndex(docs);
        for (String[] f : rows("/listing/matching/needs.tsv", 7)) {
            needs.add(new Labelled(
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Set.of(f[6].split("\\|"))));
        }
    }

    @Test
    void the_labelled_set_is_large_enough_and_every_label_names_a_resource() {
        assertThat(needs).hasSizeGreaterThanOrEqualTo(100);
        assertThat(index.size()).isGreaterThanOrEqualTo(100);
        Set<String> all = Set.copyOf(keys.values());
        needs.forEach(n -> assertThat(all).as(n.key()).containsAll(n.right()));
    }

    @Test
    void precision_at_5_meets_the_floor() {
        int hit1 = 0;
        int hit5 = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Labelled n : needs) {
            List<String> ranked = rank(n, 10);
            int at = -1;
            for (int i = 0; i < ranked.size(); i++) {
                if (n.right().contains(ranked.get(i))) {
                    at = i;
                    break;
                }
            }
            if (at == 0) {
                hit1++;
            }
            if (at >= 0 && at < 5) {
                hit5++;
            } else {
                misses.add(n.key() + " " + n.title() + " → " + ranked.subList(0, Math.min(5, ranked.size())) + " want "
                        + n.right());
            }
            if (at >= 0) {
                reciprocal += 1.0 / (at + 1);
            }
        }
        double p5 = (double) hit5 / needs.size();
        System.out.printf(
                "matching on %d labelled needs over %d resources: precision@5 %.3f, precision@1 %.3f, MRR@10 %.3f%n",
                needs.size(), index.size(), p5, (double) hit1 / needs.size(), reciprocal / needs.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(p5).as("precision@5").isGreaterThanOrEqualTo(0.7);

        // The naive way for comparison: rank by the count of Chinese character pairs shared with the need's text.
        int baseline5 = 0;
        for (Labelled n : needs) {
            Set<String> want = bigrams(n.title() + "\n" + n.description());
            List<String> ranked = texts.entrySet().stream()
                    .sorted(java.util.Comparator.<Map.Entry<String, String>>comparingLong(
                                    e -> bigrams(e.getValue()).stream()
                                            .filter(want::contains)
                                            .count())
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(5)
                    .map(Map.Entry::getKey)
                    .toList();
            if (ranked.stream().anyMatch(n.right()::contains)) {
                baseline5++;
            }
        }
        double baseline = (double) baseline5 / needs.size();
        System.out.printf("baseline (shared character pairs): precision@5 %.3f%n", baseline);
        assertThat(p5).as("better than counting shared character pairs").isGreaterThan(baseline);
    }

    static Set<String> bigrams(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(text.charAt(i + 1)) == Character.UnicodeScript.HAN) {
                out.add(text.substring(i, i + 2));
            }
        }
        return out;
    }

    @Test
    void the_reasons_name_the_shared_words_and_the_walk() {
        Labelled first = needs.get(0);
        MatchIndex.Scored best = index.top(query(first), 1).get(0);
        assertThat(best.matchedTerms()).isNotEmpty();
        assertThat(best.walkingMetres()).isPositive();
        assertThat(best.score()).isBetween(MatchIndex.FLOOR, 1.0);
    }

    static List<String> rank(Labelled n, int k) {
        return index.top(query(n), k).stream().map(s -> keys.get(s.doc().id())).collect(Collectors.toList());
    }

    static MatchIndex.Query query(Labelled n) {
        return MatchIndex.forNeed(n.title(), n.description(), n.category(), n.lat(), n.lng(), List.of(), PLACES);
    }

    static List<String[]> rows(String path, int columns) throws IOException {
        try (InputStream in = MatchingPrecisionTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            List<String[]> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                assertThat(f).as(path + " line " + (i + 1)).hasSize(columns);
                out.add(f);
            }
            return out;
        }
    }
}
