package org.gongzhi.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.organization.Cadence;
import org.gongzhi.organization.DrawResponsibilityList;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.organization.RecordDutyDone;
import org.gongzhi.organization.ResponsibilityListView;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.Notices;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 责任清单 in the browser: the lists of the viewer's area, drawing one (parties across, duties down, each duty with its
 * owner, cadence and evidence) and recording a duty done. Changes answer with a redirect (POST–redirect–GET).
 */
@Controller
class ResponsibilityListPages {

    private static final Pattern ROW = Pattern.compile("^(parties|duties)\\[(\\d+)](.*)$");

    private final OrganizationQueries queries;
    private final OrganizationManagement management;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final FormChecks forms;
    private final Notices notices;
    private final Permissions may;
    private final Clock clock;

    ResponsibilityListPages(
            OrganizationQueries queries,
            OrganizationManagement management,
            TerritoryQueries territory,
            AccessScopes scopes,
            FormChecks forms,
            Notices notices,
            Permissions may,
            Clock clock) {
        this.queries = queries;
        this.management = management;
        this.territory = territory;
        this.scopes = scopes;
        this.forms = forms;
        this.notices = notices;
        this.may = may;
        this.clock = clock;
    }

    /** The lists for spaces in the viewer's area ({@code all=true}: every list); visitors see all of them. */
    @GetMapping("/responsibility-lists")
    String lists(@RequestParam(defaultValue = "false") boolean all, Model model) {
        var area = all ? null : territory.homeArea(scopes.current()).orElse(null);
        model.addAttribute(
                "lists",
                queries.responsibilityLists().stream()
                        .filter(l -> area == null || area.covers(l.unitId()))
                        .toList());
        model.addAttribute("home", area == null ? null : area.unit());
        return "organization/lists";
    }

    @GetMapping("/responsibility-lists/new")
    String drawForm(Model model) {
        may.require(OrganizationPermission.DRAW_LIST);
        FormChecks.fresh(model);
        return drawPage(model, ListForm.blank());
    }

    @PostMapping("/responsibility-lists")
    String draw(
            HttpServletRequest request,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        ListForm form = ListForm.of(request);
        // What the form itself finds names the rows as posted; the command's checks count only the filled rows.
        Violations violations = new Violations();
        DrawResponsibilityList command = form.command(violations);
        Violations compacted = new Violations();
        forms.validate(command, compacted);
        violations.addAll(form.onRows(compacted.list()).list());
        try {
            if (violations.isEmpty()) {
                ResponsibilityListView drawn = management.drawResponsibilityList(command);
                notices.next(next, "list.drawn", drawn.title());
                return "redirect:/responsibility-lists/" + drawn.id();
            }
            response.setStatus(forms.show(violations, model, locale));
        } catch (DomainException e) {
            response.setStatus(forms.show(
                    new DomainException(
                            e.kind(),
                            e.code(),
                            e.args(),
                            form.onRows(e.violations()).list()),
                    model,
                    locale));
        }
        return drawPage(model, form);
    }

    private String drawPage(Model model, ListForm form) {
        model.addAttribute("form", form);
        model.addAttribute("cadences", Cadence.values());
        return "organization/list-form";
    }

    @GetMapping("/responsibility-lists/{id}")
    String responsibilityList(@PathVariable UUID id, Model model) {
        FormChecks.fresh(model);
        return listPage(id, model, null, null, null, null);
    }

    private String listPage(UUID id, Model model, String duty, String doneOn, String evidence, String note) {
        ResponsibilityListView list = queries.responsibilityList(id);
        model.addAttribute("list", list);
        model.addAttribute(
                "atUnit",
                list.unitId() == null ? null : queries.atUnit(new org.gongzhi.territory.UnitId(list.unitId())));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("entry", new RecordForm(duty, doneOn, evidence, note));
        return "organization/responsibility-list";
    }

    /** Records from the page that a duty was done; a refused record shows why beside each field and keeps nothing. */
    @PostMapping("/responsibility-lists/{id}/records")
    String recordDutyDone(
            @PathVariable UUID id,
            @RequestParam(required = false) String duty,
            @RequestParam(required = false) String doneOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidence,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        Violations violations = new Violations();
        Integer number = null;
        try {
            number = duty == null || duty.isBlank() ? null : Integer.valueOf(duty.strip());
        } catch (NumberFormatException e) {
            violations.add("duty", "form.choose");
        }
        if (number == null && violations.isEmpty()) {
            violations.add("duty", "validation.NotNull", "duty");
        }
        RecordDutyDone command = new RecordDutyDone(FormChecks.date("doneOn", doneOn, violations), note, evidence);
        forms.validate(command, violations);
        if (!violations.isEmpty()) {
            FormChecks.addUnseen(violations, management.problemsWith(command));
        }
        try {
            if (violations.isEmpty()) {
                management.recordDutyDone(id, number, command);
                notices.next(next, "list.recorded", number, command.doneOn());
                return "redirect:/responsibility-lists/" + id + "#records";
            }
            response.setStatus(forms.show(violations, model, locale));
        } catch (DomainException e) {
            response.setStatus(forms.show(e, model, locale));
        }
        return listPage(id, model, duty, doneOn, evidence, note);
    }

