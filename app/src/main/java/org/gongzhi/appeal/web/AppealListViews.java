package org.gongzhi.appeal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.gongzhi.appeal.AppealExports;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The appeal list seen otherwise: on the territory map (/appeals/map, markers from /appeals/markers) and as a
 * watermarked, audited .xlsx (/appeals/export), both with the list's filters and within the viewer's scope.
 */
@Controller
class AppealListViews {

    /** The .xlsx media type. */
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AppealQueries queries;
    private final AppealExports exports;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final Clock clock;
    private final FormChecks forms;

    AppealListViews(
            AppealQueries queries,
            AppealExports exports,
            TerritoryQueries territory,
            AccessScopes scopes,
            Clock clock,
            FormChecks forms) {
        this.forms = forms;
        this.queries = queries;
        this.exports = exports;
        this.territory = territory;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * The list as filtered, as a watermarked .xlsx (see {@link AppealExports}); audited. A POST with the CSRF token: a
     * link another site embeds cannot make someone's browser export (and be recorded exporting).
     */
    @PostMapping("/appeals/export")
    ResponseEntity<byte[]> export(ListParams params) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(params.filter(false), out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("appeals-" + LocalDate.now(clock) + ".xlsx")
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    /**
     * The map: the viewer's area drawn from the territory's GeoJSON, each appeal with a point as a marker coloured by
     * its traffic light, the others counted on their 社区.
     */
    @GetMapping("/appeals/map")
    String map(
            ListParams params,
            @RequestParam(required = false) String root,
            Model model,
            java.util.Locale locale,
            jakarta.servlet.http.HttpServletResponse response) {
        UnitView area = root != null && !root.isBlank()
                ? territory.unitByCode(root.strip()).orElse(null)
                : territory.homeUnit(scopes.current()).orElse(null);
        if (area == null) {
            area = territory.subdistricts().stream().findFirst().orElse(null);
        }
        model.addAttribute("area", area);
        UnitView shown = area;
        // Only the 街道 the viewer may see appeals in: another's would show an empty map.
        var scope = scopes.current();
        var within = scope.everything() ? null : territory.within(scope);
        model.addAttribute(
                "subdistricts",
                territory.subdistricts().stream()
                        .filter(s -> within == null
                                || within.contains(s.id())
                                || (shown != null && s.id().equals(shown.id())))
                        .toList());
        model.addAttribute("kept", params.kept());
        ListParams.Read read = params.read(false);
        model.addAttribute("filter", read.filter());
        FormChecks.fresh(model);
        if (!read.problems().isEmpty()) {
            // Said beside the fields; the map shows the area without markers.
            response.setStatus(forms.show(read.problems(), model, locale));
        }
        model.addAttribute("markersShown", read.problems().isEmpty());
        String suffix = params.query().isEmpty() ? "" : "?" + params.query();
        model.addAttribute("listLink", "/appeals" + suffix);
        model.addAttribute("maxMarkers", AppealQueries.MAX_MARKERS);
        model.addAttribute("states", org.gongzhi.appeal.AppealState.values());
        model.addAttribute("lights", org.gongzhi.appeal.TrafficLight.values());
        model.addAttribute("markersLink", "/appeals/markers" + suffix);
        return "appeal/map";
    }
}
