package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.Test;

/** The one permission check: the role must hold the permission, and the place must lie in the scope. */
class PermissionsTests {

    /** Permissions as a module declares them. */
    static final class Sample {
        static final Permission FOUND = Permission.of("sample.found", Set.of("STREET_ADMIN"));
        static final Permission LOOK = Permission.of("sample.look", Set.of());
        static final Permission UNMASK = Permission.ofPersonalData("sample.unmask", Set.of());
        static final List<Permission> ALL = List.of(FOUND, LOOK, UNMASK);
    }

    static final UUID STREET = UUID.randomUUID();
    static final UUID COMMUNITY = UUID.randomUUID();
    static final UUID ELSEWHERE = UUID.randomUUID();
    static final UUID OWN_ORGANISATION = UUID.randomUUID();

    final AtomicReference<AccessScope> current = new AtomicReference<>(AccessScope.none());
    // COMMUNITY lies below STREET; ELSEWHERE below neither.
    final Map<UUID, UUID> parents = Map.of(COMMUNITY, STREET);
    final Permissions may = new Permissions(
            current::get,
            (scope, unit) -> {
                for (UUID u = unit; u != null; u = parents.get(u)) {
                    if (scope.units().contains(u)) {
                        return true;
                    }
                }
                return false;
            },
            List.of(() -> (Collection<? extends Permission>) Sample.ALL));

    void as(Set<String> roles, Set<UUID> units, boolean mayUnmask) {
        current.set(new AccessScope(false, roles, units, Set.of(OWN_ORGANISATION), mayUnmask));
    }

    @Test
    void a_role_without_the_permission_is_refused_before_the_place_is_considered() {
        as(Set.of("GRID_WORKER"), Set.of(STREET), false);
        assertThat(may.to("sample.found", COMMUNITY)).isFalse();
        assertThatThrownBy(() -> may.require(Sample.FOUND, COMMUNITY))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("identity.forbidden");
    }

    @Test
    void the_place_must_lie_in_the_scope_or_below_it() {
        as(Set.of("STREET_ADMIN"), Set.of(STREET), false);
        assertThat(may.to("sample.found")).isTrue();
        assertThat(may.to("sample.found", STREET)).isTrue();
        assertThat(may.to("sample.found", COMMUNITY)).isTrue();
        assertThat(may.to("sample.found", ELSEWHERE)).isFalse();
        assertThatThrownBy(() -> may.require(Sample.FOUND, ELSEWHERE)).hasMessageContaining("scope.outside");
        // No place means the whole installation, which only an installation-wide scope reaches.
        assertThat(may.to("sample.found", null)).isFalse();
    }

    @Test
    void an_organisation_in_the_scope_counts_though_its_unit_does_not() {
        as(Set.of("STREET_ADMIN"), Set.of(), false);
        assertThat(may.toOrganisation("sample.found", OWN_ORGANISATION, ELSEWHERE))
                .isTrue();
        assertThat(may.toOrganisation("sample.found", UUID.randomUUID(), ELSEWHERE))
                .isFalse();
    }

    @Test
    void any_staff_role_means_a_resident_or_visitor_holds_none() {
        current.set(AccessScope.none());
        assertThat(may.to("sample.look")).isFalse();
        as(Set.of("VOLUNTEER"), Set.of(STREET), false);
        assertThat(may.to("sample.look", COMMUNITY)).isTrue();
    }

    @Test
    void personal_data_needs_the_separate_permission_to_unmask() {
        as(Set.of("STREET_ADMIN"), Set.of(STREET), false);
        assertThat(may.to("sample.unmask", COMMUNITY)).isFalse();
        assertThatThrownBy(() -> may.require(Sample.UNMASK)).hasMessageContaining("personal-data.unmask.permission");
        as(Set.of("STREET_ADMIN"), Set.of(STREET), true);
        assertThat(may.to("sample.unmask", COMMUNITY)).isTrue();
    }

    @Test
    void the_platform_s_own_work_holds_every_permission_everywhere() {
        current.set(AccessScope.platform());
        assertThat(may.to("sample.found", ELSEWHERE)).isTrue();
        assertThat(may.to("sample.found", null)).isTrue();
    }

    @Test
    void an_unknown_code_on_a_page_is_a_programming_error() {
        assertThatThrownBy(() -> may.to("sample.nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
