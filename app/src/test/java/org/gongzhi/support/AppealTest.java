package org.gongzhi.support;

import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ground the appeal tests share: the application with MockMvc, the database, the territory, {@link AppealCalls}
 * that read versions as 学院路街道's street administrator, and the test clock put back after every test.
 */
@PlatformTest
public abstract class AppealTest {

    /** 学院路街道. */
    public static final String XUEYUANLU = "110108010";
    /** 二里庄社区, the pilot 社区 of seed 000. */
    public static final String ERLIZHUANG = "110108010005";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TerritoryQueries territory;

    protected final JsonMapper json = JsonMapper.shared();

    protected AppealCalls calls;

    @BeforeEach
    void appealCalls() {
        calls = new AppealCalls(mvc, jdbc, dispatcher());
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    protected UUID xueyuanlu() {
        return territory.requireByCode(XUEYUANLU).id().value();
    }

    /** 学院路街道's street administrator: registers, dispatches, decides and closes. */
    protected RequestPostProcessor dispatcher() {
        return Staff.as("xueyuanlu.dispatcher", Set.of(xueyuanlu()), Role.STREET_ADMIN);
    }

    /** Rows in a table, to show that a refusal wrote nothing. */
    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
