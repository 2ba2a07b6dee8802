package org.gongzhi.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A 党建工作协调委员会 with its members; 联络员 names are masked (个人信息保护法 Art 25). */
public record CouncilView(
        UUID id,
        String name,
        CouncilLevel level,
        UUID unitId,
        String unitCode,
        String unitName,
        String chair,
        LocalDate foundedOn,
        String deliberationRules,
        String topicCollection,
        String liaisonRules,
        String emergencyResponse,
        boolean synthetic,
        List<Member> members,
        long version) {

    public record Member(
            OrganisationId organisation,
            String organisationName,
            OrganisationKind kind,
            String liaison,
            String liaisonTitle,
            LocalDate joinedOn) {}
}
