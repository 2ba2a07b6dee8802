package org.gongzhi.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.UnitCoverage;
import org.gongzhi.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a unit lies in the acting person's scope: it or one of the units above it is in the scope. Other modules use
 * it to keep their own data (organisations, councils, lists) within the scope too. A {@link Check} remembers what it
 * learnt, so that a batch (an import of thousands of rows) walks each part of the hierarchy once.
 */
@Component
public class TerritoryScope implements UnitCoverage {

    private final AccessScopes scopes;
    private final JdbcClient jdbc;

    TerritoryScope(AccessScopes scopes, JdbcClient jdbc) {
        this.scopes = scopes;
        this.jdbc = jdbc;
    }

    /** A check against the acting person's scope as it is now, for one request or batch. */
    public Check check() {
        return new Check(scopes.current());
    }

    @Override
    public boolean covers(AccessScope scope, UUID unit) {
        return new Check(scope).covers(unit);
    }

    public boolean covers(UnitId unit) {
        return check().covers(unit.value());
    }

    /** Refuses, without naming anything, when the unit lies outside the acting person's scope. */
    public void require(UnitId unit) {
        check().require(unit.value());
    }

    /** Refuses unless the acting person's scope is the whole installation (e.g. for a new 区). */
    public void requireEverything() {
        check().requireEverything();
    }

    public final class Check {

        private final AccessScope scope;
        private final Map<UUID, Boolean> known = new HashMap<>();

        private Check(AccessScope scope) {
            this.scope = scope;
        }

        public boolean covers(UUID unit) {
            if (scope.everything()) {
                return true;
            }
            List<UUID> path = new ArrayList<>();
            UUID current = unit;
            boolean covered = false;
            while (current != null && path.size() <= UnitKind.values().length) {
                Boolean seen = known.get(current);
                if (seen != null) {
                    covered = seen;
                    break;
                }
                path.add(current);
                if (scope.units().contains(current)) {
                    covered = true;
                    break;
                }
                current = jdbc.sql("select parent_id from territory.unit where id = ?")
                        .param(current)
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
            }
            for (UUID u : path) {
                known.put(u, covered);
            }
            return covered;
        }

        public void require(UUID unit) {
            if (!covers(unit)) {
                throw DomainException.forbidden("scope.outside");
            }
        }

        public void requireEverything() {
            if (!scope.everything()) {
                throw DomainException.forbidden("scope.outside");
            }
        }
    }
}
