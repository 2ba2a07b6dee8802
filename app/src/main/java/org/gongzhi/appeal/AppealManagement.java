package org.gongzhi.appeal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.appeal.domain.Appeal;
import org.gongzhi.appeal.domain.AppealStore;
import org.gongzhi.appeal.domain.CategoryStore;
import org.gongzhi.appeal.domain.ContactPhone;
import org.gongzhi.appeal.domain.PhotoCleaner;
import org.gongzhi.appeal.domain.TrackingCodes;
import org.gongzhi.appeal.domain.WorkOrderFile;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permission;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.platform.WorkCalendars;
import org.gongzhi.shared.Digests;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.TimeLimit;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.Location;
import org.gongzhi.territory.NearbyStreet;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers appeals and moves them through the lifecycle of DOMAIN.md §4. Every change names the version it read
 * ({@code expectedVersion}; otherwise 409 {@code appeal.version.stale}, which the API answers as 412), is checked by
 * the aggregate (409 {@code appeal.transition.not-allowed} for an action the state does not allow, 422 for a rule),
 * recorded on the timeline with actor, time and reason, audited, and published as an {@link AppealEvent} — all in one
 * transaction. Who may do what is {@link AppealPermission}: the dispatcher in the appeal's 街道, the handling
 * organisation's staff, verifiers where it is.
 */
@Service
@Transactional
public class AppealManagement {

    /** Free text limits, in characters. */
    public static final int MAX_CONTENT = 2000;

    public static final int MAX_REASON = 2000;

    private static final String NAME = "appeal.reporter.name";
    private static final String PHONE = "appeal.reporter.phone";

    private final AppealStore store;
    private final CategoryStore categories;
    private final AppealQueries queries;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final PersonalDataCipher cipher;
    private final WorkCalendars calendars;
    private final Permissions may;
    private final ActorResolver actors;
    private final org.gongzhi.platform.AccessScopes scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<Routing> routing;
    private final Clock clock;

