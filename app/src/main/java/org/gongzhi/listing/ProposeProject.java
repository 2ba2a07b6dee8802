package org.gongzhi.listing;

import java.util.List;
import java.util.UUID;

/**
 * A project as proposed: what it does, where, its budget and each party's share.
 *
 * @param title 1–100 characters
 * @param summary up to 2,000 characters
 * @param unitId the 街道 or 社区 it serves (in the proposer's scope)
 * @param budgetFen the budget in 分, 0 to {@link org.gongzhi.shared.Money#MAX_FEN}
 * @param parties the street and units funding it: at least one, each organisation once, their pledges (in 分)
 *     adding up exactly to the budget (422 {@code listing.project.split} otherwise)
 * @param needIds needs of the 需求清单 it meets (they move to 已立项 at approval)
 * @param resourceIds resources of the 资源清单 it uses
 */
public record ProposeProject(
        String title,
        String summary,
        UUID unitId,
        Long budgetFen,
        List<Party> parties,
        List<UUID> needIds,
        List<UUID> resourceIds) {

    /** A party: the organisation, whether it leads, and what it pledges in 分. */
    public record Party(UUID organisationId, boolean lead, Long pledgedFen) {}
}
