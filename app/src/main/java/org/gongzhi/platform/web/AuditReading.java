package org.gongzhi.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongzhi.platform.AuditActors;
import org.gongzhi.platform.AuditObjects;
import org.gongzhi.platform.AuditSearch;
import org.gongzhi.shared.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in words: actions, roles and object kinds by their names in the reader's language, actors by display
 * name, objects by name with a link, and each change as "field: before → after". It also turns a keyword into the
 * codes it stands for, so that searching 开通账号 finds {@code identity.account.opened}.
 */
@Component
class AuditReading {

    /** Fields that hold another object's id, and that object's type. */
    private static final Map<String, String> REFERENCES = Map.of(
            "unitId", "unit",
            "parentId", "organisation",
            "organisationId", "organisation",
            "councilId", "council");

    /** Fields whose values are codes with a label, and where to look for it. */
    private static final Map<String, List<String>> CODED = Map.of(
            "kind", List.of("organization.kind.", "territory.kind."),
            "level", List.of("council.level."),
            "cadence", List.of("list.cadence."),
            "field", List.of("audit.field."),
            "group", List.of("organization.group."),
            "objectType", List.of("audit.object."),
            "action", List.of(""),
            "reason", List.of("audit.reason."));

    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final List<AuditObjects> objects;
    private final AuditActors actors;
    private final MessageSource messages;
    private final JsonMapper json;

    AuditReading(List<AuditObjects> objects, AuditActors actors, MessageSource messages, JsonMapper json) {
        this.objects = objects;
        this.actors = actors;
        this.messages = messages;
        this.json = json;
    }

    /** One change: the field's name and its value before and after, in words ({@code null} before: newly set). */
    record Change(String field, String before, String after) {}

    /** An entry as the 审计管理员 reads it, with the entry itself for its codes. */
    record Reading(
            AuditSearch.Entry entry,
            String actorName,
            List<String> roles,
            String action,
            String objectType,
            AuditObjects.Named object,
            List<Change> changes) {}

    /**
     * The actors that are no account: the platform itself, a visitor not signed in, a resident (by pseudonymous id);
     * {@code null} for any other.
     */
    String platformActor(String actor, Locale locale) {
        if (actor == null) {
            return null;
        }
        if (actor.equals("system") || actor.equals("anonymous")) {
            return label("audit.actor." + actor, locale);
        }
        return actor.startsWith("resident:") ? label("audit.actor.resident", locale) : null;
    }

