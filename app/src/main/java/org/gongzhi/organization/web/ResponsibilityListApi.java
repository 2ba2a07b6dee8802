package org.gongzhi.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gongzhi.organization.DrawResponsibilityList;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.organization.RecordDutyDone;
import org.gongzhi.organization.ResponsibilityListView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 责任清单 over HTTP: the same façade the list pages use. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "responsibility-lists", description = "责任清单: who does what for a space, and the record of duties done")
class ResponsibilityListApi {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;

    ResponsibilityListApi(OrganizationQueries queries, OrganizationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    @GetMapping("/responsibility-lists")
    @Operation(summary = "Every 责任清单 with its parties, duties and records")
    List<ResponsibilityListView> lists() {
        return queries.responsibilityLists();
    }

    @GetMapping("/responsibility-lists/{id}")
    @Operation(summary = "One 责任清单: parties across, duties down, when each duty was last done")
    ResponsibilityListView responsibilityList(@PathVariable UUID id) {
        return queries.responsibilityList(id);
    }

    @PostMapping("/responsibility-lists")
    @Operation(summary = "Draw a 责任清单: parties, and duties each owned by one party with a cadence and evidence")
    ResponseEntity<ResponsibilityListView> draw(@Valid @RequestBody DrawResponsibilityList command) {
        ResponsibilityListView l = management.drawResponsibilityList(command);
        return ResponseEntity.created(URI.create("/api/v1/responsibility-lists/" + l.id()))
                .body(l);
    }

    @PostMapping("/responsibility-lists/{id}/duties/{number}/records")
    @Operation(summary = "Record that a duty was done, with its evidence")
    ResponsibilityListView record(
            @PathVariable UUID id, @PathVariable int number, @Valid @RequestBody RecordDutyDone command) {
        return management.recordDutyDone(id, number, command);
    }
}
