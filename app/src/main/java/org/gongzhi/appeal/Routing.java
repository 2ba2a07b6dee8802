package org.gongzhi.appeal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the dispatch directory (派单目录, 《北京市接诉即办工作条例》 Art 12) sends an appeal of a category at a place. The
 * appeal module asks it when a dispatcher dispatches without naming the unit; the module that keeps the directory
 * implements it, so this module knows no such module.
 */
public interface Routing {

    /**
     * The lead unit and co-handlers of the most specific rule for {@code categoryCode} at {@code unitId} (a territory
     * unit; rules on it or any unit above it apply); empty when no rule applies (the coordination queue).
     */
    Optional<Route> route(String categoryCode, UUID unitId);

    /** A directory rule's answer: the lead organisation and the co-handlers, by id, and the rule that gave it. */
    record Route(UUID leadId, List<UUID> coHandlerIds, UUID ruleId) {

        public Route {
            coHandlerIds = List.copyOf(coHandlerIds);
        }
    }
}
