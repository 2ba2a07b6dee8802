package org.gongzhi.listing;

import java.util.List;
import java.util.UUID;

/**
 * The 一刻钟社区服务圈 of a 街道: for each 社区, how much of it reaches each everyday service within the walk, and its
 * gaps (缺什么补什么).
 *
 * @param walkMinutes the walk, in minutes (5–30; 15 by default)
 * @param walkingMetres the walk in metres at 75 m a minute
 * @param communities the 社区, by code
 * @param providers the resources providing services that were counted (those in or near the 街道)
 */
public record ServiceCircleView(
        String subdistrictCode,
        String subdistrictName,
        int walkMinutes,
        long walkingMetres,
        List<Community> communities,
        List<Provider> providers) {

    /**
     * A 社区: each service in {@link ServiceCategory} order, and those reached from less than half of it.
     *
     * @param points how many points over its area were measured
     */
    public record Community(
            UUID id, String code, String name, int points, List<Service> services, List<ServiceCategory> gaps) {}

    /**
     * One service for a 社区: {@code percent} of its area within the walk (0–100), the typical walk in metres
     * ({@code null} when nothing provides it) and the resource nearest most of it.
     */
    public record Service(
            ServiceCategory service, int percent, Long typicalMetres, UUID nearestId, String nearestName) {}

    /** A resource counted, for the map. */
    public record Provider(UUID id, String name, double latitude, double longitude, List<ServiceCategory> services) {}
}