    AppealManagement(
            AppealStore store,
            CategoryStore categories,
            AppealQueries queries,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            PersonalDataCipher cipher,
            WorkCalendars calendars,
            Permissions may,
            ActorResolver actors,
            org.gongzhi.platform.AccessScopes scopes,
            AuditTrail audit,
            ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<Routing> routing,
            Clock clock) {
        this.store = store;
        this.categories = categories;
        this.queries = queries;
        this.territory = territory;
        this.organisations = organisations;
        this.cipher = cipher;
        this.calendars = calendars;
        this.may = may;
        this.actors = actors;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.routing = routing;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- intake

    /**
     * 受理 of an appeal taken by staff (12345, 四诉, 巡查). Every bad field is named at once (400); 403 when the role may
     * not take this channel, or the appeal's place is outside the person's scope. A 12345 work order registered again
     * with the same content gives the first registration back ({@code repeated}); with other content it is refused,
     * 409 {@code appeal.work-order.changed}.
     */
    public RegisteredAppeal register(RegisterAppeal command) {
        return register(command, false);
    }

    /**
     * As {@link #register(RegisterAppeal)}, flagging the appeal {@code synthetic} when it is demo content: shown as
     * such, and its reporter is never texted.
     */
    public RegisteredAppeal register(RegisterAppeal command, boolean synthetic) {
        Permission permission = command.channel() == null ? null : AppealPermission.registering(command.channel());
        if (command.channel() != null && permission == null) {
            throw DomainException.forbidden(
                    "appeal.channel.not-staff", org.gongzhi.shared.Label.of("appeal.channel.", command.channel()));
        }
        if (permission != null) {
            may.require(permission);
        }
        Violations v = new Violations();
        Checked checked = check(command, v);
        v.throwIfAny();
        if (checked.place().accountable() != null
                && !may.allowed(permission, checked.place().accountable())) {
            // The place lies outside the registrar's area: a fault of the place given, named there.
            throw DomainException.invalid(List.of(Violation.of(
                    command.latitude() != null ? "latitude" : "unitCode", "appeal.location.outside-scope")));
        }
        // Nobody's place: the registrar's own area takes it into its coordination queue.
        UUID coordinator = checked.place().accountable() != null
                ? null
                : territory.homeUnit(scopes.current()).map(u -> u.id().value()).orElse(null);
        if (command.workOrderNumber() != null) {
            var existing = store.findByWorkOrderNumber(checked.workOrderNumber());
            if (existing.isPresent()) {
                if (!existing.get().intake().bodyHash().equals(checked.bodyHash())) {
                    throw DomainException.conflict(
                            Violation.of("workOrderNumber", "appeal.work-order.changed", checked.workOrderNumber()));
                }
                return new RegisteredAppeal(queries.view(existing.get()), null, true);
            }
        }
        return persist(command, checked, coordinator, null, List.of(), synthetic);
    }

    /**
     * An appeal from the resident portal (网上): anyone may send one, signed in or not. Every bad field is named at once
     * (400); photos (at most {@link #MAX_PHOTOS}) are cleaned first and any that is not a JPEG or PNG, too large or too
     * many pixels is refused (422 naming {@code photos[i]}); nothing is kept unless all is well. A signed-in resident
     * is the reporter ({@code residentId} must be theirs, 403 otherwise).
     */
    public RegisteredAppeal submit(SubmitAppeal submission, List<byte[]> photos) {
        return submit(submission, photos, Channel.ONLINE);
    }

    /**
     * As {@link #submit(SubmitAppeal, List)}, through {@code channel}: {@link Channel#ONLINE} (the portal) or {@link
     * Channel#OPEN311} (a client of the Open311 API, which has checked the client's key).
     */
    public RegisteredAppeal submit(SubmitAppeal submission, List<byte[]> photos, Channel channel) {
        if (channel != Channel.ONLINE && channel != Channel.OPEN311) {
            throw new IllegalArgumentException("Residents submit online or through Open311, not " + channel);
        }
        if (submission.residentId() != null && !actors.current().name().equals("resident:" + submission.residentId())) {
            throw DomainException.forbidden("identity.forbidden");
        }
        RegisterAppeal command = new RegisterAppeal(
                channel,
                submission.type(),
                submission.categoryCode(),
                Urgency.ORDINARY,
                submission.content(),
                submission.address(),
                submission.latitude(),
                submission.longitude(),
                null,
                null,
                null,
                submission.contactPhone(),
                submission.residentId() == null,
                null,
                null);
        Violations v = new Violations();
        Checked checked = check(command, v);
        if (submission.latitude() == null && Text.stripToNull(submission.address()) == null) {
            v.add("latitude", "appeal.location.required");
        }
        List<PhotoCleaner.Photo> cleaned = new ArrayList<>();
        if (photos.size() > MAX_PHOTOS) {
            v.add("photos", "appeal.photo.too-many", MAX_PHOTOS);
        } else {
            for (int i = 0; i < photos.size(); i++) {
                try {
                    cleaned.add(PhotoCleaner.clean(photos.get(i), "photos[" + i + "]"));
                } catch (DomainException e) {
                    v.addAll(e.violations());
                }
            }
        }
        UUID area = null;
        String areaCode = Text.stripToNull(submission.areaCode());
        if (areaCode != null) {
            area = territory
                    .unitByCode(areaCode)
                    .filter(u -> u.kind() == UnitKind.SUBDISTRICT)
                    .map(u -> u.id().value())
                    .orElse(null);
            if (area == null) {
                v.add("area", "appeal.location.area-unknown", areaCode);
            }
        }
        v.throwIfAny();
        // Not placed in a unit: the chosen 街道 takes it into its coordination queue (else the installation's).
        return persist(
                command,
                checked,
                checked.place().accountable() == null ? area : null,
                submission.residentId(),
                cleaned,
                false);
    }

    /**
     * Imports 12345 work orders from the municipal platform's export, .xlsx ({@code xlsx}) or a JSON array ({@code
     * json}; exactly one is given), all or nothing: every row is checked like an operator's entry and every row and
     * field at fault is named ({@code rows[7].type}, 422 {@code appeal.import.invalid}) — each row needs 工单编号, 来电号码,
     * 诉求类型 and 诉求内容, and a JSON value must be text, not an object or a list; a file that cannot be read, or a
     * workbook whose header lacks the mandatory columns (工单编号, 诉求内容, 来电号码), is refused whole (400, naming
     * them). A work order already
     * registered with the same content is left unchanged, so re-importing a file adds nothing; one registered with other
     * content under the same number is refused ({@code appeal.work-order.changed} on its row), as is a number twice in
     * the file. 诉求类型 reads 咨询/求助/投诉/举报/建议; 问题分类 a category code or the exact name of a 小类; 是否紧急 是/否.
     */
    public WorkOrdersImported importWorkOrders(byte[] xlsx, String json) {
        may.require(AppealPermission.REGISTER_HOTLINE);
        Violations v = new Violations();
        List<WorkOrderFile.Line> lines = xlsx != null ? WorkOrderFile.xlsx(xlsx, v) : WorkOrderFile.json(json, v);
        if (v.list().stream().anyMatch(x -> !x.location().startsWith("rows["))) {
            // The file as a whole cannot be read: nothing in it is checked further.
            throw DomainException.invalid(v.list());
        }
        Map<String, CategoryView> byName = new java.util.HashMap<>();
        categories.current().stream().filter(CategoryView::active).forEach(c -> {
            byName.put(c.code(), c);
            byName.putIfAbsent(c.name(), c);
        });
        Map<String, Integer> numbers = new java.util.HashMap<>();
        List<Pending> accepted = new ArrayList<>();
        int unchanged = 0;
        for (WorkOrderFile.Line line : lines) {
            String at = "rows[" + line.row() + "].";
            Map<String, String> f = line.fields();
            Violations rowV = new Violations();
            AppealType type = importedType(f.get("type"), at, rowV);
            String category = null;
            if (f.get("category") != null) {
                CategoryView c = byName.get(f.get("category"));
                if (c == null) {
                    rowV.add(at + "category", "appeal.category.unknown", f.get("category"));
                } else {
                    category = c.code();
                }
            }
            Boolean urgent = WorkOrderFile.yes(f.get("urgent"));
            if (urgent == null) {
                rowV.add(at + "urgent", "appeal.import.yes-no", f.get("urgent"));
            }
            String name = f.get("reporterName");
            boolean anonymous = name == null || name.equals("匿名");
            RegisterAppeal command = new RegisterAppeal(
                    Channel.HOTLINE,
                    type == null ? AppealType.COMPLAINT : type,
                    category,
                    Boolean.TRUE.equals(urgent) ? Urgency.EMERGENCY : Urgency.ORDINARY,
                    f.get("content"),
                    f.get("address"),
                    null,
                    null,
                    f.get("unitCode"),
                    f.get("streetCode"),
                    anonymous ? null : name,
                    f.get("reporterPhone"),
                    anonymous,
                    f.get("workOrderNumber"),
                    null);
            Violations checks = new Violations();
            Checked checked = check(command, checks);
            for (Violation x : checks.list()) {
                rowV.add(at + x.location(), x.code(), x.args().toArray());
            }
            String number = checked.workOrderNumber();
            if (number != null) {
                Integer first = numbers.putIfAbsent(number, line.row());
                if (first != null) {
                    rowV.add(at + "workOrderNumber", "appeal.import.number-repeated", number, first);
                }
            }
            if (rowV.isEmpty()
                    && checked.place().accountable() != null
                    && !may.allowed(
                            AppealPermission.REGISTER_HOTLINE, checked.place().accountable())) {
                rowV.add(at + "unitCode", "scope.outside");
            }
            if (rowV.isEmpty() && number != null) {
                var existing = store.findByWorkOrderNumber(number);
                if (existing.isPresent()) {
                    if (existing.get().intake().bodyHash().equals(checked.bodyHash())) {
                        unchanged++;
                        continue;
                    }
                    rowV.add(at + "workOrderNumber", "appeal.work-order.changed", number);
                }
            }
            if (rowV.isEmpty()) {
                accepted.add(new Pending(command, checked));
            }
            v.addAll(rowV.list());
        }
        v.throwIfAnyInBatch("appeal.import.invalid");
        UUID coordinator =
                territory.homeUnit(scopes.current()).map(u -> u.id().value()).orElse(null);
        for (Pending p : accepted) {
            persist(
                    p.command(),
                    p.checked(),
                    p.checked().place().accountable() != null ? null : coordinator,
                    null,
                    List.of(),
                    false);
        }
        return new WorkOrdersImported(accepted.size(), unchanged);
    }

    private record Pending(RegisterAppeal command, Checked checked) {}

    private static AppealType importedType(String text, String at, Violations v) {
        if (text == null) {
            v.add(at + "type", "validation.NotBlank", "type");
            return null;
        }
        for (AppealType t : AppealType.values()) {
            if (t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        return switch (text.strip()) {
            case "咨询" -> AppealType.CONSULTATION;
            case "求助" -> AppealType.HELP;
            case "投诉" -> AppealType.COMPLAINT;
            case "举报" -> AppealType.REPORT;
            case "建议" -> AppealType.SUGGESTION;
            default -> {
                v.add(at + "type", "appeal.import.type-unknown", text);
                yield null;
            }
        };
    }

    /** The most photos one appeal carries. */
    public static final int MAX_PHOTOS = 3;

    private RegisteredAppeal persist(
            RegisterAppeal command,
            Checked checked,
            UUID coordinator,
            UUID residentId,
            List<PhotoCleaner.Photo> photos,
            boolean synthetic) {
        Instant now = now();
        String token = TrackingCodes.token();
        String code = freshCode(now);
        Actor actor = actor();
        var reporter = checked.reporter();
        var intake = new Appeal.Intake(
                command.channel(),
                command.type(),
                checked.urgency(),
                checked.content(),
                checked.address(),
                command.latitude(),
                command.longitude(),
                checked.place(),
                // Demo content keeps no number at all: a made-up one may be somebody's, and would show as their
                // history, or be opened and called.
                synthetic
                        ? new Appeal.Reporter(null, null, null, true, residentId)
                        : new Appeal.Reporter(
                                reporter.nameCipher(),
                                reporter.phoneCipher(),
                                reporter.phoneLookup(),
                                reporter.anonymous(),
                                residentId),
                actor.name(),
                checked.workOrderNumber(),
                checked.bodyHash(),
                coordinator,
                synthetic);
        Appeal appeal = Appeal.register(
                UUID.randomUUID(),
                code,
                TrackingCodes.hash(token),
                intake,
                checked.category() == null ? null : checked.category().code(),
                checked.category() == null ? null : checked.category().version(),
                checked.selfHandling(),
                now);
        store.insert(appeal);
        store.insertPhotos(appeal.id(), photos, now);
        store.append(appeal.id(), appeal.registered(checked.selfHandling()), actor, now);
        Map<String, Object> summary = summary(appeal);
        if (!photos.isEmpty()) {
            summary.put("photos", photos.size());
        }
        audit.record(AuditRecord.created(
                AppealAction.REGISTER.auditCode(), "appeal", appeal.id().toString(), summary));
        events.publishEvent(new AppealEvent.Registered(
                new AppealId(appeal.id()),
                now,
                command.channel(),
                command.type(),
                appeal.categoryCode(),
                checked.place().subdistrictId(),
                checked.place().accountable(),
                checked.selfHandling() != null));
        return new RegisteredAppeal(queries.view(appeal), token, false);
    }

    /**
     * Everything wrong with {@code command}, without registering anything: for forms that show every problem at
     * once.
     */
    @Transactional(readOnly = true)
    public List<Violation> problemsWith(RegisterAppeal command) {
        Violations v = new Violations();
        check(command, v);
        return v.list();
    }

    private record Checked(
            CategoryView category,
            Urgency urgency,
            String content,
            String address,
            Appeal.Place place,
            Appeal.Reporter reporter,
            String workOrderNumber,
            String selfHandling,
            String bodyHash) {}

    private Checked check(RegisterAppeal c, Violations v) {
        if (c.channel() == null) {
            v.add("channel", "validation.NotNull", "channel");
        }
        if (c.type() == null) {
            v.add("type", "validation.NotNull", "type");
        }
        CategoryView category = null;
        String categoryCode = Text.stripToNull(c.categoryCode());
        if (categoryCode != null) {
            category = categories
                    .current(categoryCode)
                    .filter(CategoryView::active)
                    .orElse(null);
            if (category == null) {
                v.add("categoryCode", "appeal.category.unknown", categoryCode);
            }
        }
        String content = Text.checkText(c.content(), "content", MAX_CONTENT, v);
        if (content == null) {
            v.add("content", "validation.NotBlank", "content");
        }
        String address = Text.checkLine(c.address(), "address", false, 200, v);
        Appeal.Place place = place(c, v);
        Appeal.Reporter reporter = reporter(c, v);
        String workOrder = Text.stripToNull(c.workOrderNumber());
        if (c.channel() == Channel.HOTLINE && workOrder == null) {
            v.add("workOrderNumber", "validation.NotBlank", "workOrderNumber");
        }
        if (workOrder != null && !workOrder.matches("[A-Za-z0-9-]{4,40}")) {
            v.add("workOrderNumber", "appeal.work-order.invalid");
        }
        String selfHandling = Text.checkText(c.selfHandling(), "selfHandling", MAX_REASON, v);
        if (selfHandling != null && c.channel() != Channel.PATROL) {
            v.add("selfHandling", "appeal.self-handling.patrol-only");
        }
        Urgency urgency = c.urgency() == null ? Urgency.ORDINARY : c.urgency();
        String body = String.join(
                "\u001f",
                String.valueOf(c.type()),
                String.valueOf(categoryCode),
                urgency.name(),
                String.valueOf(content),
                String.valueOf(address),
                String.valueOf(c.latitude()),
                String.valueOf(c.longitude()),
                String.valueOf(Text.stripToNull(c.unitCode())),
                String.valueOf(Text.stripToNull(c.streetCode())),
                String.valueOf(Text.stripToNull(c.reporterName())),
                String.valueOf(ContactPhone.normalise(c.reporterPhone())),
                String.valueOf(c.anonymous()));
        return new Checked(
                category, urgency, content, address, place, reporter, workOrder, selfHandling, Digests.sha256Hex(body));
    }

    /** The place of a registration, on the 街巷 named or, for a map point, the nearest one. */
    private Appeal.Place place(RegisterAppeal c, Violations v) {
        String streetCode = Text.stripToNull(c.streetCode());
        NearbyStreet street = null;
        if (streetCode != null) {
            street = territory.street(streetCode).orElse(null);
            if (street == null) {
                v.add("streetCode", "appeal.location.street-unknown", streetCode);
                return Appeal.Place.NOWHERE;
            }
        }
        Appeal.Place at = unitPlace(c, street, v);
        if (street != null
                && at.subdistrictId() != null
                && !at.subdistrictId().equals(street.subdistrict().value())) {
            v.add("streetCode", "appeal.location.street-elsewhere", streetCode);
            return Appeal.Place.NOWHERE;
        }
        if (street == null
                && c.latitude() != null
                && c.longitude() != null
                && v.list().isEmpty()) {
            // Only a street of the 街道 the point lies in: a road owned by the neighbour is not this case's.
            street = territory
                    .nearestStreet(
                            c.latitude(),
                            c.longitude(),
                            at.subdistrictId() == null ? null : new org.gongzhi.territory.UnitId(at.subdistrictId()))
                    .orElse(null);
        }
        return street == null ? at : at.onStreet(street.code());
    }

    private Appeal.Place unitPlace(RegisterAppeal c, NearbyStreet street, Violations v) {
        Double lat = c.latitude();
        Double lng = c.longitude();
        if ((lat == null) != (lng == null)) {
            v.add(lat == null ? "latitude" : "longitude", "appeal.location.both-coordinates");
            return Appeal.Place.NOWHERE;
        }
        if (lat != null) {
            boolean bad = false;
            if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
                v.add("latitude", "appeal.location.latitude-range");
                bad = true;
            }
            if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
                v.add("longitude", "appeal.location.longitude-range");
                bad = true;
            }
            if (bad) {
                return Appeal.Place.NOWHERE;
            }
            return territory.locate(lat, lng).map(AppealManagement::place).orElse(Appeal.Place.NOWHERE);
        }
        String unitCode = Text.stripToNull(c.unitCode());
        if (unitCode == null) {
            return street == null ? Appeal.Place.NOWHERE : place(territory.lineage(street.subdistrict()));
        }
        var unit = territory.unitByCode(unitCode);
        if (unit.isEmpty()) {
            v.add("unitCode", "appeal.location.unit-unknown", unitCode);
            return Appeal.Place.NOWHERE;
        }
        return place(territory.lineage(unit.get().id()));
    }

    private static Appeal.Place place(Location l) {
        return new Appeal.Place(
                id(l.district()),
                id(l.subdistrict()),
                id(l.community()),
                id(l.grid()),
                l.deepest().map(r -> r.id().value()).orElse(null),
                null);
    }

    private static Appeal.Place place(List<UnitView> lineage) {
        Map<UnitKind, UUID> at = new LinkedHashMap<>();
        for (UnitView u : lineage) {
            at.put(u.kind(), u.id().value());
        }
        UUID deepest = lineage.get(lineage.size() - 1).id().value();
        return new Appeal.Place(
                at.get(UnitKind.DISTRICT),
                at.get(UnitKind.SUBDISTRICT),
                at.get(UnitKind.COMMUNITY),
                at.get(UnitKind.GRID),
                deepest,
                null);
    }

    private static UUID id(Location.Ref ref) {
        return ref == null ? null : ref.id().value();
    }

    private Appeal.Reporter reporter(RegisterAppeal c, Violations v) {
        String name = Text.checkLine(c.reporterName(), "reporterName", false, 50, v);
        if (c.anonymous() && name != null) {
            v.add("reporterName", "appeal.reporter.anonymous-named");
        }
        String typed = Text.stripToNull(c.reporterPhone());
        String phone = null;
        if (typed != null) {
            phone = ContactPhone.normalise(typed);
            if (phone == null) {
                v.add("reporterPhone", "appeal.reporter.phone-invalid");
            }
        } else if (c.channel() == Channel.HOTLINE) {
            v.add("reporterPhone", "validation.NotBlank", "reporterPhone");
        }
        return new Appeal.Reporter(
                name == null || c.anonymous() ? null : cipher.encrypt(NAME, name),
                phone == null ? null : cipher.encrypt(PHONE, phone),
                phone == null ? null : cipher.lookupHash(PHONE, phone),
                c.anonymous(),
                null);
    }

    private String freshCode(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = TrackingCodes.code(day);
            if (!store.trackingCodeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free tracking code after 5 attempts");
    }

    // ---------------------------------------------------------------- classification (Art 11)

    /** 立案, with the category (required if intake had none; 422 otherwise) and urgency confirmed. */
    public AppealView accept(AppealId id, long expectedVersion, String categoryCode, Urgency urgency) {
        return change(id, expectedVersion, AppealAction.ACCEPT, (a, now) -> {
            String code = Text.stripToNull(categoryCode);
            CategoryView category = null;
            if (code != null && !code.equals(a.categoryCode())) {
                category = categories
                        .current(code)
                        .filter(CategoryView::active)
                        .orElseThrow(() -> DomainException.invalid(
                                List.of(Violation.of("categoryCode", "appeal.category.unknown", code))));
            }
            return category == null
                    ? a.accept(a.categoryCode(), a.categoryVersion(), urgency, now)
                    : a.accept(category.code(), category.version(), urgency, now);
        });
    }

    public AppealView invalidate(AppealId id, long expectedVersion, String reason) {
        return withText(id, expectedVersion, AppealAction.VOID, "reason", reason, true, Appeal::invalidate);
    }

    /** 咨询即答 with the answer given (from the knowledge base); only for a 咨询 (422 otherwise). */
    public AppealView answerAtIntake(AppealId id, long expectedVersion, String answer) {
        return withText(
                id, expectedVersion, AppealAction.ANSWER_AT_INTAKE, "answer", answer, true, Appeal::answerAtIntake);
    }

    public AppealView referToLegalRoute(AppealId id, long expectedVersion, String route) {
        return withText(
                id,
                expectedVersion,
                AppealAction.REFER_TO_LEGAL_ROUTE,
                "route",
                route,
                true,
                Appeal::referToLegalRoute);
    }

    /** 重复件: this appeal repeats {@code original}, which must be open (422 otherwise); both reporters are kept. */
    public AppealView linkAsRepeat(AppealId id, long expectedVersion, AppealId original, String reason) {
        return change(id, expectedVersion, AppealAction.LINK_AS_REPEAT, (a, now) -> {
            String r = optional(reason, "reason");
            if (original == null) {
                throw DomainException.invalid(List.of(Violation.of("original", "validation.NotNull", "original")));
            }
            Appeal first = store.find(original.value())
                    .filter(queries::mayRead)
                    .orElseThrow(() -> DomainException.invalid(
                            List.of(Violation.of("original", "appeal.repeat.original-unknown"))));
            return a.linkAsRepeat(first, r, now);
        });
    }

    public AppealView handOffEmergency(AppealId id, long expectedVersion, EmergencyService service, String note) {
        return change(id, expectedVersion, AppealAction.HAND_OFF_EMERGENCY, (a, now) -> {
            if (service == null) {
                throw DomainException.invalid(List.of(Violation.of("service", "validation.NotNull", "service")));
            }
            String r = optional(note, "note");
            return a.handOffEmergency(service, r, now);
        });
    }

    public AppealView reviewSelfHandling(AppealId id, long expectedVersion, boolean confirmed, String note) {
        return change(id, expectedVersion, AppealAction.REVIEW_SELF_HANDLING, (a, now) -> {
            String r = optional(note, "note");
            return a.reviewSelfHandling(confirmed, r, now);
        });
    }

    // ---------------------------------------------------------------- dispatch (Art 12–14)

    /**
     * 派单 to {@code lead} with {@code coHandlers}, organisations of the register (422 naming the field when unknown);
     * without {@code lead}, to whom the dispatch directory names for the appeal's category and place (422 {@code
     * appeal.dispatch.no-route} when no rule applies: the appeal waits in the coordination queue). The response and
     * resolution deadlines are set from the appeal's category and urgency on the work calendar. A dispatch straight to
     * a 街道办事处 copies its district (the step records it).
     */
    public AppealView dispatch(
            AppealId id, long expectedVersion, OrganisationId lead, List<OrganisationId> coHandlers) {
        return change(id, expectedVersion, AppealAction.DISPATCH, (a, now) -> {
            Assignment to = assignment(a, lead, coHandlers);
            CategoryView c = categoryOf(a);
            Appeal.Step step = a.dispatch(
                    to.lead(),
                    to.coHandlers(),
                    calendars.due(now, c.responseLimit()),
                    calendars.due(now, c.resolutionLimit(a.urgency())),
                    now);
            return to.annotate(step);
        });
    }

    public AppealView sign(AppealId id, long expectedVersion) {
        return change(id, expectedVersion, AppealAction.SIGN, (a, now) -> a.sign(now));
    }

    public AppealView object(AppealId id, long expectedVersion, String reason) {
        return withText(id, expectedVersion, AppealAction.OBJECT, "reason", reason, true, Appeal::object);
    }

    /** After an objection: dispatched again (to another unit, the same, or the directory's), the clocks started afresh. */
    public AppealView redispatch(
            AppealId id, long expectedVersion, OrganisationId lead, List<OrganisationId> coHandlers, String reason) {
        return change(id, expectedVersion, AppealAction.REDISPATCH, (a, now) -> {
            String r = optional(reason, "reason");
            Assignment to = assignment(a, lead, coHandlers);
            CategoryView c = categoryOf(a);
            Appeal.Step step = a.redispatch(
                    to.lead(),
                    to.coHandlers(),
                    calendars.due(now, c.responseLimit()),
                    calendars.due(now, c.resolutionLimit(a.urgency())),
                    r,
                    now);
            return to.annotate(step);
        });
    }

    /** Who a dispatch goes to, how it was chosen, and the district copied when it goes straight to a 街道. */
    private record Assignment(UUID lead, List<UUID> coHandlers, UUID ruleId, UUID copiedDistrictId) {

        Appeal.Step annotate(Appeal.Step step) {
            Map<String, Object> details = new LinkedHashMap<>(step.details());
            if (ruleId != null) {
                details.put("rule", ruleId.toString());
            }
            if (copiedDistrictId != null) {
                details.put("copiedDistrict", copiedDistrictId.toString());
            }
            return new Appeal.Step(step.action(), step.from(), step.to(), step.reason(), details);
        }
    }

    private Assignment assignment(Appeal a, OrganisationId lead, List<OrganisationId> coHandlers) {
        UUID ruleId = null;
        if (lead == null) {
            Routing directory = routing.getIfAvailable();
            UUID place = a.intake().place().accountable();
            var route = directory == null || place == null || a.categoryCode() == null
                    ? java.util.Optional.<Routing.Route>empty()
                    : directory.route(a.categoryCode(), place);
            if (route.isEmpty()) {
                throw new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "appeal.dispatch.no-route",
                        List.of(),
                        List.of(Violation.of("handlerId", "appeal.dispatch.no-route")));
            }
            lead = new OrganisationId(route.get().leadId());
            if (coHandlers == null || coHandlers.isEmpty()) {
                coHandlers = route.get().coHandlerIds().stream()
                        .map(OrganisationId::new)
                        .toList();
            }
            ruleId = route.get().ruleId();
        }
        List<UUID> co = handlers(lead, coHandlers);
        return new Assignment(lead.value(), co, ruleId, queries.copiedDistrict(lead.value()));
    }

    private List<UUID> handlers(OrganisationId lead, List<OrganisationId> coHandlers) {
        Violations v = new Violations();
        if (lead == null) {
            v.add("handlerId", "validation.NotNull", "handlerId");
        } else if (organisations.organisation(lead).isEmpty()) {
            v.add("handlerId", "appeal.dispatch.handler-unknown");
        }
        List<UUID> co = new ArrayList<>();
        List<OrganisationId> given = coHandlers == null ? List.of() : coHandlers;
        for (int i = 0; i < given.size(); i++) {
            OrganisationId o = given.get(i);
            if (o == null || organisations.organisation(o).isEmpty()) {
                v.add("coHandlerIds[" + i + "]", "appeal.dispatch.handler-unknown");
            } else {
                co.add(o.value());
            }
        }
        if (!v.isEmpty()) {
            throw new DomainException(ErrorKind.UNPROCESSABLE, "request.invalid", List.of(v.size()), v.list());
        }
        return co;
    }

    private CategoryView categoryOf(Appeal a) {
        return categories
                .version(a.categoryCode(), a.categoryVersion())
                .orElseThrow(() -> new IllegalStateException("appeal " + a.id() + " has no category version"));
    }

    // ---------------------------------------------------------------- handling

    /**
     * 响应: the handler has contacted the reporter, and {@code note} says how (by phone, on site …) — what 响应率
     * (条例 Art 32) later counts, so it is required (400 {@code validation.NotBlank} on {@code note}).
     */
    public AppealView respond(AppealId id, long expectedVersion, String note) {
        return withText(id, expectedVersion, AppealAction.RESPOND, "note", note, true, Appeal::respond);
    }

    /**
     * A progress note by the lead handler, a co-handler or the dispatcher. Notes are appended: they neither need nor
     * change the appeal's version, so handlers writing at once never block each other.
     */
    public AppealView note(AppealId id, String text) {
        Appeal a = load(id);
        requireAllowed(a, AppealAction.NOTE);
        String r = required(text, "text");
        Instant now = now();
        Appeal.Step step = a.note(r, now);
        store.append(a.id(), step, actor(), now);
        audit.record(new AuditRecord(
                AppealAction.NOTE.auditCode(), "appeal", a.id().toString(), null, Map.of("state", a.state())));
        events.publishEvent(new AppealEvent.Noted(id, now));
        return queries.view(load(id));
    }

    /**
     * 延期申请 for {@code extension} more time ({@code 5wd}, {@code 48h}); one at a time (409 while one waits); at most
     * 30 working days (400 {@code appeal.extension.too-long} beyond).
     */
    public AppealView requestExtension(AppealId id, long expectedVersion, String extension, String reason) {
        return change(id, expectedVersion, AppealAction.REQUEST_EXTENSION, (a, now) -> {
            Violations v = new Violations();
            String r = Text.checkText(reason, "reason", MAX_REASON, v);
            if (r == null) {
                v.add("reason", "validation.NotBlank", "reason");
            }
            TimeLimit limit = null;
            try {
                limit = TimeLimit.parse(extension);
            } catch (DomainException e) {
                v.add("extension", "time-limit.invalid", extension == null ? "" : extension);
            }
            if (limit != null && tooLong(limit)) {
                v.add("extension", "appeal.extension.too-long", extension.strip());
            }
            v.throwIfAny();
            return a.requestExtension(limit.toString(), r, now);
        });
    }

    /**
     * The longest one extension may ask for: 30 working days, 240 working hours or 720 hours — twice the longest
     * resolution limit of the categories (15 工作日). Longer matters are 挂账, with their reason, not extended.
     */
    static boolean tooLong(TimeLimit extension) {
        return switch (extension.unit()) {
            case WORKING_DAYS -> extension.amount() > 30;
            case WORKING_HOURS -> extension.amount() > 240;
            case HOURS -> extension.amount() > 720;
        };
    }

    /**
     * 延期审批: approved moves the resolution deadline on by the extension asked for, on the work calendar. Whoever
     * asked for the extension may not decide it (422 {@code appeal.extension.own-request}): an approval is a second
     * person's.
     */
    public AppealView decideExtension(AppealId id, long expectedVersion, boolean approved, String reason) {
        return change(id, expectedVersion, AppealAction.DECIDE_EXTENSION, (a, now) -> {
            String r = approved ? optional(reason, "reason") : required(reason, "reason");
            String requester = queries.extensionRequester(a);
            if (a.extensionRequested() != null && actor().name().equals(requester)) {
                throw new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "appeal.extension.own-request",
                        List.of(),
                        List.of(Violation.of("approved", "appeal.extension.own-request")));
            }

            Instant due = approved && a.extensionRequested() != null
                    ? calendars.due(a.resolutionDue(), TimeLimit.parse(a.extensionRequested()))
                    : null;
            return a.decideExtension(approved, due, r, now);
        });
    }

