package org.gongzhi.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gongzhi.dispatch.DispatchDirectory;
import org.gongzhi.dispatch.RoutePreview;
import org.gongzhi.dispatch.RuleDetails;
import org.gongzhi.dispatch.RuleView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dispatch-rules")
@Tag(name = "dispatch-rules", description = "派单目录: category × territory unit → lead unit and co-handlers")
class DispatchRuleApi {

    private final DispatchDirectory directory;

    DispatchRuleApi(DispatchDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Active rules on a unit and everything below it (every 街道 without unit)")
    List<RuleView> list(@RequestParam(required = false) String unit) {
        return directory.list(unit);
    }

    @GetMapping("/preview")
    @Operation(
            summary = "Where an appeal of a category at a unit would go",
            description = "The winning rule (deepest unit, then 小类 over 大类 over every category), its lead unit and"
                    + " co-handlers, and the district copied on a dispatch straight to a 街道; no rule: the"
                    + " coordination queue.")
    RoutePreview preview(@RequestParam String category, @RequestParam String unit) {
        return directory.preview(category, unit);
    }

    @PostMapping
    @Operation(summary = "Add a rule; one active rule per category pattern and unit (409 otherwise)")
    ResponseEntity<RuleView> add(@RequestBody RuleDetails details) {
        RuleView rule = directory.add(details);
        return ResponseEntity.created(URI.create("/api/v1/dispatch-rules/" + rule.id()))
                .body(rule);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire a rule (kept for the record, no longer applied)")
    ResponseEntity<Void> retire(@PathVariable UUID id) {
        directory.retire(id);
        return ResponseEntity.noContent().build();
    }
}
