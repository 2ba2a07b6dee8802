package org.gongzhi.identity.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface ResidentRepository extends ListCrudRepository<Resident, UUID> {

    Optional<Resident> findByPhoneHash(String phoneHash);
}