    public AppealView suspend(AppealId id, long expectedVersion, String reason) {
        return withText(id, expectedVersion, AppealAction.SUSPEND, "reason", reason, true, Appeal::suspend);
    }

    public AppealView resume(AppealId id, long expectedVersion, String reason) {
        return withText(id, expectedVersion, AppealAction.RESUME, "reason", reason, true, Appeal::resume);
    }

    /**
     * 答复: the result, which opens the round of 回访 — due after the installation's time on the work calendar ({@link
     * FollowUpPolicy}), then recorded as not answered.
     */
    public AppealView answer(AppealId id, long expectedVersion, String result) {
        return change(
                id,
                expectedVersion,
                AppealAction.ANSWER,
                (a, now) -> a.answer(
                        required(result, "result"),
                        calendars.due(now, store.followUpPolicy().answerWithin()),
                        now));
    }

    /**
     * 回访 as an operator records it from a call ({@link FollowUpSource#PHONE}); when the reporter was reached, {@code
     * resolved} and {@code satisfaction}. 409 {@code appeal.follow-up.recorded} when the round was answered already.
     */
    public AppealView followUp(
            AppealId id,
            long expectedVersion,
            boolean reached,
            Boolean resolved,
            Satisfaction satisfaction,
            String comment) {
        Appeal a = load(id);
        requireAllowed(a, AppealAction.FOLLOW_UP);
        if (a.version() != expectedVersion) {
            throw DomainException.conflict("appeal.version.stale", expectedVersion, a.version());
        }
        String r = optional(comment, "comment");
        followUp(a, FollowUpSource.PHONE, reached, resolved, satisfaction, r, actor());
        return queries.view(load(id));
    }

