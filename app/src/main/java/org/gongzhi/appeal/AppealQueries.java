package org.gongzhi.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongzhi.appeal.domain.Appeal;
import org.gongzhi.appeal.domain.AppealStore;
import org.gongzhi.appeal.domain.CategoryStore;
import org.gongzhi.appeal.domain.ContactPhone;
import org.gongzhi.appeal.domain.TrackingCodes;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.Permission;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads appeals for those who may see them: staff whose scope covers the appeal's place or holds its handling
 * organisation (404 {@code appeal.not-found} for anyone else, so an appeal's existence is not told), and the reporter
 * through the tracking code and token. The reporter's name and phone are always masked here.
 */
@Service
@Transactional(readOnly = true)
public class AppealQueries {

    private static final String NAME = "appeal.reporter.name";
    private static final String PHONE = "appeal.reporter.phone";

    private final AppealStore store;
    private final CategoryStore categories;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;
    private final PersonalDataCipher cipher;
    private final Permissions may;
    private final org.gongzhi.platform.AccessScopes scopes;
    private final org.gongzhi.platform.ActorResolver actors;
    private final Clock clock;

    private final java.time.Duration repeatWindow;
    private final double repeatRadius;

    AppealQueries(
            AppealStore store,
            CategoryStore categories,
            TerritoryQueries territory,
            OrganizationQueries organisations,
            PersonalDataCipher cipher,
            Permissions may,
            org.gongzhi.platform.AccessScopes scopes,
            org.gongzhi.platform.ActorResolver actors,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gongzhi.appeal.repeat-window:P7D}")
                    java.time.Duration repeatWindow,
            @org.springframework.beans.factory.annotation.Value("${gongzhi.appeal.repeat-radius:200}")
                    double repeatRadius) {
        this.repeatWindow = repeatWindow;
        this.repeatRadius = repeatRadius;
        this.store = store;
        this.categories = categories;
        this.territory = territory;
        this.organisations = organisations;
        this.cipher = cipher;
        this.may = may;
        this.scopes = scopes;
        this.actors = actors;
        this.clock = clock;
    }

    /** The appeal, if the acting person may read it; 404 otherwise. */
    public AppealView require(AppealId id) {
        return view(readable(id));
    }

    /** The timeline, oldest first, for those who may read the appeal. */
    public List<TimelineEntry> timeline(AppealId id) {
        Appeal a = readable(id);
        return store.steps(a.id()).stream()
                .map(s -> new TimelineEntry(
                        s.action(), s.from(), s.to(), s.actor(), s.actorRole(), s.at(), s.reason(), named(s.details())))
                .toList();
    }

    /** The step's details with the handlers also by name ({@code handlerName}, {@code previousHandlerName}). */
    private Map<String, Object> named(Map<String, Object> details) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(details);
        for (String key : List.of("handler", "previousHandler")) {
            if (details.get(key) instanceof String id) {
                try {
                    out.put(key + "Name", organisationName(UUID.fromString(id)));
                } catch (IllegalArgumentException e) {
                    // Not an id: leave it.
                }
            }
        }
        return out;
    }

    /** The appeal's clocks, for those who may read it (the platform's own timers may). */
    public AppealClock clock(AppealId id) {
        Appeal a = readable(id);
        return new AppealClock(
                id,
                a.trackingCode(),
                a.state(),
                a.handlerId(),
                a.intake().place().subdistrictId(),
                a.dispatchCount(),
                a.dispatchedAt(),
                a.responseDue(),
                a.respondedAt(),
                a.resolutionDue(),
                a.suspendedAt(),
                a.answeredAt());
    }

    /**
     * The reporter's mobile number, to text them about their appeal — for the platform's own work only (403 {@code
     * identity.forbidden} for anyone else); empty for a landline or no number.
     */
    public java.util.Optional<org.gongzhi.shared.PhoneNumber> reporterMobile(AppealId id) {
        if (!scopes.current().roles().contains(org.gongzhi.platform.AccessScope.PLATFORM_ROLE)) {
            throw DomainException.forbidden("identity.forbidden");
        }
        return mobileOf(store.find(id.value()).orElseThrow(() -> DomainException.notFound("appeal.not-found")));
    }

    /** The reporter's mobile number of {@code a}, unchecked: for this module's own work (texts, 回访 codes). */
    java.util.Optional<org.gongzhi.shared.PhoneNumber> mobileOf(Appeal a) {
        String cipherText = a.intake().reporter().phoneCipher();
        if (cipherText == null || a.intake().synthetic()) {
            // Demo appeals carry made-up numbers that may belong to someone: nobody is ever texted about them.
            return java.util.Optional.empty();
        }
        String number = cipher.decrypt(PHONE, cipherText);
        return org.gongzhi.shared.PhoneNumber.isValid(number)
                ? java.util.Optional.of(org.gongzhi.shared.PhoneNumber.parse(number))
                : java.util.Optional.empty();
    }

    /**
     * The appeals linked to {@code id} as its repeats (重复件), whose reporters are told what it comes to — for the
     * platform's own work only (403 {@code identity.forbidden} for anyone else).
     */
    public List<AppealId> repeatsOf(AppealId id) {
        if (!scopes.current().roles().contains(org.gongzhi.platform.AccessScope.PLATFORM_ROLE)) {
            throw DomainException.forbidden("identity.forbidden");
        }
        return store.repeatsOf(id.value()).stream().map(AppealId::new).toList();
    }

    /** The actions the acting person may take on the appeal now: allowed in its state and permitted to them. */
    public Set<AppealAction> availableActions(AppealId id) {
        Appeal a = readable(id);
        Set<AppealAction> out = EnumSet.noneOf(AppealAction.class);
        for (AppealAction action : AppealAction.values()) {
            if (action.allowedIn(a.state()) && mayTake(a, action)) {
                if (action == AppealAction.DECIDE_EXTENSION
                        && (a.extensionRequested() == null
                                || actors.current().name().equals(extensionRequester(a)))) {
                    // Nothing to decide, or the person asked for it themselves: an approval is a second person's.
                    continue;
                }
                if (action == AppealAction.REQUEST_EXTENSION && a.extensionRequested() != null) {
                    continue;
                }
                if (action == AppealAction.CLOSE
                        && a.state() == AppealState.FOLLOWED_UP
                        && a.rounds().verificationRequired()) {
                    // A 回访 of 未解决/不满意 waits for its 核查 first.
                    continue;
                }
                out.add(action);
            }
        }
        return out;
    }

    /** Who asked for the extension waiting on the appeal (its latest 延期申请), or null. */
    String extensionRequester(Appeal a) {
        return store.steps(a.id()).stream()
                .filter(step -> step.action() == AppealAction.REQUEST_EXTENSION)
                .reduce((first, last) -> last)
                .map(AppealStore.StoredStep::actor)
                .orElse(null);
    }

    /**
     * The appeal for its reporter: the tracking code (as typed: case, spaces and look-alike letters forgiven) and the
     * secret token must both match, else 404 {@code appeal.tracking.not-found} — the same answer for a wrong code and a
     * wrong token.
     */
    public TrackedAppeal track(String trackingCode, String token) {
        Appeal a = store.findByTrackingCode(TrackingCodes.normalise(trackingCode))
                .filter(x -> token != null && TrackingCodes.matches(token, x.tokenHash()))
                .orElseThrow(() -> DomainException.notFound("appeal.tracking.not-found"));
        return tracked(a);
    }

    /**
     * The open record of appeals residents sent themselves (网上 and Open311), for anyone — Open311 clients among them:
     * no reporter, descriptions masked as lists mask them. 400 {@code appeal.list.limit} for a limit outside 1–1,000.
     */
    public List<PublishedAppeal> published(PublishedFilter f) {
        if (f.limit() < 1 || f.limit() > 1000) {
            throw DomainException.invalid(List.of(Violation.of("limit", "appeal.list.limit", 1000)));
        }
        return store
                .published(
                        f.trackingCodes().stream().map(TrackingCodes::normalise).toList(),
                        f.categoryCodes(),
                        f.from(),
                        f.to(),
                        f.closed(),
                        f.subdistricts(),
                        f.limit())
                .stream()
                .map(a -> {
                    TrackedAppeal t = tracked(a);
                    return new PublishedAppeal(
                            a.trackingCode(),
                            a.categoryCode(),
                            t.categoryName(),
                            a.state(),
                            a.closure(),
                            masked(a),
                            a.intake().address(),
                            a.intake().latitude(),
                            a.intake().longitude(),
                            t.handler(),
                            // Answers name people and numbers too (a car's owner, a phone): masked as descriptions are.
                            t.answer() == null ? null : Masking.numbersIn(t.answer()),
                            a.registeredAt(),
                            a.updatedAt(),
                            a.resolutionDue());
                })
                .toList();
    }

    /** A resident's own appeals, newest first (at most 50), as they follow them. */
    public List<TrackedAppeal> ofResident(UUID residentId) {
        requireResident(residentId);
        return store.ofResident(residentId, 50).stream().map(this::tracked).toList();
    }

    /** One of a resident's own appeals, by its tracking code; 404 for anyone else's. */
    public TrackedAppeal ofResident(UUID residentId, String trackingCode) {
        requireResident(residentId);
        return store.findByTrackingCode(TrackingCodes.normalise(trackingCode))
                .filter(a -> residentId.equals(a.intake().reporter().residentId()))
                .map(this::tracked)
                .orElseThrow(() -> DomainException.notFound("appeal.not-found"));
    }

    private void requireResident(UUID residentId) {
        if (!actors.current().name().equals("resident:" + residentId)) {
            throw DomainException.forbidden("identity.forbidden");
        }
    }

    /** Photo {@code position} (0–2) of an appeal the acting person may read, as JPEG bytes; 404 otherwise. */
    public byte[] photo(AppealId id, int position) {
        Appeal a = readable(id);
        return store.photo(a.id(), position).orElseThrow(() -> DomainException.notFound("appeal.not-found"));
    }

    TrackedAppeal tracked(Appeal a) {
        var steps = store.steps(a.id());
        String answer = null;
        List<TrackedAppeal.Milestone> milestones = new ArrayList<>();
        for (var s : steps) {
            if (s.action() == AppealAction.ANSWER
                    || s.action() == AppealAction.ANSWER_AT_INTAKE
                    || s.action() == AppealAction.REFER_TO_LEGAL_ROUTE) {
                answer = s.reason();
            }
            if (s.from() != s.to()) {
                milestones.add(new TrackedAppeal.Milestone(s.action(), s.to(), s.at()));
            }
        }
        return new TrackedAppeal(
                a.trackingCode(),
                a.intake().type(),
                categoryName(a),
                a.intake().content(),
                a.intake().address(),
                a.state(),
                a.closure(),
                a.handlerId() == null ? null : organisationName(a.handlerId()),
                a.registeredAt(),
                a.resolutionDue(),
                a.answeredAt(),
                a.closedAt(),
                answer,
                milestones,
                a.state() == AppealState.ANSWERED ? a.rounds().followUpDue() : null);
    }

    /**
     * A caller's earlier appeals, newest first (at most {@code limit}, 1–20), found by the keyed hash of their number
     * — for the 12345 operator (403 without {@link AppealPermission#REGISTER_HOTLINE}), and only those they may read. An
     * unreadable number finds nothing.
     */
    public List<AppealBrief> earlierByPhone(String phone, int limit) {
        may.require(AppealPermission.REGISTER_HOTLINE);
        String number = ContactPhone.normalise(phone);
        if (number == null) {
            return List.of();
        }
        // Only appeals the operator may read: a caller's appeals elsewhere are another area's business.
        return store.byPhoneLookup(cipher.lookupHash(PHONE, number), 200).stream()
                .filter(this::mayRead)
                .limit(Math.max(1, Math.min(limit, 20)))
                .map(this::brief)
                .toList();
    }

    /**
     * 重复件 candidates for the appeal: open appeals of the same category registered within {@code
     * gongzhi.appeal.repeat-window} (7 days unless configured) before it and within {@code
     * gongzhi.appeal.repeat-radius} metres (200) of its point — or in the same 社区 when either has no point — that the
     * acting person may read; nearest in time first, at most 5. None for an appeal without a category.
     */
    public List<AppealBrief> possibleRepeats(AppealId id) {
        Appeal a = readable(id);
        if (a.categoryCode() == null) {
            return List.of();
        }
        return store.repeatCandidates(a, repeatWindow, repeatRadius).stream()
                .filter(c ->
                        a.intake().latitude() == null || c.intake().latitude() == null || metres(a, c) <= repeatRadius)
                .filter(this::mayRead)
                .limit(5)
                .map(this::brief)
                .toList();
    }

    private static double metres(Appeal a, Appeal b) {
        return org.gongzhi.shared.GreatCircle.metres(
                a.intake().latitude(),
                a.intake().longitude(),
                b.intake().latitude(),
                b.intake().longitude());
    }

    private AppealBrief brief(Appeal a) {
        return new AppealBrief(
                new AppealId(a.id()),
                a.trackingCode(),
                a.registeredAt(),
                a.intake().type(),
                categoryName(a),
                a.state(),
                summary(a));
    }

    /**
     * The first 40 characters of the content for lists, maps and exports: the phone and ID numbers written in it
     * masked, and the reporter's own name where the content repeats it (as the reporter field shows it, 王**).
     */
    private String summary(Appeal a) {
        String masked = masked(a);
        int cut = masked.offsetByCodePoints(0, Math.min(masked.codePointCount(0, masked.length()), 40));
        return cut < masked.length() ? masked.substring(0, cut) + "…" : masked;
    }

    /** The content with numbers and the reporter's own name masked. */
    private String masked(Appeal a) {
        String masked = org.gongzhi.shared.Masking.numbersIn(a.intake().content());
        String nameCipher = a.intake().reporter().nameCipher();
        if (nameCipher != null && masked != null) {
            String name = cipher.decrypt(NAME, nameCipher);
            if (name != null && name.codePointCount(0, name.length()) >= 2) {
                masked = masked.replace(name, Masking.name(name));
            }
        }
        return masked;
    }

    /** The most rows one list page shows. */
    public static final int MAX_PAGE = 100;

    /**
     * A page of the appeals the acting person may read that match {@code filter}, after {@code cursor} (null: the
     * first page; otherwise the {@code next} of the page before, in the same order), at most {@code limit} (1–100).
     * 400 {@code appeal.list.limit} on {@code limit} outside 1–100, {@code appeal.list.cursor-invalid} on {@code after}
     * for a cursor this list did not give (another order's included); 403 without {@link AppealPermission#READ}.
     */
    public AppealPage list(AppealFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.invalid(List.of(Violation.of("limit", "appeal.list.limit", MAX_PAGE)));
        }
        List<Appeal> found = found(filter, cursor, limit + 1);
        boolean more = found.size() > limit;
        List<Appeal> page = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Appeal last = page.get(page.size() - 1);
            next = (filter.mine() ? "d" + last.resolutionDue() : "r" + last.registeredAt()) + "~" + last.id();
        }
        return new AppealPage(rows(page), next);
    }

    /** The most appeals the map shows at once. */
    public static final int MAX_MARKERS = 2_000;

    /**
     * The appeals matching {@code filter} for the map, newest first, at most {@link #MAX_MARKERS}: each with its
     * point (WGS84 degrees) when it has one and the code of its 社区 (else its 街道) to place it by otherwise. 403
     * without {@link AppealPermission#READ}.
     */
    public List<AppealMarker> markers(AppealFilter filter) {
        List<Appeal> found = found(filter, null, MAX_MARKERS);
        Map<UnitId, UnitView> places = territory.units(found.stream()
                .map(a -> placeOf(a))
                .filter(java.util.Objects::nonNull)
                .map(UnitId::new)
                .distinct()
                .toList());
        Instant now = Instant.now(clock);
        Map<String, String> categoryNames = new java.util.HashMap<>();
        return found.stream()
                .map(a -> {
                    UUID placeId = placeOf(a);
                    UnitView place = placeId == null ? null : places.get(new UnitId(placeId));
                    return new AppealMarker(
                            new AppealId(a.id()),
                            a.trackingCode(),
                            a.intake().latitude(),
                            a.intake().longitude(),
                            place == null ? null : place.code(),
                            a.categoryCode() == null
                                    ? null
                                    : categoryNames.computeIfAbsent(
                                            a.categoryCode() + "/" + a.categoryVersion(), k -> categoryName(a)),
                            a.state(),
                            a.light(now));
                })
                .toList();
    }

    private static UUID placeOf(Appeal a) {
        var p = a.intake().place();
        return p.communityId() != null ? p.communityId() : p.subdistrictId();
    }

    private List<Appeal> found(AppealFilter filter, String cursor, int limit) {
        may.require(AppealPermission.READ);
        var scope = scopes.current();
        List<UUID> units = scope.everything()
                ? List.of()
                : territory.within(scope).stream().map(UnitId::value).toList();
        java.util.Set<UUID> organisations = new java.util.LinkedHashSet<>(scope.organisations());
        if (filter.mine() && !scope.everything()) {
            // The office of the person's own place is theirs to act for too (the 街道办事处, a 社区's 居委会), as in
            // holdsOrganisation: not every organisation that merely sits there.
            organisations.addAll(this.organisations.officesIn(territory.within(scope)));
        }
        Instant afterTime = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            // "r<registered>~<id>" for the newest-first list, "d<deadline>~<id>" for the inbox.
            try {
                int cut = cursor.indexOf('~');
                if (cursor.charAt(0) != (filter.mine() ? 'd' : 'r')) {
                    throw new IllegalArgumentException("another order's cursor");
                }
                afterTime = Instant.parse(cursor.substring(1, cut));
                afterId = UUID.fromString(cursor.substring(cut + 1));
            } catch (RuntimeException e) {
                throw DomainException.invalid(List.of(Violation.of("after", "appeal.list.cursor-invalid")));
            }
        }
        var zone = clock.getZone();
        return store.list(new AppealStore.ListQuery(
                scope.everything(),
                units,
                List.copyOf(organisations),
                filter.mine(),
                filter.state(),
                org.gongzhi.shared.Text.stripToNull(filter.category()),
                filter.channel(),
                filter.handlerId(),
                filter.light(),
                filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
                filter.to() == null
                        ? null
                        : filter.to().plusDays(1).atStartOfDay(zone).toInstant(),
                Instant.now(clock),
                afterTime,
                afterId,
                limit));
    }

    private List<AppealRow> rows(List<Appeal> appeals) {
        Map<UnitId, UnitView> places = territory.units(appeals.stream()
                .map(a -> a.intake().place().communityId() != null
                        ? a.intake().place().communityId()
                        : a.intake().place().subdistrictId())
                .filter(java.util.Objects::nonNull)
                .map(UnitId::new)
                .distinct()
                .toList());
        // One query for the handlers' names of the whole page.
        Map<UUID, String> handlers = organisations.names(appeals.stream()
                .map(Appeal::handlerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(OrganisationId::new)
                .toList());
        Map<String, String> categoryNames = new java.util.HashMap<>();
        Instant now = Instant.now(clock);
        return appeals.stream()
                .map(a -> {
                    var p = a.intake().place();
                    UUID placeId = p.communityId() != null ? p.communityId() : p.subdistrictId();
                    UnitView place = placeId == null ? null : places.get(new UnitId(placeId));
                    return new AppealRow(
                            new AppealId(a.id()),
                            a.trackingCode(),
                            a.registeredAt(),
                            a.intake().channel(),
                            a.intake().type(),
                            a.categoryCode() == null
                                    ? null
                                    : categoryNames.computeIfAbsent(
                                            a.categoryCode() + "/" + a.categoryVersion(), k -> categoryName(a)),
                            summary(a),
                            place == null ? null : place.name(),
                            a.state(),
                            a.handlerId() == null ? null : handlers.get(a.handlerId()),
                            a.resolutionDue(),
                            a.light(now),
                            a.intake().synthetic());
                })
                .toList();
    }

    /** An appeal the acting person may read, by its tracking code as typed; 404 otherwise. */
    public AppealView byTrackingCode(String code) {
        Appeal a = store.findByTrackingCode(TrackingCodes.normalise(code))
                .filter(this::mayRead)
                .orElseThrow(() -> DomainException.notFound("appeal.not-found"));
        return view(a);
    }

    // ---------------------------------------------------------------- who may do what

    private Appeal readable(AppealId id) {
        Appeal a = store.find(id.value()).orElseThrow(() -> DomainException.notFound("appeal.not-found"));
        if (!mayRead(a)) {
            throw DomainException.notFound("appeal.not-found");
        }
        return a;
    }

    boolean mayRead(Appeal a) {
        UUID place = a.intake().answerable();
        if (may.to(AppealPermission.READ.code(), place)) {
            return true;
        }
        if (!may.to(AppealPermission.READ.code())) {
            return false;
        }
        return Stream.concat(Stream.of(a.handlerId()), a.coHandlerIds().stream())
                .anyMatch(o -> o != null && holdsOrganisation(AppealPermission.READ, o));
    }

    /**
     * Whether the acting person may open the reporter's contact of {@code a} now: they hold {@link
     * AppealPermission#VIEW_CONTACT} (with the permission to open personal data) for its lead handler or a co-handler,
     * and the case is still open (DOMAIN.md §9: only while the case is theirs).
     */
    boolean mayViewContact(Appeal a) {
        if (a.state().isFinal() || a.handlerId() == null || !may.to(AppealPermission.VIEW_CONTACT.code())) {
            return false;
        }
        return Stream.concat(Stream.of(a.handlerId()), a.coHandlerIds().stream())
                .anyMatch(o -> holdsOrganisation(AppealPermission.HANDLE, o));
    }

    /** Whether the acting person may open the reporter's contact of this appeal now (for pages). */
    public boolean mayViewContact(AppealId id) {
        return mayViewContact(readable(id));
    }

    /** Whether the acting person's role and scope allow {@code action} on {@code a} (its state aside). */
    boolean mayTake(Appeal a, AppealAction action) {
        return switch (action) {
            case REGISTER -> false;
            case SIGN, OBJECT, RESPOND, REQUEST_EXTENSION, ANSWER ->
                a.handlerId() != null && holdsOrganisation(AppealPermission.HANDLE, a.handlerId());
            case NOTE ->
                dispatcher(a)
                        || Stream.concat(Stream.of(a.handlerId()), a.coHandlerIds().stream())
                                .anyMatch(o -> o != null && holdsOrganisation(AppealPermission.HANDLE, o));
            case VERIFY ->
                may.to(AppealPermission.VERIFY.code(), a.intake().place().accountable());
            default -> dispatcher(a);
        };
    }

    /**
     * The district a dispatch to {@code lead} copies: 直派 to a 街道办事处 copies the district above it (DOMAIN.md §4,
     * Dispatch directory); null for any other organisation.
     */
    public UUID copiedDistrict(UUID lead) {
        return organisations
                .organisation(new OrganisationId(lead))
                .filter(o -> o.kind() == org.gongzhi.organization.OrganisationKind.SUBDISTRICT_OFFICE)
                .flatMap(o -> territory.lineage(o.unitId()).stream()
                        .filter(u -> u.kind() == org.gongzhi.territory.UnitKind.DISTRICT)
                        .findFirst())
                .map(u -> u.id().value())
                .orElse(null);
    }

    /** The version of an appeal the acting person may read (404 otherwise), without building its view. */
    public long version(AppealId id) {
        return readable(id).version();
    }

    /** Whether the acting person's roles hold the permission {@code action} needs anywhere. */
    boolean holdsRole(AppealAction action) {
        Permission p = switch (action) {
            case SIGN, OBJECT, RESPOND, REQUEST_EXTENSION, ANSWER, NOTE -> AppealPermission.HANDLE;
            case VERIFY -> AppealPermission.VERIFY;
            default -> AppealPermission.DISPATCH;
        };
        return may.to(p.code());
    }

    /**
     * The dispatcher of the appeal's 街道 (its district's where it lies in no 街道); in the coordination queue, of the
     * area that took it.
     */
    private boolean dispatcher(Appeal a) {
        var place = a.intake().place();
        UUID at = place.subdistrictId() != null
                ? place.subdistrictId()
                : place.districtId() != null ? place.districtId() : a.intake().coordinatorId();
        return may.to(AppealPermission.DISPATCH.code(), at);
    }

    /**
     * Whether the acting person may do {@code p} for {@code organisation}. Reading follows the place: the organisation
     * is in their scope or sits in a unit of it. Handling is the organisation's own staff's: it is in their scope by
     * name — or it is the office of their own place (the 街道办事处 for street staff, the 居委会 for community staff), so
     * a street administrator cannot sign for a department that merely sits in the 街道.
     */
    private boolean holdsOrganisation(Permission p, UUID organisation) {
        return organisations
                .organisation(new OrganisationId(organisation))
                .map(o -> {
                    if (p != AppealPermission.HANDLE) {
                        return may.toOrganisation(
                                p.code(), organisation, o.unitId().value());
                    }
                    if (!may.to(p.code())) {
                        return false;
                    }
                    var scope = scopes.current();
                    boolean office = o.kind().placeOffice();
                    return scope.everything()
                            || scope.organisations().contains(organisation)
                            || (office && may.to(p.code(), o.unitId().value()));
                })
                .orElse(false);
    }

    // ---------------------------------------------------------------- views

    AppealView view(Appeal a) {
        var place = a.intake().place();
        List<UnitId> ids = Stream.of(place.subdistrictId(), place.communityId(), place.gridId())
                .filter(java.util.Objects::nonNull)
                .map(UnitId::new)
                .toList();
        Map<UnitId, UnitView> units = ids.isEmpty() ? Map.of() : territory.units(ids);
        var reporter = a.intake().reporter();
        return new AppealView(
                new AppealId(a.id()),
                a.trackingCode(),
                a.intake().channel(),
                a.intake().type(),
                a.categoryCode(),
                a.categoryVersion(),
                categoryName(a),
                a.urgency(),
                a.intake().content(),
                a.intake().address(),
                a.intake().latitude(),
                a.intake().longitude(),
                named(units, place.subdistrictId()),
                named(units, place.communityId()),
                named(units, place.gridId()),
                place.streetCode() == null
                        ? null
                        : territory
                                .street(place.streetCode())
                                .map(org.gongzhi.territory.NearbyStreet::name)
                                .orElse(place.streetCode()),
                place.accountable() == null,
                reporter.nameCipher() == null ? null : Masking.name(cipher.decrypt(NAME, reporter.nameCipher())),
                reporter.phoneCipher() == null ? null : Masking.phone(cipher.decrypt(PHONE, reporter.phoneCipher())),
                reporter.anonymous(),
                a.intake().workOrderNumber(),
                a.state(),
                a.closure(),
                a.repeatOf() == null ? null : new AppealId(a.repeatOf()),
                a.emergencyService(),
                a.handlerId() == null ? null : organisation(a.handlerId()),
                a.coHandlerIds().stream().map(this::organisation).toList(),
                a.dispatchCount(),
                a.registeredAt(),
                a.dispatchedAt(),
                a.responseDue(),
                a.resolutionDue(),
                a.signedAt(),
                a.respondedAt(),
                a.extensionRequested(),
                a.suspendedAt(),
                a.answeredAt(),
                a.resolved(),
                a.satisfaction(),
                a.closedAt(),
                a.light(Instant.now(clock)),
                store.photoCount(a.id()),
                a.intake().synthetic(),
                a.version());
    }

    private static Named named(Map<UnitId, UnitView> units, UUID id) {
        if (id == null) {
            return null;
        }
        UnitView u = units.get(new UnitId(id));
        return new Named(id, u == null ? null : u.name());
    }

    private Named organisation(UUID id) {
        return new Named(id, organisationName(id));
    }

    private String organisationName(UUID id) {
        return organisations
                .organisation(new OrganisationId(id))
                .map(OrganisationView::name)
                .orElse(null);
    }

    private String categoryName(Appeal a) {
        if (a.categoryCode() == null) {
            return null;
        }
        return categories.name(a.categoryCode(), a.categoryVersion());
    }
}
