package org.gongzhi.listing;

import java.util.Map;
import java.util.Set;

/**
 * Where a need stands: 征集中 (open) → 已对接 (matched with a resource or unit) → 已立项 (a project carries it; set by
 * the project, not by hand) → 已解决 (met); or 不予采纳 (declined, with the reason). A met or declined need may be
 * reopened, with the reason.
 */
public enum NeedStatus {
    OPEN,
    MATCHED,
    IN_PROJECT,
    MET,
    DECLINED;

    private static final Map<NeedStatus, Set<NeedStatus>> BY_HAND = Map.of(
            OPEN, Set.of(MATCHED, MET, DECLINED),
            MATCHED, Set.of(OPEN, MET, DECLINED),
            IN_PROJECT, Set.of(MET),
            MET, Set.of(OPEN),
            DECLINED, Set.of(OPEN));

    /** Whether staff may move a need from this status to {@code to}. */
    public boolean mayMoveTo(NeedStatus to) {
        return BY_HAND.get(this).contains(to);
    }

    /** Whether the move needs a written reason: declining and reopening do. */
    public boolean needsReason(NeedStatus to) {
        return to == DECLINED || to == OPEN && (this == MET || this == DECLINED);
    }
}
