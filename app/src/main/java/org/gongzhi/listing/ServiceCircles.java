package org.gongzhi.listing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.domain.MatchIndex;
import org.gongzhi.listing.domain.MatchStore;
import org.gongzhi.listing.domain.ServiceCoverage;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一刻钟社区服务圈 (seed 000 "缺什么补什么"; DOMAIN.md §5; ADR 0031): for each 社区 of a 街道, which everyday services
 * ({@link ServiceCategory}) its residents reach within a walk of {@code gongzhi.listing.service-circle.walk-minutes}
 * (15 by default; 5–30 per request) at 75 m a minute, measured at about {@value #POINTS} points spread over its area
 * against the offered resources that say they provide the service (of any 街道 nearby). A service reached from less
 * than half of a 社区 is a gap.
 *
 * <p>Refusals: 404 {@code listing.circle.unknown} for a code that is no 街道 the caller reads; 400 {@code
 * listing.circle.minutes-range} for a walk outside 5–30 minutes.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCircles {

    /** Points measured per 社区. */
    public static final int POINTS = 100;

    /** Metres walked in a minute (4.5 km/h). */
    public static final double METRES_PER_MINUTE = MatchIndex.WALK_METRES_PER_MINUTE;

    /** A service reached from less than this share of a 社区 is a gap. */
    public static final double GAP_BELOW = 0.5;

    private final TerritoryQueries territory;
    private final MatchStore store;
    private final ListingReach reach;
    private final int defaultMinutes;

    ServiceCircles(
            TerritoryQueries territory,
            MatchStore store,
            ListingReach reach,
            @Value("${gongzhi.listing.service-circle.walk-minutes:15}") int defaultMinutes) {
        this.territory = territory;
        this.store = store;
        this.reach = reach;
        this.defaultMinutes = defaultMinutes;
    }

    /**
     * The code of the 街道 the caller's places or organisations lie in (a unit's 联络员 has no place of their own), by
     * code; empty when none.
     */
    public String homeCode() {
        return reach.homes().stream()
                .map(id -> territory.unit(new UnitId(id)).map(UnitView::code).orElse(""))
                .filter(c -> !c.isEmpty())
                .sorted()
                .findFirst()
                .orElse("");
    }

    /** The service circle of the 街道 with this code; {@code minutes} null for the configured walk. */
    public ServiceCircleView of(String subdistrictCode, Integer minutes) {
        int walk = minutes == null ? defaultMinutes : minutes;
        if (walk < 5 || walk > 30) {
            throw DomainException.invalid(List.of(Violation.of("minutes", "listing.circle.minutes-range", 5, 30)));
        }
        UnitView subdistrict = territory
                .unitByCode(subdistrictCode == null ? "" : subdistrictCode.strip())
                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                .orElseThrow(() -> DomainException.notFound("listing.circle.unknown"));
        if (!reach.sees(null, subdistrict.id().value(), subdistrict.id().value())) {
            throw DomainException.notFound("listing.circle.unknown");
        }
        List<UnitView> communities = territory.units(territory.subtree(subdistrict.code())).values().stream()
                .filter(u -> u.kind() == UnitKind.COMMUNITY)
                .sorted(Comparator.comparing(UnitView::code))
                .toList();
        Map<UnitId, List<double[]>> points =
                territory.pointsInside(communities.stream().map(UnitView::id).toList(), POINTS);
        double metres = walk * METRES_PER_MINUTE;
        List<ServiceCoverage.Provider> providers = providersAround(points.values(), metres);
        List<ServiceCoverage.Place> places = new ArrayList<>();
        points.forEach((id, ps) -> places.add(new ServiceCoverage.Place(id.value(), ps)));
        Map<UUID, List<ServiceCoverage.Reach>> reached = ServiceCoverage.of(places, providers, metres);

        List<ServiceCircleView.Community> out = new ArrayList<>();
        for (UnitView c : communities) {
            List<ServiceCoverage.Reach> r = reached.get(c.id().value());
            if (r == null) {
                continue;
            }
            List<ServiceCircleView.Service> services = new ArrayList<>();
            List<ServiceCategory> gaps = new ArrayList<>();
            for (ServiceCoverage.Reach x : r) {
                services.add(new ServiceCircleView.Service(
                        x.service(),
                        (int) Math.round(x.share() * 100),
                        Double.isNaN(x.typicalMetres()) ? null : Math.round(x.typicalMetres() / 10) * 10,
                        x.nearest() == null ? null : x.nearest().id(),
                        x.nearest() == null ? null : x.nearest().name()));
                if (x.share() < GAP_BELOW) {
                    gaps.add(x.service());
                }
            }
            out.add(new ServiceCircleView.Community(
                    c.id().value(), c.code(), c.name(), points.get(c.id()).size(), services, gaps));
        }
        return new ServiceCircleView(
                subdistrict.code(),
                subdistrict.name(),
                walk,
                Math.round(metres),
                out,
                providers.stream()
                        .map(p -> new ServiceCircleView.Provider(
                                p.id(),
                                p.name(),
                                p.latitude(),
                                p.longitude(),
                                p.services().stream().sorted().toList()))
                        .toList());
    }

    /** Providers in the box around all points, widened by the walk. */
    private List<ServiceCoverage.Provider> providersAround(java.util.Collection<List<double[]>> points, double metres) {
        double south = 90;
        double north = -90;
        double west = 180;
        double east = -180;
        for (List<double[]> ps : points) {
            for (double[] p : ps) {
                south = Math.min(south, p[0]);
                north = Math.max(north, p[0]);
                west = Math.min(west, p[1]);
                east = Math.max(east, p[1]);
            }
        }
        if (south > north) {
            return List.of();
        }
        double dLat = metres / 111_320;
        double dLng = metres / (111_320 * Math.cos(Math.toRadians((south + north) / 2)));
        return store.providersIn(south - dLat, north + dLat, west - dLng, east + dLng);
    }
}
