package org.gongzhi.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongzhi.dispatch.DispatchQueries;
import org.gongzhi.dispatch.SupervisionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/supervisions")
@Tag(name = "supervisions", description = "督办: deadlines that passed on dispatched appeals")
class SupervisionApi {

    private final DispatchQueries queries;

    SupervisionApi(DispatchQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Supervisions in the caller's scope, newest first (at most limit, 1–200)")
    List<SupervisionView> list(@RequestParam(defaultValue = "50") int limit) {
        return queries.supervisions(limit);
    }
}
