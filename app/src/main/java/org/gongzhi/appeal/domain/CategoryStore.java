package org.gongzhi.appeal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongzhi.appeal.CategoryKind;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.shared.TimeLimit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The versioned category rows of {@code appeal.category}. */
@Component
public class CategoryStore {

    private static final String COLUMNS =
            "code, version, kind, major_code, major_name, name, keywords, filing_condition,"
                    + " closing_condition, response_limit, emergency_limit, ordinary_limit, complex_limit, default_handler,"
                    + " active, valid_from, superseded_at, edited_by";

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every category's current version, by code. */
    public List<CategoryView> current() {
        return jdbc.sql("select " + COLUMNS + " from appeal.category where superseded_at is null order by code")
                .query(CategoryStore::row)
                .list();
    }

    public Optional<CategoryView> current(String code) {
        return jdbc.sql("select " + COLUMNS + " from appeal.category where code = :code and superseded_at is null")
                .param("code", code)
                .query(CategoryStore::row)
                .optional();
    }

    /** The current version, locked until the transaction ends, so two edits of one category queue up. */
    public Optional<CategoryView> currentForUpdate(String code) {
        return jdbc.sql("select " + COLUMNS + " from appeal.category where code = :code and superseded_at is null"
                        + " for update")
                .param("code", code)
                .query(CategoryStore::row)
                .optional();
    }

    /** Names of category versions already read: a version is never changed once written, so they stay right. */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    /** The name of one version of a category, or null when there is no such version. */
    public String name(String code, int version) {
        String key = code + "/" + version;
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        String name = version(code, version).map(CategoryView::name).orElse(null);
        if (name != null) {
            names.put(key, name);
        }
        return name;
    }

    public Optional<CategoryView> version(String code, int version) {
        return jdbc.sql("select " + COLUMNS + " from appeal.category where code = :code and version = :version")
                .param("code", code)
                .param("version", version)
                .query(CategoryStore::row)
                .optional();
    }

    /** Every version of one category, newest first. */
    public List<CategoryView> history(String code) {
        return jdbc.sql("select " + COLUMNS + " from appeal.category where code = :code order by version desc")
                .param("code", code)
                .query(CategoryStore::row)
                .list();
    }

    /** Supersedes the current version of {@code next.code()} and stores {@code next} as the current one. */
    public void supersede(CategoryView next, Instant at) {
        jdbc.sql("update appeal.category set superseded_at = :at where code = :code and superseded_at is null")
                .param("at", Timestamp.from(at))
                .param("code", next.code())
                .update();
        jdbc.sql("insert into appeal.category (" + COLUMNS + ") values (:code, :version, :kind, :majorCode,"
                        + " :majorName, :name, :keywords, :filing, :closing, :response, :emergency, :ordinary,"
                        + " :complex, :handler, :active, :validFrom, null, :editedBy)")
                .param("code", next.code())
                .param("version", next.version())
                .param("kind", next.kind().name())
                .param("majorCode", next.majorCode())
                .param("majorName", next.majorName())
                .param("name", next.name())
                .param("keywords", next.keywords())
                .param("filing", next.filingCondition())
                .param("closing", next.closingCondition())
                .param("response", next.responseLimit().toString())
                .param("emergency", next.emergencyLimit().toString())
                .param("ordinary", next.ordinaryLimit().toString())
                .param("complex", next.complexLimit().toString())
                .param("handler", next.defaultHandler())
                .param("active", next.active())
                .param("validFrom", Timestamp.from(next.validFrom()))
                .param("editedBy", next.editedBy())
                .update();
    }

    private static CategoryView row(ResultSet rs, int n) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        return new CategoryView(
                rs.getString("code"),
                rs.getInt("version"),
                CategoryKind.valueOf(rs.getString("kind")),
                rs.getString("major_code"),
                rs.getString("major_name"),
                rs.getString("name"),
                rs.getString("keywords"),
                rs.getString("filing_condition"),
                rs.getString("closing_condition"),
                TimeLimit.parse(rs.getString("response_limit")),
                TimeLimit.parse(rs.getString("emergency_limit")),
                TimeLimit.parse(rs.getString("ordinary_limit")),
                TimeLimit.parse(rs.getString("complex_limit")),
                rs.getString("default_handler"),
                rs.getBoolean("active"),
                rs.getTimestamp("valid_from").toInstant(),
                superseded == null ? null : superseded.toInstant(),
                rs.getString("edited_by"));
    }
}
