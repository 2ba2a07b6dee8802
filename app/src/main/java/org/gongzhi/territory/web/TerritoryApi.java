package org.gongzhi.territory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.Location;
import org.gongzhi.territory.TerritoryImported;
import org.gongzhi.territory.TerritoryManagement;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/territory")
@Tag(name = "territory", description = "治理单元: hierarchy, boundaries, streets, zones and locate")
class TerritoryApi {

    static final String GEO_JSON = "application/geo+json";

    private final TerritoryQueries queries;
    private final TerritoryManagement management;
    private final org.gongzhi.platform.AccessScopes scopes;

    TerritoryApi(TerritoryQueries queries, TerritoryManagement management, org.gongzhi.platform.AccessScopes scopes) {
        this.queries = queries;
        this.management = management;
        this.scopes = scopes;
    }

    @GetMapping("/units")
    @Operation(summary = "Units directly below a parent (by code), or the top-level units")
    List<UnitView> units(@RequestParam(required = false) String parent) {
        return queries.children(parent);
    }

    @GetMapping("/units/search")
    @Operation(
            summary = "Units whose name contains the text, for pickers",
            description = "Names compared in NFKC lower case; names starting with the text first. inScope=true keeps"
                    + " to the signed-in account's scope.")
    List<org.gongzhi.territory.UnitChoice> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) java.util.Set<org.gongzhi.territory.UnitKind> kind,
            @RequestParam(defaultValue = "false") boolean inScope,
            @RequestParam(defaultValue = "20") int limit) {
        return queries.search(
                q, kind == null ? java.util.Set.of() : kind, inScope ? queries.within(scopes.current()) : null, limit);
    }

    /** Address text to look up, up to 200 characters; at most {@code limit} (1–20) candidates. */
    record AddressLookup(String text, Integer limit) {}

    @PostMapping("/address-candidates")
    @Operation(
            summary = "The units and streets an address names, best first, for the operator to confirm",
            description = "The text travels in the body (an address with a phone is personal data, so never in a"
                    + " URL). Chinese-aware: full/half width, Chinese or Arabic numerals and generic endings (社区,"
                    + " 小区 …) do not matter; a place whose surroundings are named too ranks higher. Only places in"
                    + " the signed-in account's scope. unitCode is what to register as the place, streetCode the"
                    + " street when the candidate is one.")
    List<org.gongzhi.territory.AddressCandidate> addressCandidates(@RequestBody AddressLookup lookup) {
        return queries.addressCandidates(
                lookup.text(), queries.within(scopes.current()), lookup.limit() == null ? 8 : lookup.limit());
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit, its lineage and former names")
    ResponseEntity<Map<String, Object>> unit(@PathVariable String code) {
        UnitView unit = queries.requireByCode(code);
        // The unit's version is its entity tag: what a revision sends back in If-Match.
        return ResponseEntity.ok()
                .eTag("\"" + unit.version() + "\"")
                .body(Map.of(
                        "unit", unit,
                        "lineage", queries.lineage(unit.id()),
                        "formerNames", queries.formerNames(code)));
    }

    @PostMapping(
            value = "/units",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON})
    @Operation(summary = "Register a unit given as a GeoJSON Feature (properties: kind, code, name, parentCode …)")
    ResponseEntity<UnitView> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = GEO_JSON, schema = @Schema(ref = GeoJsonDocumentation.FEATURE)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(ref = GeoJsonDocumentation.FEATURE))
                            })
                    @RequestBody
                    JsonNode feature) {
        UnitView created = management.register(feature);
        return ResponseEntity.created(URI.create("/api/v1/territory/units/" + created.code()))
                .eTag("\"" + created.version() + "\"")
                .body(created);
    }

    @PutMapping(
            value = "/units/{code}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON})
    @Operation(
            summary = "Revise a unit",
            description = "The version the editor saw goes in If-Match (a stale one gets 412) or in"
                    + " properties.version (a stale one gets 409); with neither, 428.")
    ResponseEntity<UnitView> revise(
            @PathVariable String code,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = GEO_JSON, schema = @Schema(ref = GeoJsonDocumentation.FEATURE)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(ref = GeoJsonDocumentation.FEATURE))
                            })
                    @RequestBody
                    JsonNode feature) {
        long expected = expectedVersion(ifMatch, feature, code);
        try {
            UnitView revised = management.revise(code, expected, feature);
            return ResponseEntity.ok().eTag("\"" + revised.version() + "\"").body(revised);
        } catch (DomainException e) {
            boolean precondition = ifMatch != null && !ifMatch.isBlank();
            throw precondition && e.code().equals("territory.version.stale") ? e.as(ErrorKind.PRECONDITION_FAILED) : e;
        }
    }

    private long expectedVersion(String ifMatch, JsonNode feature, String code) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            return IfMatch.expectedVersion(ifMatch, queries.requireByCode(code).version(), "territory.version.missing");
        }
        JsonNode v = feature.path("properties").path("version");
        if (v.isMissingNode() || v.isNull()) {
            throw new DomainException(
                    ErrorKind.PRECONDITION_REQUIRED,
                    "territory.version.missing",
                    java.util.List.of(),
                    java.util.List.of());
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw DomainException.invalid(List.of(Violation.of("properties.version", "validation.type", "version")));
        }
        return v.longValue();
    }

    @GetMapping("/locate")
    @Operation(summary = "The grid, community, block, subdistrict, district and zones containing a WGS84 point")
    Location locate(
            @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng) {
        return queries.locate(lat, lng)
                .orElseThrow(() ->
                        DomainException.notFound("territory.locate.outside", String.valueOf(lat), String.valueOf(lng)));
    }

    @GetMapping(value = "/export", produces = GEO_JSON)
    @Operation(summary = "A unit, everything below it and its streets and zones as a GeoJSON FeatureCollection")
    @ApiResponse(
            responseCode = "200",
            description = "The FeatureCollection",
            content = @Content(mediaType = GEO_JSON, schema = @Schema(ref = GeoJsonDocumentation.COLLECTION)))
    JsonNode export(@RequestParam String root) {
        return queries.export(root);
    }

    @PostMapping(
            value = "/import",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON})
    @Operation(
            summary = "Import a GeoJSON FeatureCollection, all or nothing",
            description = "Units are matched by code: new codes are created, known ones revised. Any bad feature"
                    + " refuses the whole file with 422 and an errors list naming each feature.")
    TerritoryImported importCollection(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = GEO_JSON, schema = @Schema(ref = GeoJsonDocumentation.COLLECTION)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(ref = GeoJsonDocumentation.COLLECTION))
                            })
                    @RequestBody
                    JsonNode collection) {
        return management.importCollection(collection);
    }
}
