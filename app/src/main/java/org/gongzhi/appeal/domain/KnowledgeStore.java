package org.gongzhi.appeal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.appeal.ArticleKind;
import org.gongzhi.appeal.KnowledgeArticle;
import org.gongzhi.shared.SearchTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The knowledge base in {@code appeal.knowledge_article}. Searching ranks by {@code ts_rank_cd} over the words
 * {@link SearchTerms} finds, title and questions weighing more than the answer; a version-checked update changes
 * nothing when another edit came first.
 */
@Repository
public class KnowledgeStore {

    private static final String COLUMNS = "id, kind, title, questions, answer, category_code, source, active,"
            + " updated_by, updated_at, synthetic, version";

    private static final String SEARCH =
            "setweight(to_tsvector('simple', :head), 'A')" + " || setweight(to_tsvector('simple', :body), 'C')";

    private final JdbcClient jdbc;

    KnowledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(KnowledgeArticle a) {
        jdbc.sql("insert into appeal.knowledge_article (" + COLUMNS + ", search) values (:id, :kind, :title,"
                        + " :questions, :answer, :category, :source, :active, :by, :at, :synthetic, :version, "
                        + SEARCH + ")")
                .params(params(a))
                .update();
    }

    /** Writes {@code a} over version {@code a.version() - 1}; false when the stored version is another. */
    public boolean update(KnowledgeArticle a) {
        return jdbc.sql("update appeal.knowledge_article set kind = :kind, title = :title, questions = :questions,"
                                + " answer = :answer, category_code = :category, source = :source, active = :active,"
                                + " updated_by = :by, updated_at = :at, version = :version, search = " + SEARCH
                                + " where id = :id and version = :version - 1")
                        .params(params(a))
                        .update()
                == 1;
    }

    private static java.util.Map<String, Object> params(KnowledgeArticle a) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", a.id());
        p.put("kind", a.kind().name());
        p.put("title", a.title());
        p.put("questions", a.questions());
        p.put("answer", a.answer());
        p.put("category", a.categoryCode());
        p.put("source", a.source());
        p.put("active", a.active());
        p.put("by", a.updatedBy());
        p.put("at", Timestamp.from(a.updatedAt()));
        p.put("synthetic", a.synthetic());
        p.put("version", a.version());
        p.put("head", SearchTerms.document(a.title() + "\n" + a.questions()));
        p.put("body", SearchTerms.document(a.answer()));
        return p;
    }

    public Optional<KnowledgeArticle> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", 0 as score from appeal.knowledge_article where id = :id")
                .param("id", id)
                .query(KnowledgeStore::row)
                .optional();
    }

    /** Every article, active ones first, then by title; retired ones only when asked. */
    public List<KnowledgeArticle> list(boolean withRetired) {
        return jdbc.sql("select " + COLUMNS + ", 0 as score from appeal.knowledge_article"
                        + (withRetired ? "" : " where active") + " order by active desc, kind, title")
                .query(KnowledgeStore::row)
                .list();
    }

    /**
     * Active articles sharing words with {@code query} (a {@link SearchTerms#anyOf} query), best first; those of
     * {@code kind} only unless it is null; at most {@code limit}.
     */
    public List<KnowledgeArticle> search(String query, ArticleKind kind, int limit) {
        return jdbc.sql("select " + COLUMNS + ", ts_rank_cd(search, q, 1) as score"
                        + " from appeal.knowledge_article, to_tsquery('simple', :query) q"
                        + " where active and search @@ q" + (kind == null ? "" : " and kind = :kind")
                        + " order by score desc, title limit :limit")
                .param("query", query)
                .param("kind", kind == null ? "" : kind.name())
                .param("limit", limit)
                .query(KnowledgeStore::row)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from appeal.knowledge_article")
                .query(Long.class)
                .single();
    }

    private static KnowledgeArticle row(ResultSet rs, int n) throws SQLException {
        return new KnowledgeArticle(
                rs.getObject("id", UUID.class),
                ArticleKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("questions"),
                rs.getString("answer"),
                rs.getString("category_code"),
                rs.getString("source"),
                rs.getBoolean("active"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("synthetic"),
                rs.getLong("version"),
                rs.getDouble("score"));
    }
}
