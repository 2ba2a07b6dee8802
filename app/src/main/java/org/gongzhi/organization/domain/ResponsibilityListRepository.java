package org.gongzhi.organization.domain;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface ResponsibilityListRepository extends ListCrudRepository<ResponsibilityList, UUID> {}
