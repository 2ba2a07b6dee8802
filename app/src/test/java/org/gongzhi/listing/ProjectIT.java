package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.Role;
import org.gongzhi.support.AppealCalls;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.gongzhi.territory.TerritoryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The 项目清单: a project of the street and a university, pledges in 分 adding up exactly to the budget, 立项 moving its
 * need along, payments never past a pledge (also forty at once), spend never past the budget, milestones, completion
 * and one evaluation per person; bad money and splits refused with nothing written; the seed's projects in the demo.
 */
@PlatformTest
class ProjectIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TerritoryQueries territory;

    AppealCalls calls;
    UUID xueyuanlu;
    UUID erlizhuang;
    UUID ustb;
    UUID street;
    RequestPostProcessor admin;

    @BeforeEach
    void setUp() {
        calls = new AppealCalls(mvc, jdbc, Staff.sysAdmin());
        xueyuanlu = territory.requireByCode("110108010").id().value();
        erlizhuang = territory.requireByCode("110108010005").id().value();
        ustb = calls.organisation("北京科技大学");
        street = calls.organisation("学院路街道办事处");
        admin = Staff.streetAdmin(xueyuanlu);
    }

    Map<String, Object> project(long budget, long ustbShare, long streetShare) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "二里庄适老化改造");
        m.put("summary", "楼道扶手、坡道和照明");
        m.put("unitId", erlizhuang.toString());
        m.put("budgetFen", budget);
        m.put(
                "parties",
                List.of(
                        Map.of("organisationId", ustb.toString(), "lead", true, "pledgedFen", ustbShare),
                        Map.of("organisationId", street.toString(), "lead", false, "pledgedFen", streetShare)));
        return m;
    }

    long projects() {
        return jdbc.sql("select count(*) from listing.project")
                .query(Long.class)
                .single();
    }

    JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return calls.read(r);
    }

    String code(MockHttpServletResponse r) throws Exception {
        return calls.read(r).path("code").asString();
    }

    @Test
    void a_split_that_does_not_add_up_and_bad_money_are_refused_and_nothing_is_written() throws Exception {
        long before = projects();
        // One 分 short of the budget: 422, beside the parties.
        var shortBy = calls.send(post("/api/v1/projects"), admin, project(300_000_000L, 150_000_000L, 149_999_999L));
        assertThat(shortBy.getStatus()).isEqualTo(422);
        assertThat(code(shortBy)).isEqualTo("listing.project.split");
        var negative = calls.send(post("/api/v1/projects"), admin, project(-1L, 0L, 0L));
        assertThat(negative.getStatus()).isEqualTo(400);
        assertThat(calls.read(negative).path("errors").toString())
                .contains("budgetFen")
                .contains("money.range");
        // A project of nothing: a budget of 0 分 is refused.
        var nothing = calls.send(post("/api/v1/projects"), admin, project(0L, 0L, 0L));
        assertThat(nothing.getStatus()).isEqualTo(400);
        assertThat(calls.read(nothing).path("errors").toString())
                .contains("budgetFen")
                .contains("money.positive");
        var over = calls.send(
                post("/api/v1/projects"), admin, project(2_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000L));
        assertThat(over.getStatus()).isEqualTo(400);
        // A number no long can hold is refused as unreadable, not wrapped around.
        var overflow = mvc.perform(post("/api/v1/projects")
                        .with(admin)
                        .contentType("application/json")
                        .content("{\"title\":\"x\",\"unitId\":\"" + erlizhuang
                                + "\",\"budgetFen\":99999999999999999999999}"))
                .andReturn()
                .getResponse();
        assertThat(overflow.getStatus()).as(overflow.getContentAsString()).isEqualTo(400);
        Map<String, Object> unknown = project(100L, 50L, 50L);
        unknown.put(
                "parties",
                List.of(Map.of("organisationId", UUID.randomUUID().toString(), "lead", true, "pledgedFen", 100L)));
        assertThat(calls.read(calls.send(post("/api/v1/projects"), admin, unknown))
                        .path("errors")
                        .toString())
                .contains("listing.provider.unknown");
        assertThat(projects()).isEqualTo(before);
        // Exactly the budget: accepted.
        ok(calls.send(post("/api/v1/projects"), admin, project(300_000_000L, 150_000_000L, 150_000_000L)), 201);
    }

    /** A project of 二里庄 proposed and approved (budget 1,000 元 split 600 / 400); returns its id. */
    String approvedProject() throws Exception {
        String id = ok(calls.send(post("/api/v1/projects"), admin, project(100_000L, 60_000L, 40_000L)), 201)
                .path("id")
                .asString();
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/approval").header("If-Match", "\"0\""),
                        admin,
                        Map.of("note", "重点事项会商")),
                200);
        return id;
    }

    long paid(String project, UUID organisation) {
        return jdbc.sql("select paid_fen from listing.project_party where project_id = cast(? as uuid) and"
                        + " organisation_id = ?")
                .params(project, organisation)
                .query(Long.class)
                .single();
    }

    @Test
    void a_wrong_payment_is_reversed_once_with_its_reason_and_stays_on_the_record() throws Exception {
        String id = approvedProject();
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/payments"),
                        admin,
                        Map.of("organisationId", ustb.toString(), "amountFen", 50_000L, "note", "多录了一个零")),
                200);
        JsonNode ledger = ok(calls.send(get("/api/v1/projects/" + id + "/ledger"), admin, null), 200);
        String wrong = ledger.path("payments").get(0).path("id").asString();
        assertThat(paid(id, ustb)).isEqualTo(50_000L);

        // Without a reason: refused beside the field, nothing written.
        var bare = calls.send(post("/api/v1/projects/" + id + "/payments/" + wrong + "/reversal"), admin, Map.of());
        assertThat(bare.getStatus()).isEqualTo(400);
        assertThat(bare.getContentAsString()).contains("reason");
        // The university's 联络员 records its payments but does not correct the street's books.
        var liaison = Staff.ofOrganisation("ustb-liaison", ustb, Role.UNIT_LIAISON);
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/payments/" + wrong + "/reversal"),
                                liaison,
                                Map.of("reason", "录错"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(paid(id, ustb)).isEqualTo(50_000L);

        // Ten reversals of it at once: exactly one lands, the others are told it is reversed already.
        List<Integer> statuses = Concurrently.run(
                10,
                i -> admin,
                (i, who) -> calls.send(
                                post("/api/v1/projects/" + id + "/payments/" + wrong + "/reversal"),
                                who,
                                Map.of("reason", "金额录错，应为 5,000 元"))
                        .getStatus());
        assertThat(statuses.stream().filter(x -> x == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(x -> x == 409).count()).isEqualTo(9);
        assertThat(paid(id, ustb)).isZero();

        ledger = ok(calls.send(get("/api/v1/projects/" + id + "/ledger"), admin, null), 200);
        assertThat(ledger.path("payments")).hasSize(2);
        JsonNode original = ledger.path("payments").get(0);
        JsonNode correction = ledger.path("payments").get(1);
        assertThat(original.path("reversed").asBoolean()).isTrue();
        assertThat(original.path("amountFen").asLong()).isEqualTo(50_000L);
        assertThat(correction.path("amountFen").asLong()).isEqualTo(-50_000L);
        assertThat(correction.path("reverses").asString()).isEqualTo(wrong);
        assertThat(correction.path("text").asString()).isEqualTo("金额录错，应为 5,000 元");
        assertThat(correction.path("organisationName").asString()).isEqualTo("北京科技大学");

        // A correction is final, an unknown entry is not found, and the right amount is simply recorded again.
        var again = calls.send(
                post("/api/v1/projects/" + id + "/payments/"
                        + correction.path("id").asString() + "/reversal"),
                admin,
                Map.of("reason", "再冲"));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(code(again)).isEqualTo("listing.project.entry-final");
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/payments/" + UUID.randomUUID() + "/reversal"),
                                admin,
                                Map.of("reason", "x"))
                        .getStatus())
                .isEqualTo(404);
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/payments"),
                        admin,
                        Map.of("organisationId", ustb.toString(), "amountFen", 5_000L)),
                200);
        assertThat(paid(id, ustb)).isEqualTo(5_000L);
        // The whole pledge can be paid again after the correction: the reversed amount no longer counts.
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/payments"),
                        admin,
                        Map.of("organisationId", ustb.toString(), "amountFen", 55_000L)),
                200);
        assertThat(paid(id, ustb)).isEqualTo(60_000L);

        // An expense reversed comes off the spend, and the budget is there to be spent again.
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/expenses"),
                        admin,
                        Map.of("amountFen", 100_000L, "item", "材料")),
                200);
        String expense = ok(calls.send(get("/api/v1/projects/" + id + "/ledger"), admin, null), 200)
                .path("expenses")
                .get(0)
                .path("id")
                .asString();
        JsonNode after = ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/expenses/" + expense + "/reversal"),
                        admin,
                        Map.of("reason", "发票作废")),
                200);
        assertThat(after.path("spentFen").asLong()).isZero();
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/expenses/" + expense + "/reversal"),
                                admin,
                                Map.of("reason", "发票作废"))
                        .getStatus())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action in"
                                + " ('listing.project.payment-reversed', 'listing.project.expense-reversed') and"
                                + " object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // A project with no milestones has nothing to show it was carried out: 结项 is refused.
        long version = calls.read(calls.send(get("/api/v1/projects/" + id), admin, null))
                .path("version")
                .asLong();
        var unplanned = calls.send(
                post("/api/v1/projects/" + id + "/completion").header("If-Match", "\"" + version + "\""),
                admin,
                Map.of("outcome", "建成"));
        assertThat(unplanned.getStatus()).isEqualTo(422);
        assertThat(code(unplanned)).isEqualTo("listing.project.milestones-none");
    }

    @Test
    void a_project_is_approved_paid_within_pledges_carried_through_milestones_completed_and_evaluated()
            throws Exception {
        // A need of 二里庄 that the project meets.
        Map<String, Object> need = new HashMap<>();
        need.put("title", "楼道无障碍改造");
        need.put("categoryCode", "ASSISTANCE");
        need.put("source", "VISIT");
        need.put("requesterKind", "COMMUNITY");
        need.put("unitId", erlizhuang.toString());
        String needId = ok(calls.send(post("/api/v1/needs"), admin, need), 201)
                .path("id")
                .asString();
        Map<String, Object> body = project(400_000_00L, 200_000_00L, 200_000_00L);
        body.put("needIds", List.of(needId));
        JsonNode p = ok(calls.send(post("/api/v1/projects"), admin, body), 201);
        String id = p.path("id").asString();
        assertThat(p.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(p.path("pledgedFen").asLong()).isEqualTo(40_000_000L);
        ok(calls.send(post("/api/v1/projects/" + id + "/milestones"), admin, Map.of("title", "方案设计")), 200);
        ok(calls.send(post("/api/v1/projects/" + id + "/milestones"), admin, Map.of("title", "施工")), 200);

        // 立项 is the street's: a community worker may not; without If-Match 428.
        var worker = Staff.as("erlizhuang-worker", Set.of(erlizhuang), Role.COMMUNITY_WORKER);
        assertThat(calls.send(post("/api/v1/projects/" + id + "/approval").header("If-Match", "\"0\""), worker, null)
                        .getStatus())
                .isEqualTo(403);
        assertThat(calls.send(post("/api/v1/projects/" + id + "/approval"), admin, null)
                        .getStatus())
                .isEqualTo(428);
        // 立项 needs its basis on record (the 重点事项会商 or a council's resolution); without it nothing changes.
        var unfounded = calls.send(
                post("/api/v1/projects/" + id + "/approval").header("If-Match", "\"0\""), admin, Map.of("note", "  "));
        assertThat(unfounded.getStatus()).isEqualTo(400);
        assertThat(calls.read(unfounded).path("errors").toString()).contains("\"note\"");
        assertThat(calls.read(calls.send(get("/api/v1/projects/" + id), admin, null))
                        .path("status")
                        .asString())
                .isEqualTo("PROPOSED");
        JsonNode approved = ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/approval").header("If-Match", "\"0\""),
                        admin,
                        Map.of("note", "2027 年重点事项会商")),
                200);
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(calls.read(calls.send(get("/api/v1/needs/" + needId), admin, null))
                        .path("status")
                        .asString())
                .isEqualTo("IN_PROJECT");

        // Forty payments of 10,000 元 at once by the university against its 200,000 元 pledge: exactly twenty land.
        var liaison = Staff.ofOrganisation("ustb-liaison", ustb, Role.UNIT_LIAISON);
        List<Integer> statuses = Concurrently.run(
                40,
                i -> liaison,
                (i, who) -> calls.send(
                                post("/api/v1/projects/" + id + "/payments"),
                                who,
                                Map.of("organisationId", ustb.toString(), "amountFen", 1_000_000L))
                        .getStatus());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(20);
        assertThat(jdbc.sql("select paid_fen from listing.project_party where project_id = cast(? as uuid) and"
                                + " organisation_id = ?")
                        .params(id, ustb)
                        .query(Long.class)
                        .single())
                .isEqualTo(20_000_000L);
        assertThat(jdbc.sql("select count(*) from listing.project_payment where project_id = cast(? as uuid)")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
        // The university's 联络员 cannot pay in the street's name.
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/payments"),
                                liaison,
                                Map.of("organisationId", street.toString(), "amountFen", 100L))
                        .getStatus())
                .isEqualTo(403);

        // A payment dated in the future (a mistyped year) is refused beside the date.
        var future = calls.send(
                post("/api/v1/projects/" + id + "/payments"),
                admin,
                Map.of("organisationId", street.toString(), "amountFen", 100L, "paidOn", "2099-01-01"));
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString()).contains("paidOn");

        // A payment retried with its Idempotency-Key pays once; the key with another body is refused.
        long payments = jdbc.sql("select count(*) from listing.project_payment where project_id = cast(? as uuid)")
                .param(id)
                .query(Long.class)
                .single();
        Map<String, Object> once = Map.of("organisationId", street.toString(), "amountFen", 100L);
        for (int attempt = 0; attempt < 2; attempt++) {
            ok(
                    calls.send(
                            post("/api/v1/projects/" + id + "/payments").header("Idempotency-Key", "pay-street-1"),
                            admin,
                            once),
                    200);
        }
        assertThat(jdbc.sql("select count(*) from listing.project_payment where project_id = cast(? as uuid)")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(payments + 1);
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/payments").header("Idempotency-Key", "pay-street-1"),
                                admin,
                                Map.of("organisationId", street.toString(), "amountFen", 200L))
                        .getStatus())
                .isEqualTo(422);

        // Spend up to the budget and not one 分 past it.
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/expenses"),
                        admin,
                        Map.of("amountFen", 39_999_999L, "item", "施工")),
                200);
        var past =
                calls.send(post("/api/v1/projects/" + id + "/expenses"), admin, Map.of("amountFen", 2L, "item", "x"));
        assertThat(past.getStatus()).isEqualTo(422);
        assertThat(code(past)).isEqualTo("listing.project.over-budget");
        ok(calls.send(post("/api/v1/projects/" + id + "/expenses"), admin, Map.of("amountFen", 1L, "item", "尾款")), 200);

        ok(calls.send(post("/api/v1/projects/" + id + "/milestones/1/progress"), admin, Map.of("progress", 100)), 200);
        assertThat(calls.send(post("/api/v1/projects/" + id + "/milestones/2/progress"), admin, Map.of("progress", 101))
                        .getStatus())
                .isEqualTo(400);
        JsonNode half = ok(
                calls.send(post("/api/v1/projects/" + id + "/milestones/2/progress"), admin, Map.of("progress", 50)),
                200);
        assertThat(half.path("milestones").get(0).path("doneOn").isNull()).isFalse();
        assertThat(half.path("milestones").get(1).path("progress").asInt()).isEqualTo(50);

        // Evaluation waits for completion; completion needs the outcome.
        assertThat(calls.send(post("/api/v1/projects/" + id + "/evaluations"), worker, Map.of("score", 5))
                        .getStatus())
                .isEqualTo(409);
        long version = calls.read(calls.send(get("/api/v1/projects/" + id), admin, null))
                .path("version")
                .asLong();
        assertThat(calls.send(
                                post("/api/v1/projects/" + id + "/completion")
                                        .header("If-Match", "\"" + version + "\""),
                                admin,
                                Map.of())
                        .getStatus())
                .isEqualTo(400);
        // 结项 waits for every milestone: the second stands at 50%.
        var early = calls.send(
                post("/api/v1/projects/" + id + "/completion").header("If-Match", "\"" + version + "\""),
                admin,
                Map.of("outcome", "12 个楼道完成改造"));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(code(early)).isEqualTo("listing.project.milestones-open");
        ok(calls.send(post("/api/v1/projects/" + id + "/milestones/2/progress"), admin, Map.of("progress", 100)), 200);
        version = calls.read(calls.send(get("/api/v1/projects/" + id), admin, null))
                .path("version")
                .asLong();
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/completion").header("If-Match", "\"" + version + "\""),
                        admin,
                        Map.of("outcome", "12 个楼道完成改造")),
                200);
        assertThat(calls.read(calls.send(get("/api/v1/needs/" + needId), admin, null))
                        .path("status")
                        .asString())
                .isEqualTo("MET");
        ok(
                calls.send(
                        post("/api/v1/projects/" + id + "/evaluations"),
                        worker,
                        Map.of("score", 4, "comment", "扶手很实用")),
                200);
        var twice = calls.send(post("/api/v1/projects/" + id + "/evaluations"), worker, Map.of("score", 5));
        assertThat(twice.getStatus()).isEqualTo(409);
        JsonNode done = ok(calls.send(post("/api/v1/projects/" + id + "/evaluations"), admin, Map.of("score", 5)), 200);
        assertThat(done.path("evaluations").asLong()).isEqualTo(2);
        assertThat(done.path("averageScore").asDouble()).isEqualTo(4.5);
    }

    @Test
    void the_seed_projects_are_in_the_demo_with_their_funding_split() throws Exception {
        JsonNode page = ok(calls.send(get("/api/v1/projects?size=200"), admin, null), 200);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        JsonNode all = page.path("items");
        Map<String, JsonNode> byTitle = new HashMap<>();
        all.forEach(p -> byTitle.put(p.path("title").asString(), p));
        JsonNode cameras = byTitle.get("校园探头更新与全覆盖");
        assertThat(cameras).isNotNull();
        assertThat(cameras.path("budgetFen").asLong()).isEqualTo(300_000_000L);
        Map<String, Long> split = new HashMap<>();
        cameras.path("parties")
                .forEach(x -> split.put(
                        x.path("name").asString(), x.path("pledgedFen").asLong()));
        assertThat(split).containsEntry("北京科技大学", 150_000_000L).containsEntry("学院路街道办事处", 150_000_000L);
        assertThat(cameras.path("status").asString()).isEqualTo("COMPLETED");
        JsonNode gates = byTitle.get("智慧门禁建设");
        gates.path("parties")
                .forEach(x -> assertThat(x.path("pledgedFen").asLong()).isGreaterThan(200_000_000L));
        assertThat(byTitle).containsKeys("国际文化节", "适老化电梯加装", "老年餐桌", "石油共生大院更新", "京张铁路遗址公园");
        assertThat(byTitle.get("老年餐桌").path("parties").toString()).contains("中国矿业大学");
        assertThat(byTitle.get("适老化电梯加装").path("parties").toString()).contains("北京科技大学");
        assertThat(cameras.path("approvalNote").asString()).contains("重点事项会商");
    }
}
