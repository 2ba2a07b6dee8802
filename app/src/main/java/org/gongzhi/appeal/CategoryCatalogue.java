package org.gongzhi.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.appeal.domain.CategoryStore;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.TimeLimit;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories appeals are filed under (DOMAIN.md §4, Categories): read by anyone, edited by a street administrator.
 * An edit makes a new version, audited, and applies to appeals registered from then on; an appeal keeps the version it
 * was registered under.
 */
@Service
@Transactional(readOnly = true)
public class CategoryCatalogue {

    private final CategoryStore store;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    CategoryCatalogue(CategoryStore store, Permissions may, AuditTrail audit, ActorResolver actors, Clock clock) {
        this.store = store;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** Every category's current version, retired ones included, by code. */
    public List<CategoryView> list() {
        return store.current();
    }

    /** The current version; 404 {@code appeal.category.unknown} when there is no such code. */
    public CategoryView require(String code) {
        return store.current(code).orElseThrow(() -> DomainException.notFound("appeal.category.unknown", code));
    }

    /** Every version of a category, newest first. */
    public List<CategoryView> history(String code) {
        List<CategoryView> all = store.history(code);
        if (all.isEmpty()) {
            throw DomainException.notFound("appeal.category.unknown", code);
        }
        return all;
    }

    /**
     * Active categories matching {@code text} for a type-ahead, best first, at most {@code limit} (1–50): the code, the
     * name, the 大类 and the keywords are matched as Chinese text (a whole match first, then a contained one, then
     * shared characters pairs), so 乱停车 finds 机动车乱停放 and 停车管理.
     */
    public List<CategoryView> search(String text, int limit) {
        int n = Math.max(1, Math.min(limit, 50));
        String q = Text.stripToNull(text);
        List<CategoryView> active =
                store.current().stream().filter(CategoryView::active).toList();
        if (q == null) {
            return active.stream().limit(n).toList();
        }
        Map<CategoryView, Integer> scores = new LinkedHashMap<>();
        for (CategoryView c : active) {
            int s = score(c, q);
            if (s > 0) {
                scores.put(c, s);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<CategoryView, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().code()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    static int score(CategoryView c, String q) {
        String query = q.toUpperCase(java.util.Locale.ROOT);
        if (c.code().equals(query) || c.name().equals(q)) {
            return 100;
        }
        if (c.code().startsWith(query)) {
            return 90;
        }
        if (c.name().contains(q)) {
            return 80;
        }
        int best = 0;
        for (String keyword : c.keywords().split("\\s+")) {
            if (keyword.isEmpty()) {
                continue;
            }
            if (keyword.equals(q)) {
                best = Math.max(best, 75);
            } else if (keyword.contains(q) || q.contains(keyword)) {
                best = Math.max(best, 60 + Math.min(keyword.length(), 10));
            }
        }
        if (q.contains(c.name())) {
            best = Math.max(best, 70);
        }
        if (best > 0) {
            return best;
        }
        Set<String> pairs = bigrams(q);
        if (pairs.isEmpty()) {
            return c.majorName().contains(q) || c.keywords().contains(q) ? 20 : 0;
        }
        Set<String> theirs = bigrams(c.name() + " " + c.keywords() + " " + c.majorName());
        long shared = pairs.stream().filter(theirs::contains).count();
        return shared == 0 ? 0 : (int) (40 * shared / pairs.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    /**
     * A new version of category {@code code}, replacing the current one, which must be {@code expectedVersion}
     * (otherwise 409 {@code appeal.category.version.stale}). Bad fields are refused together (400, each named); 403
     * without {@link AppealPermission#EDIT_CATEGORIES}. Appeals already registered keep their version.
     */
    @Transactional
    public CategoryView revise(String code, int expectedVersion, CategoryDetails details) {
        may.require(AppealPermission.EDIT_CATEGORIES);
        CategoryView current = store.currentForUpdate(code)
                .orElseThrow(() -> DomainException.notFound("appeal.category.unknown", code));
        if (current.version() != expectedVersion) {
            throw DomainException.conflict("appeal.category.version.stale", expectedVersion, current.version());
        }
        Violations v = new Violations();
        String name = Text.checkLine(details.name(), "name", true, 40, v);
        String keywords = Text.checkLine(details.keywords(), "keywords", false, 200, v);
        String filing = Text.checkText(details.filingCondition(), "filingCondition", 500, v);
        String closing = Text.checkText(details.closingCondition(), "closingCondition", 500, v);
        if (filing == null) {
            v.add("filingCondition", "validation.NotBlank", "filingCondition");
        }
        if (closing == null) {
            v.add("closingCondition", "validation.NotBlank", "closingCondition");
        }
        TimeLimit response = limit(details.responseLimit(), "responseLimit", v);
        TimeLimit emergency = limit(details.emergencyLimit(), "emergencyLimit", v);
        TimeLimit ordinary = limit(details.ordinaryLimit(), "ordinaryLimit", v);
        TimeLimit complex = limit(details.complexLimit(), "complexLimit", v);
        String handler = Text.checkLine(details.defaultHandler(), "defaultHandler", true, 60, v);
        v.throwIfAny();
        boolean active = details.active() == null ? current.active() : details.active();
        if (name.equals(current.name())
                && (keywords == null ? "" : keywords).equals(current.keywords())
                && filing.equals(current.filingCondition())
                && closing.equals(current.closingCondition())
                && response.equals(current.responseLimit())
                && emergency.equals(current.emergencyLimit())
                && ordinary.equals(current.ordinaryLimit())
                && complex.equals(current.complexLimit())
                && handler.equals(current.defaultHandler())
                && active == current.active()) {
            // Saved as it was: no new version, nothing to audit.
            return current;
        }
        Instant now = Instant.now(clock);
        CategoryView next = new CategoryView(
                code,
                current.version() + 1,
                current.kind(),
                current.majorCode(),
                current.majorName(),
                name,
                keywords == null ? "" : keywords,
                filing,
                closing,
                response,
                emergency,
                ordinary,
                complex,
                handler,
                active,
                now,
                null,
                actors.current().name());
        store.supersede(next, now);
        audit.record(
                new AuditRecord("appeal.category.revised", "appeal-category", code, summary(current), summary(next)));
        return next;
    }

    private static TimeLimit limit(String text, String field, Violations v) {
        if (Text.stripToNull(text) == null) {
            v.add(field, "validation.NotBlank", field);
            return null;
        }
        try {
            return TimeLimit.parse(text);
        } catch (DomainException e) {
            v.add(field, "time-limit.invalid", text);
            return null;
        }
    }

    private static Map<String, Object> summary(CategoryView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", c.version());
        m.put("name", c.name());
        m.put("keywords", c.keywords());
        m.put("filingCondition", c.filingCondition());
        m.put("closingCondition", c.closingCondition());
        m.put("responseLimit", c.responseLimit().toString());
        m.put("emergencyLimit", c.emergencyLimit().toString());
        m.put("ordinaryLimit", c.ordinaryLimit().toString());
        m.put("complexLimit", c.complexLimit().toString());
        m.put("defaultHandler", c.defaultHandler());
        m.put("active", c.active());
        return m;
    }
}
