package org.gongzhi.platform;

import java.util.Map;

/**
 * One state change, unmasked view or export for the audit trail: a stable action ({@code territory.unit.created}), the
 * object's type and id, and summaries of the object before and after — never personal data.
 */
public record AuditRecord(
        String action, String objectType, String objectId, Map<String, ?> before, Map<String, ?> after) {

    public static AuditRecord created(String action, String objectType, String objectId, Map<String, ?> after) {
        return new AuditRecord(action, objectType, objectId, null, after);
    }
}
