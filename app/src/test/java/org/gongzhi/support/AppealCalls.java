package org.gongzhi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gongzhi.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls on the appeal API as the tests make them: JSON in and out, actions with the version the appeal has now. */
public final class AppealCalls {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RequestPostProcessor reader;

    /** {@code reader} reads an appeal's current version before each action (a dispatcher who sees it). */
    public AppealCalls(MockMvc mvc, JdbcClient jdbc, RequestPostProcessor reader) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.reader = reader;
    }

    public MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(body == null ? "" : JSON.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    public JsonNode read(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString());
    }

    /** An organisation of the demo register, by its exact name. */
    public UUID organisation(String name) {
        return jdbc.sql("select id from organization.organisation where name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    /** Department staff of one organisation (it is their scope). */
    public RequestPostProcessor staffOf(String organisation) {
        return Staff.ofOrganisation(
                "staff-" + Math.abs(organisation.hashCode()), organisation(organisation), Role.DEPARTMENT_STAFF);
    }

    /** Takes an action on the appeal with the version it has now, as {@code who}. */
    public MockHttpServletResponse act(String id, String action, RequestPostProcessor who, Object body)
            throws Exception {
        long version = read(send(get("/api/v1/appeals/" + id), reader, null))
                .path("version")
                .asLong();
        return send(post("/api/v1/appeals/" + id + "/" + action).header("If-Match", "\"" + version + "\""), who, body);
    }

    /** Waits up to 20 s for something that happens after a commit (a listener, a timer). */
    public static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }
}
