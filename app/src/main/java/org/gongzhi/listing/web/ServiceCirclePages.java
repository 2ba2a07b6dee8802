package org.gongzhi.listing.web;

import org.gongzhi.listing.ServiceCategory;
import org.gongzhi.listing.ServiceCircles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 一刻钟社区服务圈 page: a 街道's 社区 against the everyday services, on a table and a map. */
@Controller
class ServiceCirclePages {

    private final ServiceCircles circles;

    ServiceCirclePages(ServiceCircles circles) {
        this.circles = circles;
    }

    @GetMapping("/service-circle")
    String circle(
            @RequestParam(required = false) String code, @RequestParam(required = false) Integer minutes, Model model) {
        String subdistrict = code == null || code.isBlank() ? circles.homeCode() : code;
        var view = circles.of(subdistrict, minutes);
        model.addAttribute("circle", view);
        model.addAttribute("services", ServiceCategory.values());
        // For the map script, inside <script type="application/json">: a "<" could end the element.
        model.addAttribute(
                "circleJson",
                tools.jackson.databind.json.JsonMapper.shared()
                        .writeValueAsString(view)
                        .replace("<", "\\u003c"));
        return "listing/service-circle";
    }
}
