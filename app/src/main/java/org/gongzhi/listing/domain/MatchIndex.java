package org.gongzhi.listing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ServiceCategory;

/**
 * An in-memory index of entries to match against (resources for a need; open needs for a resource; experts), and the
 * ranking (ADR 0030). Each candidate's score in [0, 1] is
 *
 * <pre>
 *   0.50 text  — Okapi BM25 (k1 1.2, b 0.75) over {@link MatchText} terms, divided by the larger of the best
 *                candidate's and a quarter of what a candidate holding every query term would get
 * + 0.20 fit   — 0.6 × how well the resource kind suits the need category (table below, 0.5 when unknown)
 *                + 0.4 when a service the need asks for (by category or by words) is one the resource provides
 * + 0.15 near  — walking distance (1.25 × the straight line): 1 within 400 m, falling to 0 at 3 km; 0.5 unknown
 * + 0.07 open  — availability as each entry states it ({@link Doc#availability})
 * + 0.08 known — the provider worked with the need's 社区 or unit before (a project or a booking)
 * </pre>
 *
 * Candidates scoring under {@value #FLOOR} are not proposed. Immutable once built; a query is one pass over the
 * postings of its terms and one over the entries (about 2 ms for 100,000 entries, docs/performance.md).
 */
public final class MatchIndex {

    /** Candidates under this score are not proposed. */
    public static final double FLOOR = 0.2;

    /** Metres a person walks in a minute (4.5 km/h). */
    public static final double WALK_METRES_PER_MINUTE = 75;

    /** Walking distance over the straight line in a street grid. */
    public static final double DETOUR = 1.25;

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    /**
     * An entry: a resource ({@code kind} set), a need ({@code categoryCode} set) or an expert (neither).
     *
     * @param latitude WGS84 degrees, {@code NaN} when it has no place
     * @param availability 0–1 as the entry states it (opening hours, priority of a need, an expert's standing)
     * @param availabilityNote what to say about it (e.g. hours a week), or null
     */
    public record Doc(
            UUID id,
            String name,
            UUID organisationId,
            ResourceKind kind,
            String categoryCode,
            Set<ServiceCategory> services,
            double latitude,
            double longitude,
            double availability,
            String availabilityNote,
            Map<String, Float> terms) {}

    /** What a candidate is ranked for: the other side's terms, category or kind, services, place and past partners. */
    public record Query(
            Map<String, Float> terms,
            String categoryCode,
            ResourceKind kind,
            Set<ServiceCategory> services,
            double latitude,
            double longitude,
            Set<UUID> collaborators) {}

    /** A ranked candidate with the parts of its score. */
    public record Scored(
            Doc doc,
            double score,
            double text,
            double fit,
            boolean serviceFit,
            double walkingMetres,
            boolean collaborated,
            List<String> matchedTerms) {}

    private final List<Doc> docs;
    private final Map<String, int[]> postingDocs = new HashMap<>();
    private final Map<String, float[]> postingWeights = new HashMap<>();
    private final float[] length;
    private final float averageLength;
    // Per entry, as primitives for the scoring pass: kind ordinal (-1 none), category index (-1 none), services as
    // bits,
    // place, availability, organisation index (-1 none).
    private final byte[] kind;
    private final short[] category;
    private final int[] serviceBits;
    private final double[] latitude;
    private final double[] longitude;
    private final float[] availability;
    private final int[] organisation;
    private final List<String> categories = new ArrayList<>();
    private final Map<UUID, Integer> organisations = new HashMap<>();

