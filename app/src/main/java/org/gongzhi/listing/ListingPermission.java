package org.gongzhi.listing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** Who may do what with the 一库三清单 (DOMAIN.md §1, §5). */
public final class ListingPermission {

    /** Reading the lists: any staff role, for the places and organisations in its scope. */
    public static final Permission READ = Permission.of("listing.read", Set.of());

    /**
     * Offering, revising and withdrawing a unit's resources and answering their bookings: the unit's 联络员 for its own
     * unit; street and community staff for resources in their places.
     */
    public static final Permission MANAGE_RESOURCES =
            Permission.of("listing.resource.manage", Set.of("UNIT_LIAISON", "STREET_ADMIN", "COMMUNITY_WORKER"));

    /** Requesting a booking for one's unit or community. */
    public static final Permission BOOK = Permission.of(
            "listing.booking.request", Set.of("UNIT_LIAISON", "STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER"));

    /** Opening a resource contact's full name and number (with a reason, audited). */
    public static final Permission UNMASK_CONTACT = Permission.ofPersonalData("listing.contact.unmask", Set.of());

    /**
     * Recording needs and moving them along: street, community and grid staff for their places, a unit's 联络员 for
     * its unit's own needs.
     */
    public static final Permission RECORD_NEEDS = Permission.of(
            "listing.need.record", Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER", "UNIT_LIAISON"));

    /** Adding a 街道's own need categories beside seed 000's six. */
    public static final Permission MANAGE_NEED_CATEGORIES =
            Permission.of("listing.need.category.manage", Set.of("STREET_ADMIN"));

    /**
     * Proposing projects and carrying them (milestones, spend, completion): street and community staff for their
     * places; a party's 联络员 records its own unit's payments.
     */
    public static final Permission MANAGE_PROJECTS =
            Permission.of("listing.project.manage", Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "UNIT_LIAISON"));

    /** 立项 and cancelling: the street (街道办事处 / 党工委, e.g. after a 重点事项会商). */
    public static final Permission APPROVE_PROJECTS = Permission.of("listing.project.approve", Set.of("STREET_ADMIN"));

    /** Keeping the 街道's 智库: adding, revising and withdrawing experts. */
    public static final Permission MANAGE_EXPERTS = Permission.of("listing.expert.manage", Set.of("STREET_ADMIN"));

    public static final List<Permission> ALL = List.of(
            READ,
            MANAGE_RESOURCES,
            BOOK,
            UNMASK_CONTACT,
            RECORD_NEEDS,
            MANAGE_NEED_CATEGORIES,
            MANAGE_PROJECTS,
            APPROVE_PROJECTS,
            MANAGE_EXPERTS);

    private ListingPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
