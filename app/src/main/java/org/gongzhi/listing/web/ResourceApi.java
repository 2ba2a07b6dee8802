package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.BookingView;
import org.gongzhi.listing.Bookings;
import org.gongzhi.listing.ContactDetails;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.RequestBooking;
import org.gongzhi.listing.ResourceDetails;
import org.gongzhi.listing.ResourceFilter;
import org.gongzhi.listing.ResourceId;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ResourcePage;
import org.gongzhi.listing.ResourceView;
import org.gongzhi.listing.Resources;
import org.gongzhi.platform.IfMatch;
import org.springframework.http.CacheControl;
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

@RestController
@RequestMapping("/api/v1")
@Tag(name = "resources", description = "资源清单: what units open, pool or share, and the bookings of its slots")
class ResourceApi {

    private final Resources resources;
    private final Bookings bookings;
    private final org.gongzhi.listing.Matching matching;
    private final org.gongzhi.listing.ListWorkbooks workbooks;

    ResourceApi(
            Resources resources,
            Bookings bookings,
            org.gongzhi.listing.Matching matching,
            org.gongzhi.listing.ListWorkbooks workbooks) {
        this.workbooks = workbooks;
        this.resources = resources;
        this.bookings = bookings;
        this.matching = matching;
    }

    @GetMapping("/resources")
    @Operation(
            summary = "Resources the caller can see, by kind, openness, provider, bookability and text, newest first")
    ResourcePage list(
            @RequestParam(required = false) ResourceKind kind,
            @RequestParam(required = false) Openness openness,
            @RequestParam(required = false) UUID providerId,
            @RequestParam(required = false) Boolean bookable,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean withdrawn,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return resources.list(new ResourceFilter(kind, openness, providerId, bookable, q, withdrawn), page, size);
    }

    @GetMapping("/resources/{id}")
    @Operation(summary = "One resource, contact masked; the ETag carries the version to send back as If-Match")
    ResponseEntity<ResourceView> one(@PathVariable UUID id) {
        ResourceView r = resources.one(new ResourceId(id));
        return ResponseEntity.ok().eTag("\"" + r.version() + "\"").body(r);
    }

    @PostMapping("/resources")
    @Operation(
            summary = "Offer a resource for a unit",
            description = "A 联络员 offers for their own unit; street and community staff for units in their area. The"
                    + " point (WGS84) must lie in the territory; opening hours as `1-5 08:00-21:00; 6,7 09:00-17:00`.")
    ResponseEntity<ResourceView> offer(@RequestBody ResourceDetails details) {
        ResourceView r = resources.offer(details);
        return ResponseEntity.created(URI.create("/api/v1/resources/" + r.id()))
                .eTag("\"" + r.version() + "\"")
                .body(r);
    }

    @PutMapping("/resources/{id}")
    @Operation(
            summary = "Revise a resource",
            description = "If-Match carries the version read (the ETag): without it 428, a stale one 412. A contact"
                    + " field sent back masked, as it was shown, keeps the stored value.")
    ResponseEntity<ResourceView> revise(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody ResourceDetails details) {
        ResourceId rid = new ResourceId(id);
        ResourceView r = IfMatch.change(
                ifMatch,
                resources.one(rid).version(),
                "listing.resource.version.missing",
                "listing.resource.version.stale",
                expected -> resources.revise(rid, expected, details));
        return ResponseEntity.ok().eTag("\"" + r.version() + "\"").body(r);
    }

    @PostMapping("/resources/{id}/withdrawal")
    @Operation(summary = "Stop offering a resource (If-Match as for revising)")
    ResponseEntity<ResourceView> withdraw(
            @PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ResourceId rid = new ResourceId(id);
        ResourceView r = IfMatch.change(
                ifMatch,
                resources.one(rid).version(),
                "listing.resource.version.missing",
                "listing.resource.version.stale",
                expected -> resources.withdraw(rid, expected));
        return ResponseEntity.ok().eTag("\"" + r.version() + "\"").body(r);
    }

    /** The reason for opening personal data. */
    record Reason(String reason) {}

    @PostMapping("/resources/{id}/contact")
    @Operation(
            summary = "The contact's full name and number, with a reason (4–200 characters), audited",
            description = "Needs the permission to open personal data.")
    ResponseEntity<ContactDetails> contact(@PathVariable UUID id, @RequestBody Reason body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(resources.unmaskContact(new ResourceId(id), body == null ? null : body.reason()));
    }

    @GetMapping("/resources/{id}/bookings")
    @Operation(summary = "The resource's bookings overlapping [from, to) (ISO 8601 instants, at most 92 days)")
    List<BookingView> bookings(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to) {
        return bookings.ofResource(new ResourceId(id), from, to);
    }

    @PostMapping("/resources/{id}/bookings")
    @Operation(
            summary = "Request a slot of a bookable resource",
            description = "409 listing.booking.slot-taken when a requested, approved or used booking overlaps it;"
                    + " 422 for a slot in the past or outside the opening hours.")
    ResponseEntity<BookingView> book(@PathVariable UUID id, @RequestBody RequestBooking request) {
        BookingView b = bookings.request(new ResourceId(id), request);
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + b.id())).body(b);
    }

    @GetMapping("/resources/{id}/matches")
    @Operation(
            summary = "The open needs of its 街道 the resource could serve, ranked, each with its reasons",
            description = "Reasons: shared words and concepts, kind and service fit, walking metres, priority, past"
                    + " collaboration (ADR 0030).")
    org.gongzhi.listing.ResourceMatches matches(@PathVariable UUID id) {
        return matching.forResource(new org.gongzhi.listing.ResourceId(id));
    }

    @GetMapping(value = "/resources/workbook", produces = ListWorkbookPages.XLSX)
    @Operation(summary = "The 资源清单 the caller reads as .xlsx (contacts masked)")
    ResponseEntity<byte[]> exportResources() throws java.io.IOException {
        return ListWorkbookApi.export(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.RESOURCES);
    }

    @PostMapping(value = "/resources/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import resources from .xlsx all or nothing",
            description = "Each row is offered as by the form; any bad row refuses the file with 422 and an errors list"
                    + " naming row and column (rows[3].kind), and nothing is written.")
    java.util.Map<String, Integer> importResources(
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return ListWorkbookApi.load(workbooks, org.gongzhi.listing.ListWorkbooks.Kind.RESOURCES, file);
    }
}