    List<Reading> read(List<AuditSearch.Entry> entries, Locale locale) {
        Map<String, String> names = actors.displayNames(
                entries.stream().map(AuditSearch.Entry::actor).collect(java.util.stream.Collectors.toSet()));
        Map<String, Set<String>> wanted = new HashMap<>();
        List<JsonNode> summaries = new ArrayList<>();
        for (AuditSearch.Entry e : entries) {
            if (e.objectType() != null && e.objectId() != null) {
                wanted.computeIfAbsent(e.objectType(), t -> new HashSet<>()).add(e.objectId());
            }
            JsonNode summary = parse(e.summary());
            summaries.add(summary);
            for (String side : List.of("before", "after")) {
                for (String field : REFERENCES.keySet()) {
                    JsonNode v = summary.path(side).path(field);
                    if (v.isString()) {
                        wanted.computeIfAbsent(reference(e.objectType(), field), t -> new HashSet<>())
                                .add(v.asString());
                    }
                }
            }
        }
        Map<String, Map<String, AuditObjects.Named>> named = name(wanted);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AuditSearch.Entry e = entries.get(i);
            readings.add(new Reading(
                    e,
                    names.getOrDefault(e.actor(), platformActor(e.actor(), locale)),
                    roles(e.role(), locale),
                    label(e.action(), locale),
                    e.objectType() == null ? null : label("audit.object." + e.objectType(), locale),
                    e.objectType() == null || e.objectId() == null
                            ? null
                            : named.getOrDefault(e.objectType(), Map.of()).get(e.objectId()),
                    changes(e.objectType(), summaries.get(i), named, locale)));
        }
        return readings;
    }

    private Map<String, Map<String, AuditObjects.Named>> name(Map<String, Set<String>> wanted) {
        return AuditObjects.nameAll(objects, wanted);
    }

    private JsonNode parse(String summary) {
        try {
            return summary == null ? json.createObjectNode() : json.readTree(summary);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    /** The type of object a field refers to; a unit's parent is a unit, an organisation's an organisation. */
    private static String reference(String objectType, String field) {
        return field.equals("parentId") && "unit".equals(objectType) ? "unit" : REFERENCES.get(field);
    }

    private List<Change> changes(
            String objectType, JsonNode summary, Map<String, Map<String, AuditObjects.Named>> named, Locale locale) {
        JsonNode before = summary.path("before");
        JsonNode after = summary.path("after");
        Set<String> fields = new LinkedHashSet<>();
        before.propertyNames().forEach(fields::add);
        after.propertyNames().forEach(fields::add);
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode now = after.get(field);
            if (!before.isMissingNode() && Objects.equals(was, now)) {
                continue;
            }
            changes.add(new Change(
                    label("audit.field." + field, locale),
                    before.isMissingNode() ? null : words(objectType, field, was, named, locale),
                    words(objectType, field, now, named, locale)));
        }
        return changes;
    }

    private String words(
            String objectType,
            String field,
            JsonNode value,
            Map<String, Map<String, AuditObjects.Named>> named,
            Locale locale) {
        if (value == null
                || value.isNull()
                || value.isMissingNode()
                || value.asString("").isEmpty() && !value.isContainer()) {
            return "—";
        }
        if (value.isBoolean()) {
            return label(value.asBoolean() ? "common.yes" : "common.no", locale);
        }
        if (value.isIntegralNumber()) {
            return Formats.count(value.asLong(), locale);
        }
        if (value.isObject()) {
            // A set of conditions (an export's filter): each named and read like a field of its own.
            List<String> parts = new ArrayList<>();
            value.properties()
                    .forEach(e -> parts.add(label("audit.field." + e.getKey(), locale)
                            + label("common.colon", locale)
                            + words(objectType, e.getKey(), e.getValue(), named, locale)));
            return parts.isEmpty()
                    ? label("audit.field.none", locale)
                    : String.join(label("audit.field.separator", locale), parts);
        }
        String text = value.isContainer() ? value.toString() : value.asString();
        String type = reference(objectType, field);
        if (type != null) {
            AuditObjects.Named n = named.getOrDefault(type, Map.of()).get(text);
            return n == null ? text : n.name();
        }
        if (field.equals("roles")) {
            return String.join("、", roles(text.replace("[", "").replace("]", ""), locale));
        }
        for (String prefix : CODED.getOrDefault(field, List.of())) {
            String label = messages.getMessage(prefix + text, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return text;
    }

    private List<String> roles(String roles, Locale locale) {
        if (roles == null || roles.isBlank()) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        for (String role : roles.split(",")) {
            labels.add(label("role." + role.strip(), locale));
        }
        return labels;
    }

    String label(String code, Locale locale) {
        return messages.getMessage(code, null, code.substring(code.lastIndexOf('.') + 1), locale);
    }

    /** The codes and names a keyword stands for, in Chinese or English, among what the trail holds. */
    AuditSearch.Words words(String text, AuditSearch.Vocabulary vocabulary) {
        String key = Text.key(Text.stripToNull(text));
        if (key == null) {
            return AuditSearch.Words.NONE;
        }
        Set<String> objectIds = new HashSet<>();
        for (AuditObjects source : objects) {
            for (String type : source.types()) {
                objectIds.addAll(source.named(type, text));
            }
        }
        return new AuditSearch.Words(
                matching(vocabulary.actions(), "", key),
                matching(vocabulary.roles(), "role.", key),
                matching(vocabulary.objectTypes(), "audit.object.", key),
                actors.named(text),
                objectIds);
    }

    private Set<String> matching(Collection<String> codes, String prefix, String key) {
        Set<String> found = new HashSet<>();
        for (String code : codes) {
            for (Locale language : LANGUAGES) {
                String label = messages.getMessage(prefix + code, null, null, language);
                if (label != null && Text.key(label).contains(key)) {
                    found.add(code);
                }
            }
        }
        return found;
    }
}
