package org.gongzhi.listing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.listing.BookingId;
import org.gongzhi.listing.Bookings;
import org.gongzhi.listing.ListingPermission;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.RequestBooking;
import org.gongzhi.listing.ResourceFilter;
import org.gongzhi.listing.ResourceId;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ResourceView;
import org.gongzhi.listing.Resources;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 资源清单 pages: the list with filters, a resource with its next two weeks of bookings (booking form; the
 * managers approve, decline and cancel there), the offer and edit forms, and the caller's own bookings.
 */
@Controller
class ResourcePages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Resources resources;
    private final Bookings bookings;
    private final OrganizationQueries organisations;
    private final AccessScopes scopes;
    private final Permissions may;
    private final FormChecks forms;
    private final Notices notices;
    private final java.time.Clock clock;
    private final org.gongzhi.listing.Matching matching;

    ResourcePages(
            Resources resources,
            Bookings bookings,
            OrganizationQueries organisations,
            AccessScopes scopes,
            Permissions may,
            FormChecks forms,
            Notices notices,
            java.time.Clock clock,
            org.gongzhi.listing.Matching matching) {
        this.matching = matching;
        this.resources = resources;
        this.bookings = bookings;
        this.organisations = organisations;
        this.scopes = scopes;
        this.may = may;
        this.forms = forms;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/resources")
    String list(
            @RequestParam(required = false) ResourceKind kind,
            @RequestParam(required = false) Openness openness,
            @RequestParam(required = false) Boolean bookable,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute(
                "result", resources.list(new ResourceFilter(kind, openness, null, bookable, q, false), page, 30));
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("opennesses", Openness.values());
        model.addAttribute("kind", kind);
        model.addAttribute("openness", openness);
        model.addAttribute("bookable", bookable);
        model.addAttribute("q", q);
        return "listing/resources";
    }

    @GetMapping("/resources/{id}")
    String one(@PathVariable UUID id, Model model) {
        FormChecks.fresh(model);
        return detail(
                model, resources.one(new ResourceId(id)), BookingForm.empty(LocalDate.now(clock.withZone(BEIJING))));
    }

    private String detail(Model model, ResourceView r, BookingForm booking) {
        Instant from =
                LocalDate.now(clock.withZone(BEIJING)).atStartOfDay(BEIJING).toInstant();
        model.addAttribute("resource", r);
        model.addAttribute("manages", resources.mayManage(r));
        model.addAttribute("mayBook", r.bookable() && r.active() && may.to(ListingPermission.BOOK.code()));
        model.addAttribute("bookings", bookings.ofResource(r.id(), from, from.plus(java.time.Duration.ofDays(14))));
        model.addAttribute("booking", booking);
        model.addAttribute("me", currentName());
        model.addAttribute("matches", r.active() ? matching.forResource(r.id()).needs() : java.util.List.of());
        return "listing/resource";
    }

    @PostMapping("/resources/{id}/bookings")
    String book(
            @PathVariable UUID id,
            BookingForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        ResourceView r = resources.one(new ResourceId(id));
        FormChecks.fresh(model);
        Violations v = new Violations();
        LocalDate day = FormChecks.date("day", form.day(), v);
        LocalTime from = time("from", form.from(), v);
        LocalTime to = time("to", form.to(), v);
        Integer attendees = null;
        var a = FormChecks.decimal("attendees", form.attendees(), v);
        if (a != null) {
            try {
                attendees = a.intValueExact();
            } catch (ArithmeticException e) {
                v.add("attendees", "form.number");
            }
        }
        if (!v.isEmpty()) {
            response.setStatus(forms.show(v, model, locale));
            return detail(model, r, form);
        }
        try {
            Instant start = day == null || from == null
                    ? null
                    : day.atTime(from).atZone(BEIJING).toInstant();
            Instant end = day == null || to == null
                    ? null
                    : (to.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(to))
                            .atZone(BEIJING)
                            .toInstant();
            bookings.request(new ResourceId(id), new RequestBooking(start, end, form.purpose(), attendees, null, null));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
            return detail(model, r, form);
        }
        notices.next(next, "listing.page.booking.requested");
        return "redirect:/resources/" + id;
    }

    private static LocalTime time(String field, String text, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(field, "validation.NotBlank", field);
            return null;
        }
        try {
            return text.strip().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "listing.page.time");
            return null;
        }
    }

    /** Approve, decline, cancel or give feedback from the resource page; a refusal comes back at the page's top. */
    @PostMapping("/bookings/{id}/{step}")
    String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer attended,
            @RequestParam(required = false) String back,
            RedirectAttributes next) {
        BookingId bid = new BookingId(id);
        var before = bookings.one(bid);
        try {
            switch (step) {
                case "approval" -> bookings.approve(bid, note);
                case "declination" -> bookings.decline(bid, note);
                case "cancellation" -> bookings.cancel(bid, note);
                case "feedback" -> bookings.feedback(bid, rating, comment, attended);
                default -> throw DomainException.notFound("listing.booking.not-found");
            }
            notices.next(next, "listing.page.booking.done." + step);
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "mine".equals(back) ? "redirect:/bookings" : "redirect:/resources/" + before.resourceId();
    }

    @GetMapping("/bookings")
    String mine(Model model) {
        model.addAttribute("bookings", bookings.mine());
        model.addAttribute("now", clock.instant());
        return "listing/bookings";
    }

    @GetMapping("/resources/new")
    String newForm(Model model) {
        may.require(ListingPermission.MANAGE_RESOURCES);
        var scope = scopes.current();
        String provider = null;
        String providerName = null;
        if (scope.organisations().size() == 1) {
            UUID only = scope.organisations().iterator().next();
            provider = only.toString();
            providerName = organisations
                    .organisation(new OrganisationId(only))
                    .map(o -> o.name())
                    .orElse(null);
        }
        return form(model, ResourceForm.empty(provider, providerName), null, Map.of());
    }

    @PostMapping("/resources")
    String offer(ResourceForm form, Model model, Locale locale, HttpServletResponse response) {
        Violations v = new Violations();
        var details = form.details(v);
        if (!v.isEmpty()) {
            FormChecks.addUnseen(v, resources.problemsWith(details));
        }
        if (v.isEmpty()) {
            try {
                return "redirect:/resources/" + resources.offer(details).id();
            } catch (DomainException e) {
                if (e.violations().isEmpty()) {
                    throw e;
                }
                v.addAll(e.violations());
            }
        }
        response.setStatus(forms.show(v, model, locale));
        return form(model, form, null, null);
    }

    @GetMapping("/resources/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        ResourceView r = resources.one(new ResourceId(id));
        if (!resources.mayManage(r)) {
            throw DomainException.forbidden("scope.outside");
        }
        return form(model, ResourceForm.of(r), id, Map.of());
    }

    @PostMapping("/resources/{id}")
    String revise(@PathVariable UUID id, ResourceForm form, Model model, Locale locale, HttpServletResponse response) {
        if (form.version() == null) {
            throw DomainException.invalid("listing.resource.version.missing");
        }
        Violations v = new Violations();
        var details = form.details(v);
        if (v.isEmpty()) {
            try {
                resources.revise(new ResourceId(id), form.version(), details);
                return "redirect:/resources/" + id;
            } catch (DomainException e) {
                response.setStatus(forms.show(e, model, locale));
                return form(model, form, id, null);
            }
        }
        response.setStatus(forms.show(v, model, locale));
        return form(model, form, id, null);
    }

    @PostMapping("/resources/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam long version, RedirectAttributes next) {
        try {
            resources.withdraw(new ResourceId(id), version);
            notices.next(next, "listing.page.withdrawn");
        } catch (DomainException e) {
            notices.refused(next, e);
        }
        return "redirect:/resources/" + id;
    }

    private String form(Model model, ResourceForm form, UUID id, Map<String, String> errors) {
        if (errors != null) {
            model.addAttribute("errors", errors);
            model.addAttribute("problem", null);
        }
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("opennesses", Openness.values());
        model.addAttribute("services", org.gongzhi.listing.ServiceCategory.values());
        return "listing/resource-form";
    }

    private String currentName() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth == null ? null : auth.getName();
    }

    /** The booking form on a resource's page, as typed. */
    record BookingForm(String day, String from, String to, String purpose, String attendees) {

        static BookingForm empty(LocalDate today) {
            return new BookingForm(today.plusDays(1).toString(), "09:00", "11:00", null, null);
        }
    }
}
