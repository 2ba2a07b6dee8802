package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.appeal.Named;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Permissions;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the 督办 records of the places and organisations in the acting person's scope, newest first. */
@Service
@Transactional(readOnly = true)
public class DispatchQueries {

    private final JdbcClient jdbc;
    private final Permissions may;
    private final AccessScopes scopes;
    private final TerritoryQueries territory;
    private final OrganizationQueries organisations;

    DispatchQueries(
            JdbcClient jdbc,
            Permissions may,
            AccessScopes scopes,
            TerritoryQueries territory,
            OrganizationQueries organisations) {
        this.jdbc = jdbc;
        this.may = may;
        this.scopes = scopes;
        this.territory = territory;
        this.organisations = organisations;
    }

    /** At most {@code limit} (1–200) supervisions in scope: of its 街道s, or of appeals its organisations handle. */
    public List<SupervisionView> supervisions(int limit) {
        may.require(DispatchPermission.READ_SUPERVISIONS);
        AccessScope scope = scopes.current();
        List<UUID> units = scope.everything()
                ? List.of()
                : territory.within(scope).stream().map(UnitId::value).toList();
        String where = scope.everything() ? "true" : "(subdistrict_id = any(:units) or handler_id = any(:orgs))";
        var query = jdbc.sql("select id, appeal_id, tracking_code, kind, due, raised_at, handler_id, subdistrict_id"
                        + " from dispatch.supervision where " + where
                        + " order by raised_at desc, id desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 200)));
        if (!scope.everything()) {
            query = query.param("units", units.toArray(UUID[]::new))
                    .param("orgs", scope.organisations().toArray(UUID[]::new));
        }
        List<Row> rows = query.query((rs, n) -> new Row(
                        rs.getLong(1),
                        (UUID) rs.getObject(2),
                        rs.getString(3),
                        SupervisionKind.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        (UUID) rs.getObject(7),
                        (UUID) rs.getObject(8)))
                .list();
        Map<UnitId, UnitView> subdistricts = territory.units(rows.stream()
                .map(Row::subdistrict)
                .filter(java.util.Objects::nonNull)
                .map(UnitId::new)
                .distinct()
                .toList());
        List<SupervisionView> out = new ArrayList<>();
        for (Row r : rows) {
            UnitView s = r.subdistrict() == null ? null : subdistricts.get(new UnitId(r.subdistrict()));
            out.add(new SupervisionView(
                    r.id(),
                    r.appeal(),
                    r.trackingCode(),
                    r.kind(),
                    r.due(),
                    r.raisedAt(),
                    r.handler() == null ? null : new Named(r.handler(), name(r.handler())),
                    r.subdistrict() == null ? null : new Named(r.subdistrict(), s == null ? null : s.name())));
        }
        return out;
    }

    private record Row(
            long id,
            UUID appeal,
            String trackingCode,
            SupervisionKind kind,
            Instant due,
            Instant raisedAt,
            UUID handler,
            UUID subdistrict) {}

    private String name(UUID organisation) {
        return organisations
                .organisation(new OrganisationId(organisation))
                .map(OrganisationView::name)
                .orElse(null);
    }
}