    /** The record-a-duty form as typed. */
    record RecordForm(String duty, String doneOn, String evidence, String note) {}

    /** One party row as typed: a name and, optionally, the organisation it is (picked). */
    record PartyRow(String name, String organisationId, String organisationName) {

        boolean blank() {
            return isBlank(name) && isBlank(organisationId) && isBlank(organisationName);
        }
    }

    /** One duty row as typed; the owner is a party's row key ({@code p1}, {@code p2} …). */
    record DutyRow(String description, String owner, String cadence, String evidence) {

        boolean blank() {
            return isBlank(description) && isBlank(evidence);
        }
    }

    /** The draw-a-list form as typed, rows in the order shown. */
    record ListForm(
            String title,
            String unitCode,
            String unitName,
            String mechanism,
            List<PartyRow> parties,
            List<DutyRow> duties) {

        static ListForm blank() {
            List<PartyRow> parties = new ArrayList<>();
            List<DutyRow> duties = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parties.add(new PartyRow(null, null, null));
                duties.add(new DutyRow(null, null, null, null));
            }
            return new ListForm(null, null, null, null, parties, duties);
        }

        static ListForm of(HttpServletRequest request) {
            String[] names = values(request, "partyName");
            String[] orgs = values(request, "partyOrganisation");
            String[] orgNames = values(request, "partyOrganisationText");
            List<PartyRow> parties = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                parties.add(new PartyRow(names[i], at(orgs, i), at(orgNames, i)));
            }
            String[] descriptions = values(request, "dutyDescription");
            String[] owners = values(request, "dutyOwner");
            String[] cadences = values(request, "dutyCadence");
            String[] evidence = values(request, "dutyEvidence");
            List<DutyRow> duties = new ArrayList<>();
            for (int i = 0; i < descriptions.length; i++) {
                duties.add(new DutyRow(descriptions[i], at(owners, i), at(cadences, i), at(evidence, i)));
            }
            return new ListForm(
                    request.getParameter("title"),
                    request.getParameter("unitCode"),
                    request.getParameter("unitCodeText"),
                    request.getParameter("mechanism"),
                    parties,
                    duties);
        }

        /** The command from the rows that are not blank; parties keyed p1, p2 … by their row. */
        DrawResponsibilityList command(Violations violations) {
            FormChecks.picked("unitCode", unitCode, unitName, violations);
            List<DrawResponsibilityList.PartyInput> partyInputs = new ArrayList<>();
            for (int row : filled(true)) {
                PartyRow p = parties.get(row);
                FormChecks.picked(
                        "parties[" + row + "].organisationId", p.organisationId(), p.organisationName(), violations);
                partyInputs.add(new DrawResponsibilityList.PartyInput(
                        "p" + (row + 1),
                        p.name(),
                        FormChecks.id("parties[" + row + "].organisationId", p.organisationId(), violations)));
            }
            List<DrawResponsibilityList.DutyInput> dutyInputs = new ArrayList<>();
            int number = 1;
            for (int row : filled(false)) {
                DutyRow d = duties.get(row);
                Cadence cadence =
                        FormChecks.choice(Cadence.class, "duties[" + row + "].cadence", d.cadence(), violations);
                dutyInputs.add(new DrawResponsibilityList.DutyInput(
                        number++, d.description(), d.owner(), cadence, d.evidence()));
            }
            return new DrawResponsibilityList(
                    title, isBlank(unitCode) ? null : unitCode.strip(), mechanism, partyInputs, dutyInputs, false);
        }

        /** Indices of the rows that are not blank. */
        List<Integer> filled(boolean partiesWanted) {
            List<Integer> rows = new ArrayList<>();
            int size = partiesWanted ? parties.size() : duties.size();
            for (int i = 0; i < size; i++) {
                boolean blank =
                        partiesWanted ? parties.get(i).blank() : duties.get(i).blank();
                if (!blank) {
                    rows.add(i);
                }
            }
            return rows;
        }

        /**
         * Moves violations about the command's rows ({@code duties[0]…}, counting only filled rows) onto the rows as
         * posted, so each message lands beside the row the person typed.
         */
        Violations onRows(List<Violation> found) {
            List<Integer> partyRows = filled(true);
            List<Integer> dutyRows = filled(false);
            Violations moved = new Violations();
            for (Violation v : found) {
                Matcher m = ROW.matcher(v.location() == null ? "" : v.location());
                if (m.matches()) {
                    List<Integer> rows = m.group(1).equals("parties") ? partyRows : dutyRows;
                    int index = Integer.parseInt(m.group(2));
                    int row = index < rows.size() ? rows.get(index) : index;
                    moved.addAll(List.of(new Violation(m.group(1) + "[" + row + "]" + m.group(3), v.code(), v.args())));
                } else {
                    moved.addAll(List.of(v));
                }
            }
            return moved;
        }

        private static String[] values(HttpServletRequest request, String name) {
            String[] v = request.getParameterValues(name);
            return v == null ? new String[0] : v;
        }

        private static String at(String[] values, int i) {
            return i < values.length ? values[i] : null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
