package org.gongzhi.territory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface UnitRepository extends ListCrudRepository<GovernanceUnit, UUID> {

    Optional<GovernanceUnit> findByCode(String code);

    List<GovernanceUnit> findByCodeIn(Collection<String> codes);

    List<GovernanceUnit> findByParentIdIn(Collection<UUID> parentIds);

    List<GovernanceUnit> findByParentIdOrderByCode(UUID parentId);

    List<GovernanceUnit> findByParentIdIsNullOrderByCode();

    long countByKind(org.gongzhi.territory.UnitKind kind);
}
