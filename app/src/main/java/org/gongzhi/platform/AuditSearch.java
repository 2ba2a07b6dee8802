package org.gongzhi.platform;

import java.time.Instant;
import java.util.List;

/** Reading the audit trail: for the 审计管理员 only (the web layer enforces who may call it). */
public interface AuditSearch {

    /** Entries matching the filter, newest first, one page at a time (pages count from 1). */
    Page search(Filter filter, int page, int size);

    /** Every entry matching the filter, newest first, streamed (not held in memory); returns how many there were. */
    long forEach(Filter filter, java.util.function.Consumer<Entry> each);

    /** Every field may be {@code null} (any); {@code text} matches action, actor or object id. */
    record Filter(String action, String actor, String text, Instant from, Instant to) {}

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
