package org.gongzhi.open311.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.appeal.PublishedAppeal;
import org.gongzhi.appeal.PublishedFilter;
import org.gongzhi.appeal.SubmitAppeal;
import org.gongzhi.open311.ClientView;
import org.gongzhi.open311.Open311Clients;
import org.gongzhi.open311.Open311Requests;
import org.gongzhi.open311.domain.ClientStore;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under {@code /open311/v2}, each resource in JSON or XML
 * by its extension. Services are the active appeal categories (service_code = 小类 code); a request is an appeal
 * (service_request_id = tracking code) filed through the appeal module with a client's api_key; the request list is the
 * open record of appeals residents sent themselves, descriptions masked. Errors come in Open311's form ({@code
 * [{"code":…,"description":…}]}, XML {@code <errors><error>}) with the HTTP status: 400 bad input, 403 a missing or
 * revoked api_key, 404 an unknown jurisdiction, service, request or token, 429 with Retry-After over a client's rate.
 * Datetimes are ISO 8601 with the offset and no fractional seconds. Nothing is written on any error.
 */
@RestController
@RequestMapping("/open311/v2")
@Hidden
class GeoReportApi {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    static final int MAX_DESCRIPTION = 2000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Filing requests per client and minute, on each application node. */
    static final int REQUESTS_PER_MINUTE = 60;

