package org.gongzhi.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.listing.ServiceCategory;
import org.junit.jupiter.api.Test;

/**
 * The 一刻钟社区服务圈 measure: a point reaches a service when a resource providing it lies within the walk (1.25 × the
 * straight line), at the boundary too; a 社区's share is the share of its points that do; the typical walk is the
 * median; a service nobody provides is reached from nowhere.
 */
class ServiceCoverageTests {

    static final double LAT = 40.0;
    static final double LNG = 116.35;
    /** Metres per degree of latitude, as the measure uses. */
    static final double M = 111_320;

    /** A point {@code metres} north of the origin. */
    static double[] north(double metres) {
        return new double[] {LAT + metres / M, LNG};
    }

    @Test
    void a_point_reaches_a_service_within_the_walk_and_not_a_metre_beyond() {
        // 1,125 m of walking is 900 m in a straight line.
        var canteen = new ServiceCoverage.Provider(UUID.randomUUID(), "食堂", LAT, LNG, Set.of(ServiceCategory.CANTEEN));
        UUID at = UUID.randomUUID();
        UUID beyond = UUID.randomUUID();
        var reach = ServiceCoverage.of(
                List.of(
                        new ServiceCoverage.Place(at, List.of(north(900))),
                        new ServiceCoverage.Place(beyond, List.of(north(901)))),
                List.of(canteen),
                1125);
        assertThat(share(reach, at, ServiceCategory.CANTEEN)).isEqualTo(1.0);
        assertThat(share(reach, beyond, ServiceCategory.CANTEEN)).isZero();
        assertThat(reach.get(at).get(ServiceCategory.CANTEEN.ordinal()).typicalMetres())
                .isCloseTo(1125, within(0.5));
        assertThat(reach.get(at).get(ServiceCategory.CANTEEN.ordinal()).nearest())
                .isEqualTo(canteen);
        // Nobody provides care for children here.
        var childcare = reach.get(at).get(ServiceCategory.CHILDCARE.ordinal());
        assertThat(childcare.share()).isZero();
        assertThat(childcare.typicalMetres()).isNaN();
        assertThat(childcare.nearest()).isNull();
    }

    @Test
    void the_share_counts_the_points_that_reach_it_and_the_nearest_serves_most_of_them() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(north(i * 200)); // 0, 200, … 1,800 m north
        }
        UUID community = UUID.randomUUID();
        var south = new ServiceCoverage.Provider(UUID.randomUUID(), "南", LAT, LNG, Set.of(ServiceCategory.HEALTH));
        var far = new ServiceCoverage.Provider(
                UUID.randomUUID(), "远", LAT + 5000 / M, LNG, Set.of(ServiceCategory.HEALTH));
        var reach =
                ServiceCoverage.of(List.of(new ServiceCoverage.Place(community, points)), List.of(south, far), 1125);
        // From the south one: points at 0–800 m straight (≤ 900) reach it — five; from the far one (5 km), points at
        // 4,100 m and more would — none. Five of ten.
        assertThat(share(reach, community, ServiceCategory.HEALTH)).isEqualTo(0.5);
        assertThat(reach.get(community).get(ServiceCategory.HEALTH.ordinal()).nearest())
                .isEqualTo(south);
        assertThat(reach.get(community)).hasSize(ServiceCategory.values().length);
    }

    static double share(Map<UUID, List<ServiceCoverage.Reach>> reach, UUID place, ServiceCategory s) {
        return reach.get(place).get(s.ordinal()).share();
    }
}
