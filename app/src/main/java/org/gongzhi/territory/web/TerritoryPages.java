package org.gongzhi.territory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryManagement;
import org.gongzhi.territory.TerritoryPermission;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Controller
class TerritoryPages {

    private final TerritoryQueries queries;
    private final TerritoryManagement management;
    private final JsonMapper json;
    private final AccessScopes scopes;
    private final Permissions may;
    private final org.gongzhi.platform.Notices notices;

    TerritoryPages(
            TerritoryQueries queries,
            TerritoryManagement management,
            JsonMapper json,
            AccessScopes scopes,
            Permissions may,
            org.gongzhi.platform.Notices notices) {
        this.queries = queries;
        this.management = management;
        this.json = json;
        this.scopes = scopes;
        this.may = may;
        this.notices = notices;
    }

    /** The map with the tree of units; {@code root} picks the 街道 (or any unit) drawn. */
    @GetMapping("/territory")
    String map(@RequestParam(required = false) String root, Model model) {
        List<UnitView> districts = queries.children(null);
        model.addAttribute("districts", districts);
        model.addAttribute(
                "subdistricts",
                districts.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                UnitView::code,
                                d -> queries.children(d.code()),
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)));
        // Staff see their own area first; visitors the first 街道.
        UnitView selected = root != null
                ? queries.requireByCode(root)
                : queries.homeUnit(scopes.current())
                        .orElseGet(() -> districts.stream()
                                .flatMap(d -> queries.children(d.code()).stream())
                                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("selected", selected);
        if (selected != null) {
            model.addAttribute("children", queries.children(selected.code()));
            model.addAttribute("lineage", queries.lineage(selected.id()));
            if (selected.kind() == UnitKind.SUBDISTRICT) {
                model.addAttribute("overlays", queries.overlays(selected.code()));
            }
        }
        return "territory/map";
    }

    /** One level of the tree, loaded when a node is opened. */
    @GetMapping("/territory/tree")
    String tree(@RequestParam String parent, Model model) {
        model.addAttribute("nodes", queries.children(parent));
        return "territory/tree :: nodes";
    }

    /**
     * One level of a unit picker's tree: below {@code parent}, or at the top of the viewer's scope (the districts for an
     * installation-wide one). Units of the {@code kind}s given can be chosen.
     */
    @GetMapping("/territory/picker")
    String picker(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) java.util.Set<UnitKind> kind,
            Model model) {
        List<UnitView> nodes;
        if (parent != null) {
            nodes = queries.children(parent);
        } else {
            var scope = scopes.current();
            nodes = scope.everything()
                    ? queries.children(null)
                    : queries
                            .units(scope.units().stream()
                                    .map(org.gongzhi.territory.UnitId::new)
                                    .toList())
                            .values()
                            .stream()
                            .sorted(java.util.Comparator.comparing(UnitView::kind)
                                    .thenComparing(UnitView::code))
                            .toList();
        }
        model.addAttribute("nodes", nodes);
        model.addAttribute(
                "kinds",
                kind == null
                        ? null
                        : String.join(",", kind.stream().map(Enum::name).toList()));
        model.addAttribute(
                "selectable", kind == null || kind.isEmpty() ? java.util.EnumSet.allOf(UnitKind.class) : kind);
        return "territory/picker :: nodes";
    }

    @GetMapping("/territory/units/{code}")
    String unit(@PathVariable String code, Model model) {
        UnitView unit = queries.requireByCode(code);
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", queries.lineage(unit.id()));
        model.addAttribute("children", queries.children(code));
        model.addAttribute("formerNames", queries.formerNames(code));
        model.addAttribute("overlays", unit.kind() == UnitKind.SUBDISTRICT ? queries.overlays(code) : List.of());
        return "territory/unit";
    }

    /** A 街巷 or a zone: what it is, its length or area, the 街道 that owns it and the 社区 it lies in, on the map. */
    @GetMapping("/territory/overlays/{code}")
    String overlay(@PathVariable String code, Model model) {
        TerritoryQueries.OverlayDetail detail =
                queries.overlay(code).orElseThrow(() -> DomainException.notFound("territory.overlay.not-found", code));
        model.addAttribute("overlay", detail.feature());
        model.addAttribute("subdistrict", detail.subdistrict());
        model.addAttribute("communities", detail.communities());
        model.addAttribute("lineage", queries.lineage(detail.subdistrict().id()));
        return "territory/overlay";
    }

    @GetMapping("/territory/export/{code}.geojson")
    ResponseEntity<String> download(@PathVariable String code) {
        String body = json.writeValueAsString(queries.export(code));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(code + ".geojson")
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(TerritoryApi.GEO_JSON))
                .body(body);
    }

    @GetMapping("/territory/import")
    String importForm() {
        may.require(TerritoryPermission.IMPORT);
        return "territory/import";
    }

    /**
     * A file to start an import from: one 网格 under 二里庄社区 in the FeatureCollection the import reads (units may
     * carry a Polygon in WGS84 degrees, or none).
     */
    @GetMapping(value = "/territory/import/sample.geojson")
    ResponseEntity<org.springframework.core.io.Resource> sample() {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("territory-sample.geojson")
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(TerritoryApi.GEO_JSON))
                .body(new org.springframework.core.io.ClassPathResource("territory/sample.geojson"));
    }

    /** Imports all or nothing, then shows the import page again with what was done (POST–redirect–GET). */
    @PostMapping("/territory/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            org.springframework.web.servlet.mvc.support.RedirectAttributes next)
            throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = json.readTree(in);
        } catch (JacksonException e) {
            throw DomainException.invalid("request.malformed");
        }
        var outcome = management.importCollection(root);
        notices.next(next, "import.done", outcome.created(), outcome.updated(), outcome.unchanged());
        return "redirect:/territory/import";
    }
}