    /**
     * Records the current round's 回访 on {@code a} — whoever gives it, already checked by the caller — and, when it
     * says 未解决 or 不满意 and the installation sends such appeals straight back ({@link UnresolvedFollowUp#REWORK}),
     * the 返工 that follows, by the platform.
     */
    void followUp(
            Appeal a,
            FollowUpSource source,
            boolean reached,
            Boolean resolved,
            Satisfaction satisfaction,
            String comment,
            Actor by) {
        UnresolvedFollowUp whenUnresolved = store.followUpPolicy().whenUnresolved();
        apply(
                a,
                AppealAction.FOLLOW_UP,
                (x, now) -> x.followUp(source, reached, resolved, satisfaction, comment, whenUnresolved, now),
                by);
        Appeal after = load(new AppealId(a.id()));
        if (whenUnresolved == UnresolvedFollowUp.REWORK
                && after.state() == AppealState.FOLLOWED_UP
                && after.unresolved()) {
            apply(after, AppealAction.REWORK, (x, now) -> x.rework("回访未解决或不满意，自动返工", now), Actor.system());
        }
    }

    public AppealView verify(AppealId id, long expectedVersion, boolean passed, String note) {
        return change(id, expectedVersion, AppealAction.VERIFY, (a, now) -> {
            String r = passed ? optional(note, "note") : required(note, "note");
            return a.verify(passed, r, now);
        });
    }

