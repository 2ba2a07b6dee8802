package org.gongzhi.platform.web;

import java.util.Comparator;
import java.util.List;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the platform is for, and live figures from the modules. */
@Controller
class HomeController {

    private final List<HomeTiles> contributors;

    HomeController(List<HomeTiles> contributors) {
        this.contributors = contributors;
    }

    @GetMapping("/")
    String home(Model model) {
        List<HomeTile> tiles = contributors.stream()
                .flatMap(c -> c.tiles(AccessScope.platform()).stream())
                .sorted(Comparator.comparingInt(HomeTile::order))
                .toList();
        model.addAttribute("tiles", tiles);
        return "home";
    }
}
