package org.gongzhi.platform;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reading the audit trail: for the 审计管理员 only (the web layer enforces who may call it). */
public interface AuditSearch {

    /** Entries matching the filter, newest first, one page at a time (pages count from 1). */
    Page search(Filter filter, int page, int size);

    /** Every entry matching the filter, newest first, streamed (not held in memory); returns how many there were. */
    long forEach(Filter filter, java.util.function.Consumer<Entry> each);

    /** The action codes, object types and roles the trail holds, for pickers and for matching words to codes. */
    Vocabulary vocabulary();

    /**
     * Every field may be {@code null} (any). {@code text} matches the action, actor, object id or summary as typed;
     * {@code words} are what the text means in the readers' languages (codes whose labels contain it), any of which
     * also matches.
     */
    record Filter(String action, String actor, String objectType, String text, Words words, Instant from, Instant to) {

        public static Filter byActor(String actor) {
            return new Filter(null, actor, null, null, Words.NONE, null, null);
        }
    }

    /** Codes a keyword stands for: actions, roles and object types whose labels contain it, actors and objects named so. */
    record Words(
            Set<String> actions,
            Set<String> roles,
            Set<String> objectTypes,
            Set<String> actors,
            Set<String> objectIds) {

        public static final Words NONE = new Words(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        public Words {
            actions = Set.copyOf(actions);
            roles = Set.copyOf(roles);
            objectTypes = Set.copyOf(objectTypes);
            actors = Set.copyOf(actors);
            objectIds = Set.copyOf(objectIds);
        }
    }

    record Vocabulary(List<String> actions, List<String> objectTypes, List<String> roles) {}

    record Entry(
            long sequence,
            Instant at,
            String actor,
            String role,
            String scope,
            String action,
            String objectType,
            String objectId,
            String summary,
            String address) {}

    record Page(List<Entry> entries, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }
}
