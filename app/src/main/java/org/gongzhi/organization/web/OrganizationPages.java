package org.gongzhi.organization.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class OrganizationPages {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;
    private final TerritoryQueries territory;

    OrganizationPages(OrganizationQueries queries, OrganizationManagement management, TerritoryQueries territory) {
        this.queries = queries;
        this.management = management;
        this.territory = territory;
    }

    @GetMapping("/organizations")
    String list(
            @RequestParam(required = false) OrganisationKind.Group group,
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String unitCode = unit == null || unit.isBlank() ? null : unit;
        model.addAttribute("result", queries.list(new OrganisationFilter(kind, group, unitCode, q), page, 30));
        model.addAttribute("groups", OrganisationKind.Group.values());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("group", group);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unitCode);
        model.addAttribute("q", q);
        model.addAttribute(
                "jurisdictions",
                territory.children(null).stream()
                        .flatMap(d -> territory.children(d.code()).stream())
                        .toList());
        return "organization/list";
    }

    @GetMapping("/organizations/{id}")
    String one(@PathVariable UUID id, Model model) {
        OrganisationView o = queries.require(new OrganisationId(id));
        model.addAttribute("org", o);
        model.addAttribute("lineage", territory.lineage(o.unitId()));
        model.addAttribute(
                "parent",
                o.parentId() == null ? null : queries.organisation(o.parentId()).orElse(null));
        return "organization/detail";
    }

    @GetMapping("/organizations/import")
    String importForm() {
        return "organization/import";
    }

    @PostMapping("/organizations/import")
    String importWorkbook(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("outcome", management.importWorkbook(in));
        }
        return "organization/import";
    }

    @GetMapping("/councils")
    String councils(Model model) {
        model.addAttribute("councils", queries.councils());
        return "organization/councils";
    }

    @GetMapping("/councils/{id}")
    String council(@PathVariable UUID id, Model model) {
        model.addAttribute("council", queries.council(id));
        return "organization/council";
    }

    @GetMapping("/responsibility-lists")
    String lists(Model model) {
        model.addAttribute("lists", queries.responsibilityLists());
        return "organization/lists";
    }

    @GetMapping("/responsibility-lists/{id}")
    String responsibilityList(@PathVariable UUID id, Model model) {
        model.addAttribute("list", queries.responsibilityList(id));
        return "organization/responsibility-list";
    }
}
