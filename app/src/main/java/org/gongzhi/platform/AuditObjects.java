package org.gongzhi.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Names the objects the audit trail refers to by type and id, so the 审计管理员 reads "北京科技大学" rather than a UUID.
 * Each module names its own objects (the platform reads no module's tables); a person's name is never given.
 */
public interface AuditObjects {

    /** The object types, as the trail records them ({@code organisation}, {@code unit} …), this module names. */
    Set<String> types();

    /** Names and page links of these objects of one type; ids it cannot name are left out. */
    Map<String, Named> name(String type, Collection<String> ids);

    /** Ids of the objects of one type whose name contains {@code text} (at most a few hundred). */
    Set<String> named(String type, String text);

    /** The ids that are UUIDs, as UUIDs (a trail's object ids are text: unit codes, "council/organisation" …). */
    static java.util.List<java.util.UUID> uuids(Collection<String> ids) {
        java.util.List<java.util.UUID> uuids = new java.util.ArrayList<>();
        for (String id : ids) {
            try {
                uuids.add(java.util.UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                // Not a UUID: a code, named by whoever records codes.
            }
        }
        return uuids;
    }

    /** An object's name and the page that shows it ({@code null} when it has none). */
    record Named(String name, String link) {}
}
