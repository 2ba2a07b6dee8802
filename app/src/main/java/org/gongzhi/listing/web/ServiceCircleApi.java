package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.listing.ServiceCircleView;
import org.gongzhi.listing.ServiceCircles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "service-circle", description = "一刻钟社区服务圈: the everyday services each 社区 reaches on foot, and its gaps")
class ServiceCircleApi {

    private final ServiceCircles circles;

    ServiceCircleApi(ServiceCircles circles) {
        this.circles = circles;
    }

    @GetMapping("/service-circle/{code}")
    @Operation(
            summary = "For each 社区 of the 街道 with this code: each service's share of its area within the walk",
            description = "minutes: the walk, 5–30 (15 by default), at 75 m a minute; a service reached from less than"
                    + " half of a 社区 is listed among its gaps (ADR 0031).")
    ServiceCircleView circle(@PathVariable String code, @RequestParam(required = false) Integer minutes) {
        return circles.of(code, minutes);
    }
}
