package org.gongzhi.appeal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.appeal.domain.FactQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal module's query API for statistics: each appeal's {@link AppealFact}, one at a time (to follow events) or
 * all of them in id order (to reconcile). Facts carry no personal data, so no scope applies; the modules that show
 * figures from them filter by their viewer's scope.
 */
@Service
public class AppealStatistics {

    /** The most facts one page returns. */
    public static final int MAX_PAGE = 5_000;

    private final FactQuery query;

    AppealStatistics(FactQuery query) {
        this.query = query;
    }

    /** The appeal's facts as they stand; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<AppealFact> fact(AppealId id) {
        return query.page(id.value(), true, 1).stream().findFirst();
    }

    /**
     * Up to {@code limit} (1–{@value #MAX_PAGE}) appeals' facts in id order, after {@code after} (null: from the first).
     */
    @Transactional(readOnly = true)
    public List<AppealFact> facts(UUID after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit " + limit + " outside 1–" + MAX_PAGE);
        }
        return query.page(after, false, limit);
    }
}