    public AppealView close(AppealId id, long expectedVersion, String note) {
        return withText(id, expectedVersion, AppealAction.CLOSE, "note", note, false, Appeal::close);
    }

    public AppealView rework(AppealId id, long expectedVersion, String reason) {
        return withText(id, expectedVersion, AppealAction.REWORK, "reason", reason, true, Appeal::rework);
    }

    /** A step that takes one text (a reason, an answer, a note) besides the time. */
    @FunctionalInterface
    private interface TextStep {
        Appeal.Step apply(Appeal appeal, String text, Instant now);
    }

    /** An action whose only input is one text: checked (and, if {@code needed}, required) once the actor may act. */
    private AppealView withText(
            AppealId id,
            long expectedVersion,
            AppealAction action,
            String field,
            String text,
            boolean needed,
            TextStep step) {
        return change(
                id,
                expectedVersion,
                action,
                (a, now) -> step.apply(a, needed ? required(text, field) : optional(text, field), now));
    }

    /**
     * 查看联系方式: the reporter's name and number in full, for the unit handling the appeal while the case is open
     * (DOMAIN.md §9). A reason of 4–200 characters is required (400 {@code personal-data.unmask.reason}); 404 for anyone
     * who may not read the appeal, 403 for anyone else who may not open it ({@code personal-data.unmask.permission}
     * without the personal-data permission). Every opening is audited as {@code personal-data.unmasked} with the reason.
     */
    public ReporterContact viewContact(AppealId id, String reason) {
        Appeal a = load(id);
        if (!queries.mayRead(a)) {
            throw DomainException.notFound("appeal.not-found");
        }
        may.require(AppealPermission.VIEW_CONTACT);
        if (!queries.mayViewContact(a)) {
            throw DomainException.forbidden("scope.outside");
        }
        String why = org.gongzhi.platform.FormChecks.unmaskReason(reason);
        var r = a.intake().reporter();
        audit.record(AuditRecord.created(
                "personal-data.unmasked",
                "appeal",
                a.id().toString(),
                Map.of("field", "reporterContact", "reason", why)));
        return new ReporterContact(
                r.nameCipher() == null ? null : cipher.decrypt(NAME, r.nameCipher()),
                r.phoneCipher() == null ? null : cipher.decrypt(PHONE, r.phoneCipher()),
                r.anonymous());
    }

