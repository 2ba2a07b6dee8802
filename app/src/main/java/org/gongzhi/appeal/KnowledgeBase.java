package org.gongzhi.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.appeal.domain.CategoryStore;
import org.gongzhi.appeal.domain.KnowledgeStore;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.SearchTerms;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 知识库: the answers a 12345 operator gives at once to a 咨询 (咨询即答) and the legal routes for matters the law sends
 * elsewhere (告知法定途径), both closing the appeal without dispatch (《北京市接诉即办工作条例》 Art 11). Searched in
 * Chinese by words ({@link SearchTerms}); edited by street administrators with {@link
 * AppealPermission#EDIT_KNOWLEDGE}, each edit audited. Reading needs {@link AppealPermission#READ}.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeBase {

    /** The most articles one search returns. */
    public static final int MAX_RESULTS = 20;

    private final KnowledgeStore store;
    private final CategoryStore categories;
    private final Permissions may;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    KnowledgeBase(
            KnowledgeStore store,
            CategoryStore categories,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.store = store;
        this.categories = categories;
        this.may = may;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Active articles sharing words with {@code text} (segmented in Chinese: 暖气什么时候来 finds 供暖时间), best
     * first; of {@code kind} only unless null; at most {@code limit} (1–{@value #MAX_RESULTS}). Text with no words
     * finds nothing.
     */
    public List<KnowledgeArticle> search(String text, ArticleKind kind, int limit) {
        may.require(AppealPermission.READ);
        String query = SearchTerms.anyOf(text);
        if (query == null) {
            return List.of();
        }
        return store.search(query, kind, Math.max(1, Math.min(MAX_RESULTS, limit)));
    }

    /** Every article (retired ones too when asked), active first. */
    public List<KnowledgeArticle> list(boolean withRetired) {
        may.require(AppealPermission.READ);
        return store.list(withRetired);
    }

    /** One article; 404 {@code appeal.knowledge.unknown}. */
    public KnowledgeArticle require(UUID id) {
        may.require(AppealPermission.READ);
        return store.find(id).orElseThrow(() -> DomainException.notFound("appeal.knowledge.unknown", id));
    }

    /** A new article (400 naming each bad field; 403 without {@link AppealPermission#EDIT_KNOWLEDGE}). */
    @Transactional
    public KnowledgeArticle add(ArticleDraft draft) {
        return add(draft, false);
    }

    /** A new article, flagged synthetic when it is demo content. */
    @Transactional
    public KnowledgeArticle add(ArticleDraft draft, boolean synthetic) {
        may.require(AppealPermission.EDIT_KNOWLEDGE);
        KnowledgeArticle a = checked(UUID.randomUUID(), draft, true, 0, synthetic);
        store.insert(a);
        audit.record(AuditRecord.created("appeal.knowledge.added", "appeal-knowledge", a.id().toString(), summary(a)));
        return a;
    }

    /**
     * The article rewritten, over {@code expectedVersion} (409 {@code appeal.knowledge.version.stale} otherwise, which
     * the API answers as 412).
     */
    @Transactional
    public KnowledgeArticle revise(UUID id, long expectedVersion, ArticleDraft draft) {
        may.require(AppealPermission.EDIT_KNOWLEDGE);
        KnowledgeArticle current = current(id, expectedVersion);
        KnowledgeArticle next = checked(id, draft, current.active(), expectedVersion + 1, current.synthetic());
        save(next);
        audit.record(new AuditRecord(
                "appeal.knowledge.revised", "appeal-knowledge", id.toString(), summary(current), summary(next)));
        return next;
    }

    /** Retires the article (no longer found) or brings it back, over {@code expectedVersion}. */
    @Transactional
    public KnowledgeArticle setActive(UUID id, long expectedVersion, boolean active) {
        may.require(AppealPermission.EDIT_KNOWLEDGE);
        KnowledgeArticle c = current(id, expectedVersion);
        KnowledgeArticle next = new KnowledgeArticle(
                c.id(),
                c.kind(),
                c.title(),
                c.questions(),
                c.answer(),
                c.categoryCode(),
                c.source(),
                active,
                actors.current().name(),
                Instant.now(clock),
                c.synthetic(),
                expectedVersion + 1,
                0);
        save(next);
        audit.record(new AuditRecord(
                active ? "appeal.knowledge.restored" : "appeal.knowledge.retired",
                "appeal-knowledge",
                id.toString(),
                Map.of("active", c.active()),
                Map.of("active", active)));
        return next;
    }

    private KnowledgeArticle current(UUID id, long expectedVersion) {
        KnowledgeArticle current =
                store.find(id).orElseThrow(() -> DomainException.notFound("appeal.knowledge.unknown", id));
        if (current.version() != expectedVersion) {
            throw DomainException.conflict("appeal.knowledge.version.stale", expectedVersion, current.version());
        }
        return current;
    }

    private void save(KnowledgeArticle next) {
        if (!store.update(next)) {
            throw DomainException.conflict("appeal.knowledge.version.stale", next.version() - 1, next.version());
        }
    }

    private KnowledgeArticle checked(UUID id, ArticleDraft d, boolean active, long version, boolean synthetic) {
        Violations v = new Violations();
        if (d.kind() == null) {
            v.add("kind", "validation.NotNull", "kind");
        }
        String title = Text.checkLine(d.title(), "title", true, 100, v);
        String questions = Text.checkText(d.questions(), "questions", 2000, v);
        String answer = Text.checkText(d.answer(), "answer", 2000, v);
        if (answer == null) {
            v.add("answer", "validation.NotBlank", "answer");
        }
        String category = Text.stripToNull(d.categoryCode());
        if (category != null && categories.current(category).isEmpty()) {
            v.add("categoryCode", "appeal.category.unknown", category);
        }
        String source = Text.checkLine(d.source(), "source", false, 200, v);
        v.throwIfAny();
        return new KnowledgeArticle(
                id,
                d.kind(),
                title,
                questions == null ? "" : questions,
                answer,
                category,
                source == null ? "" : source,
                active,
                actors.current().name(),
                Instant.now(clock),
                synthetic,
                version,
                0);
    }

    private static Map<String, Object> summary(KnowledgeArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version());
        m.put("kind", a.kind().name());
        m.put("title", a.title());
        m.put("questions", a.questions());
        m.put("answer", a.answer());
        m.put("categoryCode", a.categoryCode() == null ? "" : a.categoryCode());
        m.put("source", a.source());
        m.put("active", a.active());
        return m;
    }
}