    /** Indexes the entries; their term maps are read here and not kept (the postings hold them). */
    public MatchIndex(List<Doc> docs) {
        this.length = new float[docs.size()];
        // Two passes: count each term's entries, then fill arrays of exactly that size.
        Map<String, int[]> count = new HashMap<>();
        double total = 0;
        for (int i = 0; i < docs.size(); i++) {
            float len = 0;
            for (Map.Entry<String, Float> t : docs.get(i).terms().entrySet()) {
                count.computeIfAbsent(t.getKey(), key -> new int[1])[0]++;
                len += t.getValue();
            }
            length[i] = len;
            total += len;
        }
        averageLength = docs.isEmpty() ? 1 : (float) Math.max(1, total / docs.size());
        count.forEach((term, c) -> {
            postingDocs.put(term, new int[c[0]]);
            postingWeights.put(term, new float[c[0]]);
            c[0] = 0;
        });
        for (int i = 0; i < docs.size(); i++) {
            for (Map.Entry<String, Float> t : docs.get(i).terms().entrySet()) {
                int[] at = count.get(t.getKey());
                postingDocs.get(t.getKey())[at[0]] = i;
                postingWeights.get(t.getKey())[at[0]] = t.getValue();
                at[0]++;
            }
        }
        int n = docs.size();
        kind = new byte[n];
        category = new short[n];
        serviceBits = new int[n];
        latitude = new double[n];
        longitude = new double[n];
        availability = new float[n];
        organisation = new int[n];
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Doc d = docs.get(i);
            kind[i] = (byte) (d.kind() == null ? -1 : d.kind().ordinal());
            category[i] = (short)
                    (d.categoryCode() == null
                            ? -1
                            : categoryIndex.computeIfAbsent(d.categoryCode(), c -> {
                                categories.add(c);
                                return categories.size() - 1;
                            }));
            serviceBits[i] = bits(d.services());
            latitude[i] = d.latitude();
            longitude[i] = d.longitude();
            availability[i] = (float) d.availability();
            organisation[i] = d.organisationId() == null
                    ? -1
                    : organisations.computeIfAbsent(d.organisationId(), o -> organisations.size());
        }
        List<Doc> kept = new ArrayList<>(docs.size());
        for (Doc d : docs) {
            kept.add(new Doc(
                    d.id(),
                    d.name(),
                    d.organisationId(),
                    d.kind(),
                    d.categoryCode(),
                    d.services(),
                    d.latitude(),
                    d.longitude(),
                    d.availability(),
                    d.availabilityNote(),
                    Map.of()));
        }
        this.docs = List.copyOf(kept);
    }

    public int size() {
        return docs.size();
    }

    /** The best {@code k} candidates for the query, best first, those under {@link #FLOOR} left out. */
    public List<Scored> top(Query q, int k) {
        int n = docs.size();
        float[] text = new float[n];
        double ideal = 0;
        for (Map.Entry<String, Float> t : q.terms().entrySet()) {
            int[] d = postingDocs.get(t.getKey());
            float qw = Math.min(3f, t.getValue());
            // The ideal counts every term of the query, also those no entry holds: a candidate sharing one common
            // word of a long need is a weak match, however weak the others are.
            int df = d == null ? 0 : d.length;
            float idf = (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
            ideal += qw * idf;
            if (d == null) {
                continue;
            }
            float[] w = postingWeights.get(t.getKey());
            for (int j = 0; j < d.length; j++) {
                float tf = w[j];
                float norm = K1 * (1 - B + B * length[d[j]] / averageLength);
                text[d[j]] += qw * idf * tf * (K1 + 1) / (tf + norm);
            }
        }
        float best = 0;
        for (float t : text) {
            best = Math.max(best, t);
        }
        double scale = Math.max(best, 0.25 * ideal);
        PriorityQueue<double[]> heap = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0]));
        double cosLat = Math.cos(Math.toRadians(q.latitude()));
        // What depends on the query alone, worked out once: the table's fit for each kind or category, the services
        // asked for, the partners.
        double[] fitByKind = new double[ResourceKind.values().length];
        for (ResourceKind rk : ResourceKind.values()) {
            fitByKind[rk.ordinal()] = kindFit(q.categoryCode(), rk);
        }
        double[] fitByCategory = new double[categories.size()];
        for (int c = 0; c < fitByCategory.length; c++) {
            fitByCategory[c] = kindFit(categories.get(c), q.kind());
        }
        int asked = bits(q.services());
        boolean[] partner = new boolean[organisations.size()];
        for (UUID o : q.collaborators()) {
            Integer at = organisations.get(o);
            if (at != null) {
                partner[at] = true;
            }
        }
        boolean placed = !Double.isNaN(q.latitude());
        double inverseScale = scale <= 0 ? 0 : 1 / scale;
        for (int i = 0; i < n; i++) {
            double table = q.categoryCode() != null && kind[i] >= 0
                    ? fitByKind[kind[i]]
                    : q.kind() != null && category[i] >= 0 ? fitByCategory[category[i]] : 0.5;
            double fit = 0.6 * table + ((asked & serviceBits[i]) != 0 ? 0.4 : 0);
            double near = 0.5;
            if (placed && !Double.isNaN(latitude[i])) {
                double dy = (latitude[i] - q.latitude()) * 111_320;
                double dx = (longitude[i] - q.longitude()) * 111_320 * cosLat;
                near = nearness(DETOUR * Math.sqrt(dx * dx + dy * dy));
            }
            double score = 0.5 * text[i] * inverseScale
                    + 0.2 * fit
                    + 0.15 * near
                    + 0.07 * availability[i]
                    + (organisation[i] >= 0 && partner[organisation[i]] ? 0.08 : 0);
            if (score < FLOOR) {
                continue;
            }
            if (heap.size() < k) {
                heap.add(new double[] {score, i});
            } else if (score > heap.peek()[0]) {
                heap.poll();
                heap.add(new double[] {score, i});
            }
        }
        List<double[]> ranked = new ArrayList<>(heap);
        ranked.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        List<Scored> out = new ArrayList<>();
        for (double[] r : ranked) {
            int i = (int) r[1];
            Doc doc = docs.get(i);
            out.add(new Scored(
                    doc,
                    r[0],
                    scale <= 0 ? 0 : text[i] / scale,
                    fit(q, doc),
                    serviceFit(q, doc),
                    walking(q.latitude(), q.longitude(), cosLat, doc),
                    doc.organisationId() != null && q.collaborators().contains(doc.organisationId()),
                    matched(q, i)));
        }
        return out;
    }

    // ---------------------------------------------------------------- the parts

    /** The query terms the entry holds, most telling first (concepts, then longer words), at most four. */
    private List<String> matched(Query q, int doc) {
        List<String> shared = new ArrayList<>();
        for (String t : q.terms().keySet()) {
            int[] d = postingDocs.get(t);
            // Shown: words and concepts (not bigrams), and only those that set entries apart (not held by most).
            if (t.startsWith(MatchText.BIGRAM) || d == null || (docs.size() >= 20 && d.length > docs.size() * 0.3)) {
                continue;
            }
            if (java.util.Arrays.binarySearch(d, doc) >= 0) {
                shared.add(t);
            }
        }
        shared.sort((a, b) -> {
            boolean ca = a.startsWith(MatchText.CONCEPT);
            boolean cb = b.startsWith(MatchText.CONCEPT);
            if (ca != cb) {
                return ca ? -1 : 1;
            }
            return a.length() != b.length() ? b.length() - a.length() : a.compareTo(b);
        });
        List<String> out = new ArrayList<>();
        for (String t : shared) {
            if (out.size() == 4) {
                break;
            }
            if (out.stream().noneMatch(o -> o.contains(t))) {
                out.add(t);
            }
        }
        return out;
    }

    private static int bits(Set<ServiceCategory> services) {
        int b = 0;
        for (ServiceCategory s : services) {
            b |= 1 << s.ordinal();
        }
        return b;
    }

    static double fit(Query q, Doc doc) {
        String category = q.categoryCode() != null ? q.categoryCode() : doc.categoryCode();
        ResourceKind kind = q.kind() != null ? q.kind() : doc.kind();
        double table = kindFit(category, kind);
        return 0.6 * table + (serviceFit(q, doc) ? 0.4 : 0);
    }

    private static boolean serviceFit(Query q, Doc doc) {
        for (ServiceCategory s : q.services()) {
            if (doc.services().contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Walking metres between the query's place and the entry's, or NaN when either has none. */
    private static double walking(double lat, double lng, double cosLat, Doc doc) {
        if (Double.isNaN(lat) || Double.isNaN(doc.latitude())) {
            return Double.NaN;
        }
        double dy = (doc.latitude() - lat) * 111_320;
        double dx = (doc.longitude() - lng) * 111_320 * cosLat;
        return DETOUR * Math.sqrt(dx * dx + dy * dy);
    }

    static double nearness(double metres) {
        if (Double.isNaN(metres)) {
            return 0.5;
        }
        return metres <= 400 ? 1 : Math.max(0, 1 - (metres - 400) / 2600);
    }

    private static final Map<String, Map<ResourceKind, Double>> KIND_FIT = kindFits();

    /**
     * How well a kind of resource suits a need category, 0–1 (0.5 when either is unknown or the category is a local
     * one). The table reads seed 000's examples: venues for 社区治理 (议事 rooms), equipment and volunteers for
     * 环境整治, courses and people for 教育医疗, teams and canteens for 扶贫帮困, 文体基地 for 文化交往.
     */
    public static double kindFit(String category, ResourceKind kind) {
        if (category == null || kind == null) {
            return 0.5;
        }
        Map<ResourceKind, Double> row = KIND_FIT.get(category);
        return row == null ? 0.5 : row.getOrDefault(kind, 0.3);
    }

    /** The services a need category asks for in itself. */
    public static Set<ServiceCategory> servicesOf(String category) {
        if (category == null) {
            return Set.of();
        }
        return switch (category) {
            case "GOVERNANCE" -> Set.of(ServiceCategory.LEGAL);
            case "EDUCATION_HEALTH" ->
                Set.of(ServiceCategory.EDUCATION, ServiceCategory.HEALTH, ServiceCategory.CHILDCARE);
            case "INDUSTRY" -> Set.of(ServiceCategory.EMPLOYMENT);
            case "ASSISTANCE" -> Set.of(ServiceCategory.ELDERLY_CARE, ServiceCategory.CANTEEN, ServiceCategory.LEGAL);
            case "CULTURE" -> Set.of(ServiceCategory.CULTURE, ServiceCategory.SPORTS);
            default -> Set.of();
        };
    }

    private static Map<String, Map<ResourceKind, Double>> kindFits() {
        Map<String, Map<ResourceKind, Double>> m = new HashMap<>();
        m.put("GOVERNANCE", row(1.0, 0.4, 0.2, 0.4, 0.5, 0.7));
        m.put("ENVIRONMENT", row(0.2, 0.5, 0.2, 0.9, 0.5, 0.8));
        m.put("EDUCATION_HEALTH", row(0.5, 0.6, 0.4, 0.3, 1.0, 0.8));
        m.put("INDUSTRY", row(0.7, 0.4, 0.1, 0.4, 0.9, 0.7));
        m.put("ASSISTANCE", row(0.4, 0.8, 0.2, 0.4, 0.5, 1.0));
        m.put("CULTURE", row(0.8, 0.6, 1.0, 0.2, 0.5, 0.7));
        return m;
    }

    /** Fits in the order VENUE, FACILITY, SPORTS_CULTURE_BASE, HARDWARE, SOFTWARE_COURSE, TALENT. */
    private static Map<ResourceKind, Double> row(double... fits) {
        Map<ResourceKind, Double> r = new EnumMap<>(ResourceKind.class);
        ResourceKind[] kinds = ResourceKind.values();
        for (int i = 0; i < kinds.length; i++) {
            r.put(kinds[i], fits[i]);
        }
        return r;
    }

    /**
     * A query for a need: its terms (less {@code placeTerms}: the words of the 街道's place names — where a need and a
     * resource are is nearness's part, not the text's; see {@link MatchText#placeTerms}), category, the services it asks for (category and words), place and partners. */
    public static Query forNeed(
            String title,
            String description,
            String categoryCode,
            double latitude,
            double longitude,
            Collection<UUID> collaborators,
            Set<String> placeTerms) {
        Map<String, Float> terms = MatchText.terms(title, description, List.of());
        terms.keySet().removeAll(placeTerms);
        Set<ServiceCategory> services = java.util.EnumSet.noneOf(ServiceCategory.class);
        services.addAll(servicesOf(categoryCode));
        services.addAll(MatchText.services(MatchText.concepts(
                (title == null ? "" : title) + "\n" + (description == null ? "" : description), null)));
        return new Query(terms, categoryCode, null, services, latitude, longitude, Set.copyOf(collaborators));
    }
}
