package org.gongzhi.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gongzhi.listing.ServiceCategory;
import org.gongzhi.listing.domain.ServiceCoverage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 一刻钟社区服务圈 measure (ADR 0031) for a whole 街道: 29 社区 of about 100 points each (学院路's count, spread over
 * its 8.5 km²) against {@code providers} resources each providing one to three of the ten services, for a 15-minute
 * walk. The issue bounds the computation for all communities of a 街道 at 1 s; the page adds reading the boundaries and
 * the resources (ServiceCircleIT prints the whole request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class ServiceCircleBenchmark {

    @Param({"200", "2000"})
    public int providers;

    private List<ServiceCoverage.Place> places;
    private List<ServiceCoverage.Provider> offered;

    @Setup
    public void build() {
        Random random = new Random(15L);
        places = new ArrayList<>();
        for (int c = 0; c < 29; c++) {
            double lat = 39.975 + (c / 6) * 0.007;
            double lng = 116.330 + (c % 6) * 0.0075;
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                points.add(new double[] {lat + random.nextDouble() * 0.007, lng + random.nextDouble() * 0.0075});
            }
            places.add(new ServiceCoverage.Place(new UUID(0, c), points));
        }
        offered = new ArrayList<>();
        ServiceCategory[] all = ServiceCategory.values();
        for (int i = 0; i < providers; i++) {
            Set<ServiceCategory> services = EnumSet.noneOf(ServiceCategory.class);
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                services.add(all[random.nextInt(all.length)]);
            }
            offered.add(new ServiceCoverage.Provider(
                    new UUID(1, i),
                    "资源" + i,
                    39.970 + random.nextDouble() * 0.045,
                    116.325 + random.nextDouble() * 0.055,
                    services));
        }
    }

    @Benchmark
    public Map<UUID, List<ServiceCoverage.Reach>> wholeSubdistrict() {
        return ServiceCoverage.of(places, offered, 15 * 75);
    }
}
