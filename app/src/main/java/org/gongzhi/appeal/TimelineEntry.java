package org.gongzhi.appeal;

import java.time.Instant;
import java.util.Map;

/**
 * One step of an appeal's timeline: the action, the state before and after (the same for notes), who did it (account
 * name and role; {@code system}, or {@code resident:…} by pseudonymous id), when, the reason or text given, and
 * details (handlers, the extension, the follow-up answer …).
 */
public record TimelineEntry(
        AppealAction action,
        AppealState from,
        AppealState to,
        String actor,
        String actorRole,
        Instant at,
        String reason,
        Map<String, Object> details) {}