    // ---------------------------------------------------------------- the one way a transition is made

    @FunctionalInterface
    interface Change {
        Appeal.Step apply(Appeal appeal, Instant now);
    }

    /** History being written (synthetic data): the instant and the person each step is recorded with. */
    private record Replay(Instant at, Actor actor) {}

    private static final ThreadLocal<Replay> REPLAY = new ThreadLocal<>();

    /**
     * Runs {@code work} as {@code actor} at {@code at}: every step it takes is timed and signed so, the clocks run from
     * there and the events carry that time. Only for writing synthetic history ({@link SyntheticAppeals}); the audit
     * trail still records when, and by what, it was written.
     */
    <T> T replaying(Instant at, Actor actor, java.util.function.Supplier<T> work) {
        REPLAY.set(new Replay(at, actor));
        try {
            return work.get();
        } finally {
            REPLAY.remove();
        }
    }

    private Instant now() {
        Replay r = REPLAY.get();
        return r != null ? r.at() : Instant.now(clock);
    }

    private Actor actor() {
        Replay r = REPLAY.get();
        return r != null ? r.actor() : actors.current();
    }

    private AppealView change(AppealId id, long expectedVersion, AppealAction action, Change change) {
        Appeal a = load(id);
        requireAllowed(a, action);
        if (a.version() != expectedVersion) {
            throw DomainException.conflict("appeal.version.stale", expectedVersion, a.version());
        }
        apply(a, action, change, actor());
        return queries.view(load(id));
    }

