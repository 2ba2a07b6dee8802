package org.gongzhi.listing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.ServiceCategory;

/**
 * 一刻钟社区服务圈 (seed 000; DOMAIN.md §5; ADR 0031): for each place (a 社区), the share of its area from which each
 * everyday service is within the walk — measured at points spread over the place, each point reaching a service when
 * a resource providing it lies within the walking distance (1.25 × the straight line, as matching walks). Pure and
 * thread-safe.
 */
public final class ServiceCoverage {

    /** A place and the points spread over it ({@code [latitude, longitude]}, WGS84 degrees). */
    public record Place(UUID id, List<double[]> points) {}

    /** A resource that provides services, at a point. */
    public record Provider(UUID id, String name, double latitude, double longitude, Set<ServiceCategory> services) {}

    /**
     * How a place reaches one service: {@code share} of its points (0–1) within the walk, the typical walk (the median
     * of its points' shortest walks, metres; {@code NaN} when nothing provides the service) and the provider nearest
     * to most of its points (null when none).
     */
    public record Reach(ServiceCategory service, double share, double typicalMetres, Provider nearest) {}

    private ServiceCoverage() {}

    /** Each place's reach of every service, in {@link ServiceCategory} order. */
    public static Map<UUID, List<Reach>> of(List<Place> places, List<Provider> providers, double walkingMetres) {
        Map<ServiceCategory, List<Provider>> byService = new EnumMap<>(ServiceCategory.class);
        for (ServiceCategory s : ServiceCategory.values()) {
            byService.put(s, new ArrayList<>());
        }
        for (Provider p : providers) {
            p.services().forEach(s -> byService.get(s).add(p));
        }
        Map<UUID, List<Reach>> out = new HashMap<>();
        for (Place place : places) {
            List<Reach> reaches = new ArrayList<>();
            for (ServiceCategory s : ServiceCategory.values()) {
                reaches.add(reach(place, s, byService.get(s), walkingMetres));
            }
            out.put(place.id(), reaches);
        }
        return out;
    }

    private static Reach reach(Place place, ServiceCategory service, List<Provider> providers, double walkingMetres) {
        if (providers.isEmpty() || place.points().isEmpty()) {
            return new Reach(service, 0, Double.NaN, null);
        }
        int n = place.points().size();
        double[] shortest = new double[n];
        Map<Provider, Integer> nearestFor = new HashMap<>();
        int within = 0;
        double cosLat = Math.cos(Math.toRadians(place.points().get(0)[0]));
        for (int i = 0; i < n; i++) {
            double[] point = place.points().get(i);
            double best = Double.MAX_VALUE;
            Provider bestProvider = null;
            for (Provider p : providers) {
                double dy = (p.latitude() - point[0]) * 111_320;
                double dx = (p.longitude() - point[1]) * 111_320 * cosLat;
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    bestProvider = p;
                }
            }
            shortest[i] = MatchIndex.DETOUR * Math.sqrt(best);
            // A millimetre's grace: degrees to metres and back do not round-trip exactly.
            if (shortest[i] <= walkingMetres + 0.001) {
                within++;
            }
            nearestFor.merge(bestProvider, 1, Integer::sum);
        }
        java.util.Arrays.sort(shortest);
        Provider nearest = nearestFor.entrySet().stream()
                .max(Map.Entry.<Provider, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().id(), java.util.Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
        return new Reach(service, (double) within / n, shortest[n / 2], nearest);
    }
}
