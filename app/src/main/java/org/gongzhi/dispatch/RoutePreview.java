package org.gongzhi.dispatch;

import java.util.List;
import org.gongzhi.appeal.Named;

/**
 * "Where would this go": for a category at a place, the units from the top of the hierarchy down to the place, the
 * rule that wins (the deepest unit, then the most specific category) or none (the coordination queue), its lead unit
 * and co-handlers, and the district copied when it goes straight to a 街道办事处.
 */
public record RoutePreview(
        String categoryCode, List<Named> place, RuleView rule, Named lead, List<Named> coHandlers, Named copied) {}
