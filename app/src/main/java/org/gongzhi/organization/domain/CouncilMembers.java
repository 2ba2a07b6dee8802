package org.gongzhi.organization.domain;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member units of councils, each seated with one 联络员. A seat is a row of its own: admitting a unit does not
 * change the council, so units admitted at the same moment never conflict; a unit holds one seat per council, which
 * the table's key enforces however the requests interleave.
 */
@Component
public class CouncilMembers {

    private final JdbcClient jdbc;

    CouncilMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seats a unit; {@code organization.council.member-exists} (409) when it holds a seat already. */
    public void admit(UUID councilId, Council.CouncilMember member) {
        int seated = jdbc.sql("insert into organization.council_member"
                        + " (council_id, organisation_id, liaison_name, liaison_title, joined_on)"
                        + " values (?, ?, ?, ?, ?) on conflict (council_id, organisation_id) do nothing")
                .params(
                        councilId,
                        member.organisationId(),
                        member.liaisonName(),
                        member.liaisonTitle(),
                        Date.valueOf(member.joinedOn()))
                .update();
        if (seated == 0) {
            throw DomainException.conflict(Violation.of("organisationId", "organization.council.member-exists"));
        }
    }

    /** Unseats a unit; {@code organization.council.member-unknown} (404) when it holds no seat. */
    public void remove(UUID councilId, UUID organisationId) {
        int removed = jdbc.sql("delete from organization.council_member where council_id = ? and organisation_id = ?")
                .params(councilId, organisationId)
                .update();
        if (removed == 0) {
            throw DomainException.notFound("organization.council.member-unknown", organisationId);
        }
    }

    /** Names the seat's new 联络员; {@code organization.council.member-unknown} (404) when the unit holds no seat. */
    public void appoint(UUID councilId, UUID organisationId, String liaisonName, String liaisonTitle) {
        int changed = jdbc.sql("update organization.council_member set liaison_name = ?, liaison_title = ?"
                        + " where council_id = ? and organisation_id = ?")
                .params(liaisonName, liaisonTitle, councilId, organisationId)
                .update();
        if (changed == 0) {
            throw DomainException.notFound("organization.council.member-unknown", organisationId);
        }
    }

    /** The council's members, earliest first. */
    public List<Council.CouncilMember> of(UUID councilId) {
        return ofAll(List.of(councilId)).stream().map(Seat::member).toList();
    }

    /** The members of several councils at once, each with its council. */
    public List<Seat> ofAll(Collection<UUID> councilIds) {
        if (councilIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select council_id, organisation_id, liaison_name, liaison_title, joined_on"
                        + " from organization.council_member where council_id in (:ids)"
                        + " order by joined_on, organisation_id")
                .param("ids", councilIds)
                .query((rs, n) -> new Seat(
                        rs.getObject("council_id", UUID.class),
                        new Council.CouncilMember(
                                rs.getObject("organisation_id", UUID.class),
                                rs.getString("liaison_name"),
                                rs.getString("liaison_title"),
                                rs.getDate("joined_on").toLocalDate())))
                .list();
    }

    /** A member and the council it sits on. */
    public record Seat(UUID councilId, Council.CouncilMember member) {}
}
