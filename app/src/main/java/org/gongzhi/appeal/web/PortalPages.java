package org.gongzhi.appeal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongzhi.appeal.AppealManagement;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.AppealType;
import org.gongzhi.appeal.RegisteredAppeal;
import org.gongzhi.appeal.SubmitAppeal;
import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.IdempotentRequests;
import org.gongzhi.shared.Digests;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident portal on a phone: send an appeal with photos and a point on the map (signed in or not), get its
 * tracking code and secret token once, follow it with them, and — signed in — see one's own appeals. A form sent twice
 * (a double tap, a reload) registers one appeal: the form carries a key of its own (Idempotency-Key semantics).
 */
@Controller
class PortalPages {

    private final AppealManagement management;
    private final AppealQueries queries;
    private final TerritoryQueries territory;
    private final IdempotentRequests idempotent;
    private final ActorResolver actors;
    private final FormChecks forms;
    private final org.springframework.context.MessageSource messages;
    private final org.gongzhi.appeal.FollowUps followUps;

    PortalPages(
            AppealManagement management,
            AppealQueries queries,
            TerritoryQueries territory,
            IdempotentRequests idempotent,
            ActorResolver actors,
            FormChecks forms,
            org.springframework.context.MessageSource messages,
            org.gongzhi.appeal.FollowUps followUps) {
        this.messages = messages;
        this.followUps = followUps;
        this.management = management;
        this.queries = queries;
        this.territory = territory;
        this.idempotent = idempotent;
        this.actors = actors;
        this.forms = forms;
    }

    /** The report form as typed. */
    record ReportForm(
            String type,
            String categoryCode,
            String categoryCodeText,
            String content,
            String address,
            String latitude,
            String longitude,
            String contactPhone,
            String area,
            String submission) {}

    @GetMapping("/report")
    String report(Model model) {
        FormChecks.fresh(model);
        return reportPage(
                model,
                new ReportForm(
                        AppealType.COMPLAINT.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        UUID.randomUUID().toString()));
    }

    private String reportPage(Model model, ReportForm form) {
        model.addAttribute("form", form);
        model.addAttribute("types", AppealType.values());
        model.addAttribute("subdistricts", territory.subdistricts());
        return "appeal/report";
    }

    @PostMapping("/report")
    String submit(
            ReportForm form,
            @RequestParam(value = "photos", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal Object principal,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next)
            throws IOException {
        Violations v = new Violations();
        AppealType type = FormChecks.choice(AppealType.class, "type", form.type(), v);
        Double lat = coordinate("latitude", form.latitude(), v);
        Double lng = coordinate("longitude", form.longitude(), v);
        FormChecks.picked("categoryCode", form.categoryCode(), form.categoryCodeText(), v);
        List<byte[]> photos = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder(String.join(
                "\u001f",
                String.valueOf(form.type()),
                String.valueOf(form.categoryCode()),
                String.valueOf(form.content()),
                String.valueOf(form.address()),
                String.valueOf(form.latitude()),
                String.valueOf(form.longitude()),
                String.valueOf(form.contactPhone()),
                String.valueOf(form.area())));
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                byte[] bytes = f.getBytes();
                photos.add(bytes);
                fingerprint.append('\u001f').append(Digests.sha256Hex(bytes));
            }
        }
        UUID resident = principal instanceof ResidentPrincipal r ? r.residentId() : null;
        SubmitAppeal submission = new SubmitAppeal(
                type,
                form.categoryCode(),
                form.content(),
                form.address(),
                lat,
                lng,
                form.contactPhone(),
                form.area(),
                resident);
        try {
            v.throwIfAny();
            String key = form.submission() == null || form.submission().isBlank()
                    ? UUID.randomUUID().toString()
                    : form.submission();
            IdempotentRequests.Response r =
                    idempotent.once(actors.current().name() + "/report", key, fingerprint.toString(), () -> {
                        RegisteredAppeal registered = management.submit(submission, photos);
                        return new IdempotentRequests.Response(
                                201, null, registered.appeal().trackingCode() + " " + registered.token());
                    });
            String[] parts = r.body().split(" ");
            next.addFlashAttribute("trackingCode", parts[0]);
            next.addFlashAttribute("token", parts[1]);
            return "redirect:/report/done";
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(forms.show(e, model, locale));
            if (e.code().equals("idempotency.key-reused")) {
                // This form was sent before with other content (back after sending, then edited): say so, and let
                // what is typed now go as a new appeal.
                model.addAttribute("problem", messages.getMessage("appeal.portal.already-sent", null, locale));
                return reportPage(model, fresh(form));
            }
            return reportPage(model, form);
        }
    }

    private static ReportForm fresh(ReportForm f) {
        return new ReportForm(
                f.type(),
                f.categoryCode(),
                f.categoryCodeText(),
                f.content(),
                f.address(),
                f.latitude(),
                f.longitude(),
                f.contactPhone(),
                f.area(),
                UUID.randomUUID().toString());
    }

    private static Double coordinate(String field, String text, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            v.add(field, "appeal.location." + field + "-range");
            return null;
        }
    }

    @GetMapping("/report/done")
    String done(Model model) {
        if (!model.containsAttribute("trackingCode")) {
            // Reloaded: the token was shown once and is not kept; following by code and token still works.
            return "redirect:/track";
        }
        return "appeal/report-done";
    }

    @GetMapping("/track")
    String trackForm(Model model) {
        FormChecks.fresh(model);
        return "appeal/track";
    }

    @PostMapping("/track")
    String track(
            @RequestParam(required = false) String trackingCode,
            @RequestParam(required = false) String token,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        FormChecks.fresh(model);
        model.addAttribute("trackingCode", trackingCode);
        try {
            var tracked = queries.track(trackingCode, token);
            model.addAttribute("tracked", tracked);
            // The code and token proved the reporter: the link to rate the answer carries its key.
            model.addAttribute("followUpKey", followUps.key(tracked.trackingCode()));
        } catch (DomainException e) {
            response.setStatus(404);
            model.addAttribute("problem", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        return "appeal/track";
    }

    @GetMapping("/resident/appeals")
    String mine(@AuthenticationPrincipal ResidentPrincipal resident, Model model) {
        model.addAttribute("appeals", queries.ofResident(resident.residentId()));
        return "appeal/mine";
    }

    @GetMapping("/resident/appeals/{code}")
    String one(@AuthenticationPrincipal ResidentPrincipal resident, @PathVariable String code, Model model) {
        FormChecks.fresh(model);
        model.addAttribute("tracked", queries.ofResident(resident.residentId(), code));
        model.addAttribute("own", true);
        model.addAttribute("form", FollowUpPages.RatingForm.EMPTY);
        return "appeal/track";
    }
}