    /**
     * Takes {@code action} on {@code a} as read — the caller has checked who may — and writes it: the row (if still at
     * the version read), the timeline step, the 回访 answer of a {@link AppealAction#FOLLOW_UP}, the audit record and the
     * event, in the caller's transaction.
     */
    void apply(Appeal a, AppealAction action, Change change, Actor by) {
        long read = a.version();
        Map<String, Object> before = summary(a);
        Instant now = now();
        Appeal.Step step = change.apply(a, now);
        if (!store.update(a)) {
            // Someone else changed it between the read and the write.
            throw DomainException.conflict("appeal.version.stale", read, read + 1);
        }
        store.append(a.id(), step, by, now);
        if (action == AppealAction.FOLLOW_UP) {
            store.recordFollowUp(new AppealStore.FollowUpRecord(
                    a.id(),
                    a.rounds().answered(),
                    FollowUpSource.valueOf((String) step.details().get("source")),
                    Boolean.TRUE.equals(step.details().get("reached")),
                    a.resolved(),
                    a.satisfaction(),
                    step.reason(),
                    now,
                    by.name()));
        }
        audit.record(new AuditRecord(action.auditCode(), "appeal", a.id().toString(), before, summary(a)));
        events.publishEvent(event(a, step, now));
    }

    Appeal load(AppealId id) {
        return store.find(id.value()).orElseThrow(() -> DomainException.notFound("appeal.not-found"));
    }

