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

    /**
     * Names objects of several types at once, each type by the modules that name it: type → id → name; ids nobody can
     * name are left out.
     */
    static Map<String, Map<String, Named>> nameAll(
            java.util.List<AuditObjects> sources, Map<String, ? extends Collection<String>> wanted) {
        Map<String, Map<String, Named>> named = new java.util.HashMap<>();
        wanted.forEach((type, ids) -> {
            for (AuditObjects source : sources) {
                if (source.types().contains(type)) {
                    named.computeIfAbsent(type, t -> new java.util.HashMap<>()).putAll(source.name(type, ids));
                }
            }
        });
        return named;
    }

    /** An object's name and the page that shows it ({@code null} when it has none). */
    record Named(String name, String link) {}
}
