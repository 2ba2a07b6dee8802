package org.gongzhi.organization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface OrganisationRepository extends ListCrudRepository<Organisation, UUID> {

    Optional<Organisation> findByCreditCode(String creditCode);

    List<Organisation> findByCreditCodeIn(Collection<String> creditCodes);

    long countByKindIn(Collection<org.gongzhi.organization.OrganisationKind> kinds);
}