    /**
     * Refuses unless the acting person may take {@code action} on this appeal: 404 when they may not even read it (its
     * existence is not told), 403 when they may read it but not act.
     */
    private void requireAllowed(Appeal a, AppealAction action) {
        if (!queries.mayRead(a)) {
            throw DomainException.notFound("appeal.not-found");
        }
        if (!queries.mayTake(a, action)) {
            throw DomainException.forbidden(queries.holdsRole(action) ? "scope.outside" : "identity.forbidden");
        }
    }

    private AppealEvent event(Appeal a, Appeal.Step step, Instant now) {
        AppealId id = new AppealId(a.id());
        return switch (step.action()) {
            case REGISTER -> throw new IllegalStateException("registration publishes its own event");
            case ACCEPT ->
                new AppealEvent.Accepted(
                        id,
                        now,
                        a.categoryCode(),
                        a.urgency(),
                        a.intake().place().subdistrictId());
            case VOID -> new AppealEvent.Voided(id, now);
            case ANSWER_AT_INTAKE, REFER_TO_LEGAL_ROUTE, CLOSE -> new AppealEvent.Closed(id, now, a.closure());
            case LINK_AS_REPEAT -> new AppealEvent.LinkedAsRepeat(id, now, new AppealId(a.repeatOf()));
            case HAND_OFF_EMERGENCY -> new AppealEvent.EmergencyHandedOff(id, now, a.emergencyService());
            case REVIEW_SELF_HANDLING -> new AppealEvent.SelfHandlingReviewed(id, now, a.state() == AppealState.CLOSED);
            case DISPATCH, REDISPATCH ->
                new AppealEvent.Dispatched(
                        id,
                        now,
                        a.handlerId(),
                        a.coHandlerIds(),
                        a.responseDue(),
                        a.resolutionDue(),
                        step.action() == AppealAction.REDISPATCH,
                        a.intake().place().subdistrictId(),
                        step.details().get("copiedDistrict") == null
                                ? null
                                : UUID.fromString((String) step.details().get("copiedDistrict")));
            case SIGN -> new AppealEvent.Signed(id, now, a.handlerId());
            case OBJECT -> new AppealEvent.Objected(id, now, a.handlerId());
            case RESPOND -> new AppealEvent.Responded(id, now, a.handlerId(), !now.isAfter(a.responseDue()));
            case NOTE -> new AppealEvent.Noted(id, now);
            case REQUEST_EXTENSION ->
                new AppealEvent.ExtensionRequested(id, now, a.handlerId(), a.extensionRequested());
            case DECIDE_EXTENSION ->
                new AppealEvent.ExtensionDecided(
                        id, now, Boolean.TRUE.equals(step.details().get("approved")), a.resolutionDue());
            case SUSPEND -> new AppealEvent.Suspended(id, now);
            case RESUME -> new AppealEvent.Resumed(id, now, a.resolutionDue());
            case ANSWER ->
                new AppealEvent.Answered(
                        id,
                        now,
                        a.handlerId(),
                        a.rounds().answered(),
                        a.rounds().followUpDue());
            case FOLLOW_UP ->
                new AppealEvent.FollowedUp(
                        id,
                        now,
                        a.rounds().answered(),
                        FollowUpSource.valueOf((String) step.details().get("source")),
                        Boolean.TRUE.equals(step.details().get("reached")),
                        a.resolved(),
                        a.satisfaction());
            case VERIFY -> new AppealEvent.Verified(id, now, a.state() == AppealState.VERIFIED);
            case REWORK -> new AppealEvent.Reworked(id, now);
        };
    }

    /** What the audit trail keeps of an appeal: codes, states and ids — never the reporter or the text. */
    private static Map<String, Object> summary(Appeal a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingCode", a.trackingCode());
        m.put("channel", a.intake().channel().name());
        m.put("type", a.intake().type().name());
        m.put("category", a.categoryCode());
        m.put("urgency", a.urgency().name());
        m.put("state", a.state().name());
        if (a.closure() != null) {
            m.put("closure", a.closure().name());
        }
        if (a.handlerId() != null) {
            m.put("handler", a.handlerId().toString());
        }
        if (!a.coHandlerIds().isEmpty()) {
            m.put("coHandlers", a.coHandlerIds().stream().map(UUID::toString).toList());
        }
        if (a.resolutionDue() != null) {
            m.put("resolutionDue", a.resolutionDue().toString());
        }
        if (a.intake().workOrderNumber() != null) {
            m.put("workOrderNumber", a.intake().workOrderNumber());
        }
        return m;
    }

    private static String required(String text, String field) {
        Violations v = new Violations();
        String s = Text.checkText(text, field, MAX_REASON, v);
        if (s == null) {
            v.add(field, "validation.NotBlank", field);
        }
        v.throwIfAny();
        return s;
    }

    private static String optional(String text, String field) {
        Violations v = new Violations();
        String s = Text.checkText(text, field, MAX_REASON, v);
        v.throwIfAny();
        return s;
    }
}
