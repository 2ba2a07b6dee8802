package org.gongzhi.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.gongzhi.organization.domain.CheckedDetails;
import org.gongzhi.organization.domain.Council;
import org.gongzhi.organization.domain.CouncilMembers;
import org.gongzhi.organization.domain.CouncilRepository;
import org.gongzhi.organization.domain.DutyRecords;
import org.gongzhi.organization.domain.Organisation;
import org.gongzhi.organization.domain.OrganisationRepository;
import org.gongzhi.organization.domain.OrganisationRules;
import org.gongzhi.organization.domain.OrganisationWorkbook;
import org.gongzhi.organization.domain.OrganizationScope;
import org.gongzhi.organization.domain.ResponsibilityList;
import org.gongzhi.organization.domain.ResponsibilityListRepository;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.Dates;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Label;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to organisations, councils and responsibility lists. */
@Service
@Transactional
public class OrganizationManagement {

    private final OrganisationRepository organisations;
    private final CouncilRepository councils;
    private final ResponsibilityListRepository lists;
    private final CouncilMembers members;
    private final DutyRecords records;
    private final OrganisationRules rules;
    private final OrganisationWorkbook workbook;
    private final OrganizationQueries queries;
    private final TerritoryQueries territory;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final OrganizationScope scope;
    private final Permissions may;
    private final ActorResolver actors;
    private final Clock clock;

    OrganizationManagement(
            OrganisationRepository organisations,
            CouncilRepository councils,
            ResponsibilityListRepository lists,
            CouncilMembers members,
            DutyRecords records,
            OrganisationRules rules,
            OrganisationWorkbook workbook,
            OrganizationQueries queries,
            TerritoryQueries territory,
            ApplicationEventPublisher events,
            AuditTrail audit,
            OrganizationScope scope,
            Permissions may,
            ActorResolver actors,
            Clock clock) {
        this.organisations = organisations;
        this.councils = councils;
        this.lists = lists;
        this.members = members;
        this.records = records;
        this.rules = rules;
        this.workbook = workbook;
        this.queries = queries;
        this.territory = territory;
        this.events = events;
        this.audit = audit;
        this.scope = scope;
        this.may = may;
        this.actors = actors;
        this.clock = clock;
    }

    public OrganisationView register(OrganisationDetails details) {
        may.require(OrganizationPermission.REGISTER);
        Violations violations = new Violations();
        CheckedDetails checked = rules.check(details, null, Function.identity(), Map.of(), violations);
        violations.throwIfAny();
        may.require(OrganizationPermission.REGISTER, checked.unitId());
        scope.requireLinkable(checked.parentId(), checked.unitId(), "parentId");
        Organisation saved = organisations.save(Organisation.register(UUID.randomUUID(), checked));
        audit.record(registered(saved));
        return queries.require(new OrganisationId(saved.id()));
    }

    /**
     * What registering {@code details} would be refused for, without registering anything: for forms that show every
     * problem at once, including those found beside fields that could not be read.
     */
    @Transactional(readOnly = true)
    public List<Violation> problemsWith(OrganisationDetails details) {
        Violations violations = new Violations();
        rules.check(details, null, Function.identity(), Map.of(), violations);
        return violations.list();
    }

    /** Revises an organisation; refused as a conflict when it changed since the editor read {@code expectedVersion}. */
    /** The organisation as its editor sees it; refused like an edit when it lies outside the editor's scope. */
    @Transactional(readOnly = true)
    public OrganisationView forEditing(OrganisationId id) {
        Organisation o = organisations
                .findById(id.value())
                .orElseThrow(() -> DomainException.notFound("organization.not-found", id));
        may.requireOrganisation(OrganizationPermission.REVISE, o.id(), o.unitId());
        return queries.require(id);
    }

