package org.gongzhi.appeal;

import java.time.Instant;
import org.gongzhi.shared.TimeLimit;

/**
 * One version of a category (诉求分类): a GB/T 30428 部件 or 事件 小类 ({@code C0101}: 部件 大类 01, 小类 01; {@code E0504}) or a
 * local one ({@code L0102}), with its 立案条件, 结案条件, limits and default handler. {@code responseLimit} is the time
 * to 签收 and contact the reporter; the others the time to resolve, per {@link Urgency}. An edit makes a new version;
 * appeals keep the version they were registered under.
 */
public record CategoryView(
        String code,
        int version,
        CategoryKind kind,
        String majorCode,
        String majorName,
        String name,
        String keywords,
        String filingCondition,
        String closingCondition,
        TimeLimit responseLimit,
        TimeLimit emergencyLimit,
        TimeLimit ordinaryLimit,
        TimeLimit complexLimit,
        String defaultHandler,
        boolean active,
        Instant validFrom,
        Instant supersededAt,
        String editedBy) {

    /** The time allowed to resolve an appeal of this urgency. */
    public TimeLimit resolutionLimit(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergencyLimit;
            case ORDINARY -> ordinaryLimit;
            case COMPLEX -> complexLimit;
        };
    }
}
