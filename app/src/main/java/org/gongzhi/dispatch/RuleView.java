package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.appeal.Named;

/**
 * One rule of the dispatch directory, with its category and unit named. {@code categoryPattern} null means every
 * category; {@code categoryLabel} is the 小类 or 大类 name.
 */
public record RuleView(
        UUID id,
        String categoryPattern,
        String categoryLabel,
        String unitCode,
        String unitName,
        Named lead,
        List<Named> coHandlers,
        String note,
        Instant createdAt,
        String createdBy) {}