    public OrganisationView revise(OrganisationId id, long expectedVersion, OrganisationDetails details) {
        Organisation o = organisations
                .findById(id.value())
                .orElseThrow(() -> DomainException.notFound("organization.not-found", id));
        may.requireOrganisation(OrganizationPermission.REVISE, o.id(), o.unitId());
        if (o.version() != expectedVersion) {
            throw DomainException.conflict("organization.version.stale", expectedVersion, o.version());
        }
        Violations violations = new Violations();
        CheckedDetails checked = rules.check(details, o.id(), Function.identity(), Map.of(), violations);
        violations.throwIfAny();
        may.require(OrganizationPermission.REVISE, checked.unitId());
        if (!java.util.Objects.equals(checked.parentId(), o.parentId())) {
            scope.requireLinkable(checked.parentId(), checked.unitId(), "parentId");
        }
        var before = o.summary();
        if (o.revise(checked)) {
            organisations.save(o);
            audit.record(revised(o, before));
        }
        return queries.require(id);
    }

    /**
     * Imports an organisation workbook all or nothing: rows with an ID revise that organisation, rows without one
     * register a new one. Any bad row refuses the whole workbook, naming every row and column at fault.
     */
    public OrganisationsImported importWorkbook(InputStream in) {
        may.require(OrganizationPermission.IMPORT);
        Violations violations = new Violations();
        List<OrganisationWorkbook.RowInput> rows = workbook.read(in, violations);
        // Rows that could be read are checked further even when others could not: every problem is named at once.
        Map<UUID, UUID> pendingParents = new HashMap<>();
        Map<Integer, UUID> ids = new HashMap<>();
        for (var row : rows) {
            UUID id = row.id() != null ? row.id() : UUID.randomUUID();
            ids.put(row.row(), id);
            if (pendingParents.containsKey(id)) {
                violations.add(OrganisationWorkbook.at(row.row(), "id"), "organization.workbook.id-repeated", id);
            }
            pendingParents.put(id, row.details().parentId());
        }
        Map<String, Integer> creditCodes = new HashMap<>();
        Map<Integer, CheckedDetails> checked = new HashMap<>();
        Map<Integer, Organisation> existing = new HashMap<>();
        for (var row : rows) {
            Function<String, String> at = field -> OrganisationWorkbook.at(row.row(), field);
            Organisation current = null;
            if (row.id() != null) {
                current = organisations.findById(row.id()).orElse(null);
                if (current == null) {
                    violations.add(at.apply("id"), "organization.workbook.id-unknown", row.id());
                    continue;
                }
                if (row.version() != null && !row.version().equals(current.version())) {
                    violations.add(at.apply("version"), "organization.version.stale", row.version(), current.version());
                }
                existing.put(row.row(), current);
            }
            CheckedDetails details = rules.check(row.details(), ids.get(row.row()), at, pendingParents, violations);
            if (details == null) {
                continue;
            }
            if (details.creditCode() != null) {
                Integer first = creditCodes.putIfAbsent(details.creditCode(), row.row());
                if (first != null) {
                    violations.add(
                            at.apply("creditCode"),
                            "organization.workbook.credit-code-repeated",
                            details.creditCode(),
                            first);
                }
            }
            checked.put(row.row(), details);
        }
        violations.throwIfAnyInBatch("organization.import.invalid");
        scope.requireAll(
                List.copyOf(existing.values()),
                rows.stream().map(r -> checked.get(r.row()).unitId()).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<AuditRecord> changes = new ArrayList<>();
        for (var row : rows) {
            Organisation current = existing.get(row.row());
            if (current == null) {
                changes.add(registered(
                        organisations.save(Organisation.register(ids.get(row.row()), checked.get(row.row())))));
                created++;
                continue;
            }
            var before = current.summary();
            if (current.revise(checked.get(row.row()))) {
                organisations.save(current);
                changes.add(revised(current, before));
                updated++;
            } else {
                unchanged++;
            }
        }
        audit.recordAll(changes);
        var outcome = new OrganisationsImported(created, updated, unchanged);
        events.publishEvent(outcome);
        return outcome;
    }

    private static AuditRecord registered(Organisation o) {
        return AuditRecord.created("organization.registered", "organisation", o.id().toString(), o.summary());
    }

    private static AuditRecord revised(Organisation o, Map<String, Object> before) {
        return new AuditRecord("organization.revised", "organisation", o.id().toString(), before, o.summary());
    }

    /**
     * Writes the register as a workbook. Its second sheet names who exported it, from where, when and with which
     * filter (a watermark that travels with the file); the export is audited.
     */
    public void exportWorkbook(OrganisationFilter filter, OutputStream out) throws IOException {
        List<OrganisationView> rows = queries.all(filter);
        Actor who = actors.current();
        String watermark = "共治 Gongzhi · exported by " + who.name() + " (" + who.role() + ")"
                + (who.address() == null ? "" : " from " + who.address()) + " at " + clock.instant() + " · filter "
                + filter + " · " + rows.size() + " rows";
        audit.record(AuditRecord.created(
                "organization.exported",
                "organisation",
                null,
                Map.of("rows", rows.size(), "filter", filter.described())));
        workbook.write(rows, watermark, out);
    }

    /** The import template: header row, one example row, kinds as a drop-down, a sheet explaining each column. */
    public void writeTemplate(OutputStream out) throws IOException {
        workbook.writeTemplate(out);
    }

    /**
     * Everything the rules refuse in a council about to be founded, each at its field, founding nothing: the level
     * against the unit's kind, one council per unit and level, the name and chair, the founding date (1949-10-01 to
     * today). A form shows them all at once; an unknown unit is left to the caller.
     */
    @Transactional(readOnly = true)
    public List<Violation> problemsWith(FoundCouncil command) {
        Violations violations = new Violations();
        UnitView unit = Text.stripToNull(command.unitCode()) == null
                ? null
                : territory.unitByCode(Text.strip(command.unitCode())).orElse(null);
        Violation exists = checkFounding(command, unit, violations);
        if (exists != null) {
            violations.addAll(List.of(exists));
        }
        return violations.list();
    }

    /** Adds the founding rules' refusals; answers the one-per-unit conflict apart (a 409, not a 400), if any. */
    private Violation checkFounding(FoundCouncil command, UnitView unit, Violations violations) {
        LocalDate today = LocalDate.now(clock);
        Violation exists = null;
        if (unit != null && command.level() != null) {
            UnitKind expected = command.level() == CouncilLevel.SUBDISTRICT ? UnitKind.SUBDISTRICT : UnitKind.COMMUNITY;
            if (unit.kind() != expected) {
                violations.addAll(List.of(Violation.of(
                        "unitCode",
                        "organization.council.level",
                        Label.of("council.level.", command.level()),
                        unit.name(),
                        Label.of("territory.kind.", unit.kind()))));
            } else if (councils.existsByUnitIdAndLevel(unit.id().value(), command.level())) {
                exists = Violation.of("unitCode", "organization.council.exists", unit.name());
            }
        }
        Text.checkLine(command.name(), "name", true, 100, violations);
        Text.checkLine(command.chair(), "chair", false, 100, violations);
        Dates.checkPast(command.foundedOn() == null ? today : command.foundedOn(), today, "foundedOn", violations);
        return exists;
    }

    public CouncilView foundCouncil(FoundCouncil command) {
        may.require(OrganizationPermission.FOUND_COUNCIL);
        UnitView unit = territory.requireByCode(command.unitCode());
        may.require(OrganizationPermission.FOUND_COUNCIL, unit.id().value());
        LocalDate today = LocalDate.now(clock);
        Violations violations = new Violations();
        Violation exists = checkFounding(command, unit, violations);
        violations.throwIfAny();
        if (exists != null) {
            throw DomainException.conflict(exists);
        }
        String name = Text.checkLine(command.name(), "name", true, 100, violations);
        String chair = Text.checkLine(command.chair(), "chair", false, 100, violations);
        LocalDate foundedOn = command.foundedOn() == null ? today : command.foundedOn();
        Council council = Council.found(
                name,
                command.level(),
                unit.id().value(),
                chair,
                foundedOn,
                new Council.Rules(
                        command.deliberationRules(),
                        command.topicCollection(),
                        command.liaisonRules(),
                        command.emergencyResponse()),
                command.synthetic());
        Council saved = councils.save(council);
        audit.record(AuditRecord.created(
                "organization.council.founded",
                "council",
                saved.id().toString(),
                Map.of(
                        "name",
                        saved.name(),
                        "level",
                        saved.level().name(),
                        "unitId",
                        saved.unitId().toString())));
        return queries.council(saved.id());
    }

    /**
     * Everything the rules refuse in a member about to be seated, each at its field, seating nothing: an unknown
     * organisation, one the caller may not link to the council's place, one seated already, the 联络员's name and
     * title, the joining date (from the founding to today).
     */
    @Transactional(readOnly = true)
    public List<Violation> problemsWith(UUID councilId, AdmitMember command) {
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        Violations violations = new Violations();
        UUID org = command.organisationId();
        if (org != null) {
            Organisation o = organisations.findById(org).orElse(null);
            if (o == null) {
                violations.add("organisationId", "organization.member.unknown", org);
            } else if (!scope.mayLink(o.id(), o.unitId(), council.unitId())) {
                violations.add("organisationId", "organization.link.outside");
            } else if (members.of(councilId).stream()
                    .anyMatch(m -> m.organisationId().equals(org))) {
                violations.add("organisationId", "organization.council.member-exists");
            }
        }
        Text.checkLine(command.liaisonName(), "liaisonName", true, 50, violations);
        Text.checkLine(command.liaisonTitle(), "liaisonTitle", false, 100, violations);
        LocalDate today = LocalDate.now(clock);
        try {
            council.admit(org, "-", null, command.joinedOn() == null ? today : command.joinedOn(), today);
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        return violations.list();
    }

    /** Everything the rules refuse in a record of a duty done, each at its field, recording nothing. */
    public List<Violation> problemsWith(RecordDutyDone command) {
        Violations violations = new Violations();
        ResponsibilityList.checkRecord(command.doneOn(), command.evidence(), LocalDate.now(clock), violations);
        return violations.list();
    }

    public CouncilView admit(UUID councilId, AdmitMember command) {
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        may.require(OrganizationPermission.SEAT_MEMBERS, council.unitId());
        if (!organisations.existsById(command.organisationId())) {
            throw DomainException.invalid(
                    List.of(Violation.of("organisationId", "organization.member.unknown", command.organisationId())));
        }
        scope.requireLinkable(command.organisationId(), council.unitId(), "organisationId");
        Violations lines = new Violations();
        String liaisonName = Text.checkLine(command.liaisonName(), "liaisonName", true, 50, lines);
        String liaisonTitle = Text.checkLine(command.liaisonTitle(), "liaisonTitle", false, 100, lines);
        lines.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        members.admit(
                councilId,
                council.admit(
                        command.organisationId(),
                        liaisonName,
                        liaisonTitle,
                        command.joinedOn() == null ? today : command.joinedOn(),
                        today));
        // The 联络员's name is personal data: the trail keeps who was seated, not the name.
        audit.record(AuditRecord.created(
                "organization.council.admitted",
                "council",
                councilId.toString(),
                Map.of("organisationId", command.organisationId().toString())));
        return queries.council(councilId);
    }

    /** Unseats a member unit; the audit trail keeps that it sat and who removed it. */
    public CouncilView removeMember(UUID councilId, OrganisationId organisation) {
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        may.require(OrganizationPermission.SEAT_MEMBERS, council.unitId());
        members.remove(councilId, organisation.value());
        audit.record(AuditRecord.created(
                "organization.council.removed",
                "council",
                councilId.toString(),
                Map.of("organisationId", organisation.toString())));
        return queries.council(councilId);
    }

    /** Names a member unit's new 联络员 (the name is personal data: the trail records the change, not the name). */
    public CouncilView appointLiaison(UUID councilId, OrganisationId organisation, AppointLiaison command) {
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        may.require(OrganizationPermission.SEAT_MEMBERS, council.unitId());
        Violations lines = new Violations();
        String name = Text.checkLine(command.liaisonName(), "liaisonName", true, 50, lines);
        String title = Text.checkLine(command.liaisonTitle(), "liaisonTitle", false, 100, lines);
        lines.throwIfAny();
        members.appoint(councilId, organisation.value(), name, title);
        audit.record(AuditRecord.created(
                "organization.council.liaison-appointed",
                "council",
                councilId.toString(),
                Map.of("organisationId", organisation.toString(), "liaisonTitle", title == null ? "" : title)));
        return queries.council(councilId);
    }

    /**
     * Opens the full name of a council member's 联络员 for someone allowed to, within their scope, for a stated reason;
     * the view is written to the audit trail with that reason in the same transaction.
     */
    public String unmaskLiaison(UUID councilId, UUID organisationId, String reason) {
        may.require(OrganizationPermission.UNMASK_LIAISON);
        Council council = councils.findById(councilId)
                .orElseThrow(() -> DomainException.notFound("organization.council.not-found", councilId));
        may.require(OrganizationPermission.UNMASK_LIAISON, council.unitId());
        String why = org.gongzhi.platform.FormChecks.unmaskReason(reason);
        Council.CouncilMember member = members.of(councilId).stream()
                .filter(m -> m.organisationId().equals(organisationId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("organization.council.member-unknown", organisationId));
        audit.record(AuditRecord.created(
                "personal-data.unmasked",
                "council-member",
                councilId + "/" + organisationId,
                Map.of("field", "liaisonName", "reason", why)));
        return member.liaisonName();
    }

    public ResponsibilityListView drawResponsibilityList(DrawResponsibilityList command) {
        may.require(OrganizationPermission.DRAW_LIST);
        UUID unitId = null;
        if (command.unitCode() != null && !command.unitCode().isBlank()) {
            unitId = territory.requireByCode(command.unitCode().strip()).id().value();
        }
        for (int i = 0; i < command.parties().size(); i++) {
            var p = command.parties().get(i);
            if (p.organisationId() != null && !organisations.existsById(p.organisationId())) {
                throw DomainException.invalid(List.of(Violation.of(
                        "parties[" + i + "].organisationId", "organization.member.unknown", p.organisationId())));
            }
            scope.requireLinkable(p.organisationId(), unitId, "parties[" + i + "].organisationId");
        }
        Violations lines = new Violations();
        String title = Text.checkLine(command.title(), "title", true, 200, lines);
        Text.checkText(command.mechanism(), "mechanism", 2000, lines);
        for (int i = 0; i < command.parties().size(); i++) {
            Text.checkLine(command.parties().get(i).key(), "parties[" + i + "].key", true, 20, lines);
            Text.checkLine(command.parties().get(i).name(), "parties[" + i + "].name", true, 100, lines);
        }
        for (int i = 0; i < command.duties().size(); i++) {
            Text.checkText(command.duties().get(i).description(), "duties[" + i + "].description", 500, lines);
            Text.checkLine(command.duties().get(i).evidence(), "duties[" + i + "].evidence", false, 500, lines);
        }
        lines.throwIfAny();
        ResponsibilityList list = ResponsibilityList.draw(
                title,
                unitId,
                command.mechanism(),
                command.parties().stream()
                        .map(p -> new ResponsibilityList.Party(p.key(), p.name(), p.organisationId()))
                        .toList(),
                command.duties().stream()
                        .map(d -> new ResponsibilityList.Duty(
                                d.number(), d.description(), d.ownerKey(), d.cadence(), d.evidence()))
                        .toList(),
                command.synthetic());
        // A list for no particular place belongs to the whole installation.
        may.require(OrganizationPermission.DRAW_LIST, unitId);
        ResponsibilityList saved = lists.save(list);
        audit.record(AuditRecord.created(
                "organization.list.drawn",
                "responsibility-list",
                saved.id().toString(),
                Map.of(
                        "title",
                        saved.title(),
                        "parties",
                        saved.parties().size(),
                        "duties",
                        saved.duties().size())));
        return queries.responsibilityList(saved.id());
    }

    public ResponsibilityListView recordDutyDone(UUID listId, int dutyNumber, RecordDutyDone command) {
        ResponsibilityList list = lists.findById(listId)
                .orElseThrow(() -> DomainException.notFound("organization.list.not-found", listId));
        may.require(OrganizationPermission.RECORD_DUTY, list.unitId());
        Violations lines = new Violations();
        String evidence = Text.checkLine(command.evidence(), "evidence", true, 500, lines);
        String note = Text.checkText(command.note(), "note", 500, lines);
        lines.throwIfAny();
        var record = list.recordDone(dutyNumber, command.doneOn(), note, evidence, LocalDate.now(clock));
        records.append(listId, record);
        audit.record(AuditRecord.created(
                "organization.list.duty-done",
                "responsibility-list",
                listId.toString(),
                Map.of(
                        "duty",
                        record.dutyNumber(),
                        "doneOn",
                        record.doneOn().toString(),
                        "evidence",
                        record.evidence())));
        return queries.responsibilityList(listId);
    }
}
