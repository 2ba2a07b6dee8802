package org.gongzhi.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.organization.AdmitMember;
import org.gongzhi.organization.AppointLiaison;
import org.gongzhi.organization.CouncilLevel;
import org.gongzhi.organization.CouncilView;
import org.gongzhi.organization.FoundCouncil;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationPage;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.territory.UnitChoice;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 党建工作协调委员会 over HTTP: the same façade the council pages use. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "councils", description = "党建工作协调委员会 at 街道 and 社区 level, their member units and 联络员")
class CouncilApi {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;

    CouncilApi(OrganizationQueries queries, OrganizationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    @GetMapping("/councils")
    @Operation(summary = "党建工作协调委员会 at 街道 and 社区 level")
    List<CouncilView> councils() {
        return queries.councils();
    }

    @GetMapping("/councils/{id}")
    @Operation(summary = "One council with its member units; 联络员 names masked")
    CouncilView council(@PathVariable UUID id) {
        return queries.council(id);
    }

    @GetMapping("/councils/vacancies")
    @Operation(
            summary = "Units where a council of the level could still be founded, for a picker",
            description = "Units of the level's kind (街道 or 社区) within the caller's scope, named like q, that have no"
                    + " such council yet. At most limit (1–50).")
    List<UnitChoice> vacancies(
            @RequestParam(required = false) CouncilLevel level,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "12") int limit) {
        return queries.councilVacancies(level, q, limit);
    }

    @GetMapping("/councils/{id}/candidates")
    @Operation(
            summary = "Organisations this council could seat, for a picker",
            description = "Names or credit code matching q; members already and organisations the caller may not link"
                    + " to the council's unit are left out. At most limit (1–50).")
    OrganisationPage candidates(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "10") int limit) {
        return OrganisationPage.whole(queries.seatable(id, q, limit));
    }

    @PostMapping("/councils")
    @Operation(summary = "Found a council for a 街道 or 社区; one per unit and level")
    ResponseEntity<CouncilView> found(@Valid @RequestBody FoundCouncil command) {
        CouncilView c = management.foundCouncil(command);
        return ResponseEntity.created(URI.create("/api/v1/councils/" + c.id())).body(c);
    }

    @PostMapping("/councils/{id}/members")
    @Operation(summary = "Seat a member unit with its 联络员")
    CouncilView admit(@PathVariable UUID id, @Valid @RequestBody AdmitMember command) {
        return management.admit(id, command);
    }

    @DeleteMapping("/councils/{id}/members/{organisation}")
    @Operation(summary = "Unseat a member unit")
    CouncilView remove(@PathVariable UUID id, @PathVariable UUID organisation) {
        return management.removeMember(id, new OrganisationId(organisation));
    }

    @PutMapping("/councils/{id}/members/{organisation}/liaison")
    @Operation(summary = "Name a member unit's new 联络员")
    CouncilView appoint(
            @PathVariable UUID id, @PathVariable UUID organisation, @Valid @RequestBody AppointLiaison command) {
        return management.appointLiaison(id, new OrganisationId(organisation), command);
    }

    /** The reason for opening a masked name, as the audit trail will record it. */
    record UnmaskRequest(@NotBlank @Size(max = 200) String reason) {}

    @PostMapping("/councils/{id}/members/{organisation}/unmask")
    @Operation(
            summary = "Open the full name of a member's 联络员",
            description = "Needs the unmask permission and the council in scope; the reason is audited.")
    Map<String, String> unmask(
            @PathVariable UUID id, @PathVariable UUID organisation, @Valid @RequestBody UnmaskRequest request) {
        return Map.of("liaisonName", management.unmaskLiaison(id, organisation, request.reason()));
    }
}
