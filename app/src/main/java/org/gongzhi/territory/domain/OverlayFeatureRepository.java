package org.gongzhi.territory.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface OverlayFeatureRepository extends ListCrudRepository<OverlayFeature, UUID> {

    List<OverlayFeature> findByCodeIn(Collection<String> codes);

    List<OverlayFeature> findBySubdistrictIdInOrderByCode(Collection<UUID> subdistrictIds);

    List<OverlayFeature> findByLayer(OverlayFeature.Layer layer);
}
