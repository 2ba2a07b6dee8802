package org.gongzhi.dispatch;

import java.util.List;
import java.util.UUID;

/**
 * A dispatch rule as an administrator writes it: {@code categoryPattern} is a 小类 code ({@code E0504}), a 大类 ({@code
 * E05}: every 小类 in it) or empty (every category); {@code unitCode} the territory unit it covers, with everything
 * below; {@code leadId} the lead organisation (首接负责) and {@code coHandlerIds} at most ten co-handlers; {@code note} up
 * to 200 characters.
 */
public record RuleDetails(String categoryPattern, String unitCode, UUID leadId, List<UUID> coHandlerIds, String note) {}
