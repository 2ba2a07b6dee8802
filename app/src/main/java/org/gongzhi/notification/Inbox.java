package org.gongzhi.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.notification.domain.NoticeStore;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's inbox: the notices addressed to the organisations in their scope and to the units it covers, newest
 * first, each marked read per reader. Residents and visitors have none (403).
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

    private final NoticeStore notices;
    private final AccessScopes scopes;
    private final ActorResolver actors;
    private final Permissions may;
    private final TerritoryQueries territory;

    private final OrganizationQueries organisations;

    Inbox(
            NoticeStore notices,
            AccessScopes scopes,
            ActorResolver actors,
            Permissions may,
            TerritoryQueries territory,
            OrganizationQueries organisations) {
        this.organisations = organisations;
        this.notices = notices;
        this.scopes = scopes;
        this.actors = actors;
        this.may = may;
        this.territory = territory;
    }

    /** What the inbox shows: at most {@code limit} (1–200) notices and how many are unread in all. */
    public record Page(List<Notice> notices, long unread) {}

    public Page mine(int limit) {
        may.require(NotificationPermission.READ_INBOX);
        var to = recipients();
        String reader = actors.current().name();
        return new Page(
                notices.addressedTo(
                        to.everything(), to.organisations(), to.units(), reader, Math.max(1, Math.min(limit, 200))),
                notices.unread(to.everything(), to.organisations(), to.units(), reader));
    }

    /** What a notice is about: an appeal, or a whistle (吹哨); exactly one is set. */
    public record Subject(UUID appeal, UUID whistle) {}

    /**
     * Marks a notice read for the acting person and answers what it is about; 404 {@code notification.not-found} when
     * it is not in their inbox.
     */
    @Transactional
    public Subject markRead(long id) {
        may.require(NotificationPermission.READ_INBOX);
        var to = recipients();
        UUID[] subject = notices.subjectOf(id, to.everything(), to.organisations(), to.units())
                .orElseThrow(() -> DomainException.notFound("notification.not-found"));
        notices.markRead(id, actors.current().name());
        return new Subject(subject[0], subject[1]);
    }

    private record Recipients(boolean everything, List<UUID> organisations, List<UUID> units) {}

    private Recipients recipients() {
        AccessScope scope = scopes.current();
        if (scope.everything()) {
            return new Recipients(true, List.copyOf(scope.organisations()), List.of());
        }
        Set<UnitId> within = territory.within(scope);
        Set<UUID> organisations = new LinkedHashSet<>(scope.organisations());
        // Work orders sent to the office of the person's own place are theirs too.
        organisations.addAll(this.organisations.officesIn(within));
        return new Recipients(
                false,
                List.copyOf(organisations),
                within.stream().map(UnitId::value).toList());
    }
}
