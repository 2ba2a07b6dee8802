package org.gongzhi.organization.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface CouncilRepository extends ListCrudRepository<Council, UUID> {

    List<Council> findByUnitIdIn(Collection<UUID> unitIds);

    boolean existsByUnitIdAndLevel(UUID unitId, org.gongzhi.organization.CouncilLevel level);
}