    private static final String FORMAT = GeoReportApi.class.getName() + ".format";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final CategoryCatalogue categories;
    private final AppealQueries appeals;
    private final TerritoryQueries territory;
    private final Open311Clients clients;
    private final Open311Requests requests;
    private final ClientStore store;
    private final MessageSource messages;
    private final Map<UUID, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>());

    GeoReportApi(
            CategoryCatalogue categories,
            AppealQueries appeals,
            TerritoryQueries territory,
            Open311Clients clients,
            Open311Requests requests,
            ClientStore store,
            MessageSource messages) {
        this.categories = categories;
        this.appeals = appeals;
        this.territory = territory;
        this.clients = clients;
        this.requests = requests;
        this.store = store;
        this.messages = messages;
    }

    /** An Open311 error: the HTTP status and what to say. */
    static final class Failure extends RuntimeException {

        final int status;
        final long retryAfter;

        Failure(int status, String description) {
            this(status, description, 0);
        }

        Failure(int status, String description, long retryAfter) {
            super(description, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    // ------------------------------------------------------------------ discovery and services

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        String f = format(format, request);
        ObjectNode d = JSON.createObjectNode();
        d.put("changeset", "2026-12-03T00:00:00+08:00");
        d.put("contact", "共治 Gongzhi — 街道基层治理平台");
        d.put("key_service", base(request) + "/settings/open311");
        ArrayNode endpoints = d.putArray("endpoints");
        ObjectNode e = endpoints.addObject();
        e.put("specification", "http://wiki.open311.org/GeoReport_v2");
        e.put("url", base(request) + "/open311/v2");
        e.put("changeset", "2026-12-03T00:00:00+08:00");
        e.put("type", "production");
        ArrayNode formats = e.putArray("formats");
        formats.add("application/json");
        formats.add("text/xml");
        return send(f, "discovery", d, 200);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            HttpServletRequest request) {
        String f = format(format, request);
        jurisdiction(jurisdiction);
        ArrayNode list = JSON.createArrayNode();
        for (CategoryView c : categories.list()) {
            if (!c.active()) {
                continue;
            }
            ObjectNode s = list.addObject();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.filingCondition());
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put(
                    "keywords",
                    c.keywords() == null
                            ? null
                            : String.join(",", c.keywords().strip().split("\\s+")));
            s.put("group", c.majorName());
        }
        return send(f, "services", list, 200);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            HttpServletRequest request,
            Locale locale) {
        String f = format(format, request);
        jurisdiction(jurisdiction);
        CategoryView c = service(code);
        ObjectNode d = JSON.createObjectNode();
        d.put("service_code", c.code());
        ArrayNode attributes = d.putArray("attributes");
        ObjectNode type = attributes.addObject();
        type.put("variable", true);
        type.put("code", "appeal_type");
        type.put("datatype", "singlevaluelist");
        type.put("required", false);
        type.put("datatype_description", text("open311.attribute.appeal-type.hint", locale));
        type.put("order", 1);
        type.put("description", text("open311.attribute.appeal-type", locale));
        ArrayNode values = type.putArray("values");
        for (AppealType t : AppealType.values()) {
            ObjectNode v = values.addObject();
            v.put("key", t.name());
            v.put("name", text("appeal.type." + t.name(), locale));
        }
        // The category's 立案条件, shown to the person filing (not asked for).
        ObjectNode filing = attributes.addObject();
        filing.put("variable", false);
        filing.put("code", "filing_condition");
        filing.put("datatype", "text");
        filing.put("required", false);
        filing.putNull("datatype_description");
        filing.put("order", 2);
        filing.put("description", c.filingCondition());
        return send(f, "service_definition", d, 200);
    }

    // ------------------------------------------------------------------ filing a request

    @PostMapping(value = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> file(
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            Locale locale) {
        String f = format(format, request);
        ClientView client = clients.authenticate(one(params, "api_key"))
                .orElseThrow(() -> new Failure(403, text("open311.api-key", locale)));
        limit(client, locale);
        UnitView area = jurisdiction(one(params, "jurisdiction_id"));
        String serviceCode = one(params, "service_code");
        if (serviceCode == null) {
            throw new Failure(400, text("open311.service-code.required", locale));
        }
        CategoryView service = service(serviceCode);
        Double lat = coordinate(params, "lat", 90, locale);
        Double lng = coordinate(params, "long", 180, locale);
        if ((lat == null) != (lng == null)) {
            throw new Failure(400, text("open311.location.pair", locale));
        }
        String address = one(params, "address_string");
        if (lat == null && address == null) {
            throw new Failure(400, text("open311.location.required", locale));
        }
        area = placed(area, lat, lng, locale);
        String description = one(params, "description");
        if (description == null) {
            throw new Failure(400, text("open311.description.required", locale));
        }
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new Failure(400, text("open311.description.too-long", locale, MAX_DESCRIPTION));
        }
        String media = one(params, "media_url");
        if (media != null && !mediaUrl(media)) {
            throw new Failure(400, text("open311.media-url", locale));
        }
        AppealType type = AppealType.COMPLAINT;
        for (var p : params.entrySet()) {
            if (p.getKey().startsWith("attribute[") && p.getKey().endsWith("]")) {
                String name = p.getKey().substring(10, p.getKey().length() - 1);
                if (!name.equals("appeal_type")) {
                    throw new Failure(400, text("open311.attribute.unknown", locale, name));
                }
                try {
                    type = AppealType.valueOf(p.getValue().get(0).strip());
                } catch (IllegalArgumentException e) {
                    throw new Failure(400, text("open311.attribute.value", locale, name));
                }
            }
        }
        SubmitAppeal submission = new SubmitAppeal(
                type,
                service.code(),
                description,
                address,
                lat,
                lng,
                one(params, "phone"),
                area == null ? null : area.code(),
                null);
        Open311Requests.Filed filed;
        try {
            filed = requests.file(client, submission, media);
        } catch (DomainException e) {
            throw new Failure(status(e), describe(e, locale));
        }
        ArrayNode out = JSON.createArrayNode();
        ObjectNode r = out.addObject();
        r.put("service_request_id", filed.serviceRequestId());
        r.put("token", filed.token());
        r.put("service_notice", text("open311.filed", locale, service.name()));
        r.putNull("account_id");
        return ResponseEntity.status(201)
                .location(URI.create("/open311/v2/requests/" + filed.serviceRequestId() + "." + f))
                .contentType(type(f))
                .body(body(f, "service_requests", out));
    }

    /**
     * The 街道 the request belongs to: a point must lie in one we serve and, with a jurisdiction_id, in that one; an
     * address alone needs the jurisdiction_id, or the appeal would reach no street (400 otherwise).
     */
    private UnitView placed(UnitView area, Double lat, Double lng, Locale locale) {
        if (lat == null) {
            if (area == null) {
                throw new Failure(400, text("open311.jurisdiction.required", locale));
            }
            return area;
        }
        var street = territory.locate(lat, lng).map(l -> l.subdistrict()).orElse(null);
        if (street == null) {
            throw new Failure(400, text("open311.location.outside", locale));
        }
        if (area != null && !area.id().equals(street.id())) {
            throw new Failure(400, text("open311.location.other-jurisdiction", locale, street.name(), area.name()));
        }
        return area != null ? area : territory.unit(street.id()).orElseThrow();
    }

    private void limit(ClientView client, Locale locale) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    client.id(),
                    id -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(REQUESTS_PER_MINUTE)
                                    .refillGreedy(REQUESTS_PER_MINUTE, Duration.ofMinutes(1))
                                    .build())
                            .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new Failure(429, text("open311.rate-limited", locale, seconds), seconds);
        }
    }

    private static boolean mediaUrl(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private Double coordinate(MultiValueMap<String, String> params, String name, double bound, Locale locale) {
        String text = one(params, name);
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || v < -bound || v > bound) {
                throw new Failure(400, text("open311.location.range", locale, name, bound));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Failure(400, text("open311.location.range", locale, name, bound));
        }
    }

    // ------------------------------------------------------------------ reading requests

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(
            @PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            HttpServletRequest request,
            Locale locale) {
        String f = format(format, request);
        UnitView area = jurisdiction(jurisdiction);
        List<UUID> streets = area == null ? List.of() : List.of(area.id().value());
        PublishedFilter filter;
        if (ids != null && !ids.isBlank()) {
            // With ids, every other parameter is ignored (GeoReport v2).
            List<String> wanted = split(ids);
            if (wanted.size() > 100) {
                throw new Failure(400, text("open311.ids.too-many", locale, 100));
            }
            filter = new PublishedFilter(wanted, List.of(), null, null, null, List.of(), 1000);
        } else {
            Instant to = date(end, "end_date", locale, true);
            Instant from = date(start, "start_date", locale, false);
            if (to == null) {
                to = from == null ? Instant.now() : from.plus(DEFAULT_WINDOW);
            }
            if (from == null) {
                from = to.minus(DEFAULT_WINDOW);
            }
            if (!from.isBefore(to)) {
                throw new Failure(400, text("open311.dates.reversed", locale));
            }
            if (Duration.between(from, to).compareTo(DEFAULT_WINDOW) > 0) {
                throw new Failure(400, text("open311.dates.span", locale, 90));
            }
            Boolean closed = null;
            if (status != null && !status.isBlank()) {
                List<String> s = split(status.toLowerCase(Locale.ROOT));
                if (!List.of("open", "closed").containsAll(s)) {
                    throw new Failure(400, text("open311.status", locale));
                }
                closed = s.size() == 1 ? s.get(0).equals("closed") : null;
            }
            List<String> services = codes == null ? List.of() : split(codes);
            filter = new PublishedFilter(List.of(), services, from, to, closed, streets, 1000);
        }
        return send(f, "service_requests", requests(appeals.published(filter), locale), 200);
    }

    @GetMapping({"/requests/{id}.{format}", "/request/{id}.{format}"})
    ResponseEntity<String> one(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            HttpServletRequest request,
            Locale locale) {
        String f = format(format, request);
        jurisdiction(jurisdiction);
        List<PublishedAppeal> found =
                appeals.published(new PublishedFilter(List.of(id), List.of(), null, null, null, List.of(), 1));
        if (found.isEmpty()) {
            throw new Failure(404, text("open311.request.not-found", locale, id));
        }
        return send(f, "service_requests", requests(found, locale), 200);
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            HttpServletRequest request,
            Locale locale) {
        String f = format(format, request);
        jurisdiction(jurisdiction);
        String code = (token.length() > 64 ? Optional.<String>empty() : store.byToken(token))
                .orElseThrow(() -> new Failure(404, text("open311.token.not-found", locale)));
        ArrayNode out = JSON.createArrayNode();
        ObjectNode r = out.addObject();
        r.put("service_request_id", code);
        r.put("token", token);
        return send(f, "service_requests", out, 200);
    }

    private ArrayNode requests(List<PublishedAppeal> found, Locale locale) {
        Map<String, String> media = store.mediaUrls(
                found.stream().map(PublishedAppeal::trackingCode).toList());
        ArrayNode out = JSON.createArrayNode();
        for (PublishedAppeal a : found) {
            ObjectNode r = out.addObject();
            boolean closed = a.state() == AppealState.CLOSED || a.state() == AppealState.VOIDED;
            r.put("service_request_id", a.trackingCode());
            r.put("status", closed ? "closed" : "open");
            String notes = text("appeal.state." + a.state().name(), locale);
            if (a.closure() != null) {
                notes += "（" + text("appeal.closure." + a.closure().name(), locale) + "）";
            }
            if (a.answer() != null) {
                notes += "：" + a.answer();
            }
            r.put("status_notes", notes);
            r.put("service_name", a.categoryName());
            r.put("service_code", a.categoryCode() == null ? "" : a.categoryCode());
            r.put("description", a.description());
            r.put("agency_responsible", a.agency());
            r.putNull("service_notice");
            r.put("requested_datetime", time(a.registeredAt()));
            r.put("updated_datetime", time(a.updatedAt()));
            r.put("expected_datetime", time(a.resolutionDue()));
            r.put("address", a.address());
            r.putNull("address_id");
            r.putNull("zipcode");
            r.put("lat", a.latitude());
            r.put("long", a.longitude());
            r.put("media_url", media.get(a.trackingCode()));
        }
        return out;
    }

    /** ISO 8601 in Beijing time with the offset, to the second (no fractional seconds), or null. */
    static String time(Instant at) {
        return at == null
                ? null
                : DATE_TIME.format(
                        at.truncatedTo(ChronoUnit.SECONDS).atZone(BEIJING).toOffsetDateTime());
    }

    private Instant date(String text, String name, Locale locale, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BEIJING).toInstant();
            } catch (DateTimeParseException again) {
                throw new Failure(400, text("open311.dates.format", locale, name));
            }
        }
    }

    // ------------------------------------------------------------------ shared

    private UnitView jurisdiction(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return territory
                .unitByCode(code.strip())
                .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                .orElseThrow(
                        () -> new Failure(404, text("open311.jurisdiction", Locale.SIMPLIFIED_CHINESE, code.strip())));
    }

    private CategoryView service(String code) {
        return categories.list().stream()
                .filter(c -> c.active() && c.code().equalsIgnoreCase(code.strip()))
                .findFirst()
                .orElseThrow(() -> new Failure(404, text("open311.service", Locale.SIMPLIFIED_CHINESE, code.strip())));
    }

    private static String one(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String format(String format, HttpServletRequest request) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("xml")) {
            request.setAttribute(FORMAT, "json");
            throw new Failure(404, "json | xml");
        }
        request.setAttribute(FORMAT, f);
        return f;
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    private static int status(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            default -> 400;
        };
    }

    private String describe(DomainException e, Locale locale) {
        if (e.violations().isEmpty()) {
            return text(e.code(), locale, e.args().toArray());
        }
        List<String> parts = new ArrayList<>();
        for (var v : e.violations()) {
            parts.add(v.location() + ": " + text(v.code(), locale, v.args().toArray()));
        }
        return String.join("; ", parts);
    }

    private static ResponseEntity<String> send(String format, String root, JsonNode body, int status) {
        return ResponseEntity.status(status).contentType(type(format)).body(body(format, root, body));
    }

    private static MediaType type(String format) {
        return format.equals("xml")
                ? new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON;
    }

    private static String body(String format, String root, JsonNode body) {
        return format.equals("xml") ? Open311Xml.write(root, body) : JSON.writeValueAsString(body);
    }

    @ExceptionHandler(Failure.class)
    ResponseEntity<String> failed(Failure e, HttpServletRequest request) {
        String f = request.getAttribute(FORMAT) instanceof String s ? s : "json";
        ArrayNode errors = JSON.createArrayNode();
        ObjectNode error = errors.addObject();
        error.put("code", e.status);
        error.put("description", e.getMessage());
        var response = ResponseEntity.status(e.status).contentType(type(f));
        if (e.retryAfter > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter));
        }
        return response.body(body(f, "errors", errors));
    }
}
