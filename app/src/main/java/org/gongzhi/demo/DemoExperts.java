package org.gongzhi.demo;

import java.util.List;
import org.gongzhi.listing.ExpertDetails;
import org.gongzhi.listing.ExpertRole;
import org.gongzhi.listing.ExpertView;
import org.gongzhi.listing.Experts;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.Needs;
import org.gongzhi.listing.ProjectView;
import org.gongzhi.listing.Projects;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.territory.TerritoryQueries;

/**
 * The 智库 of the demo 学院路: a responsible planner and a community builder (双师联动 on the lift project), a
 * community planner, a governance adviser and two scholars. The people are made up for the demonstration; the
 * affiliations are demo organisations or described in words.
 */
final class DemoExperts {

    record Expert(
            String name, ExpertRole role, String organisation, String affiliation, List<String> tags, String bio) {}

    static final List<Expert> EXPERTS = List.of(
            new Expert(
                    "周明远",
                    ExpertRole.RESPONSIBLE_PLANNER,
                    null,
                    "学院路街区责任规划师团队",
                    List.of("街区更新", "老旧小区改造", "适老化改造", "公共空间", "加装电梯"),
                    "负责学院路街区更新规划，参与多个老旧小区综合整治和加装电梯方案论证。"),
            new Expert(
                    "林晓",
                    ExpertRole.COMMUNITY_BUILDER,
                    null,
                    "社区营造中心（社会组织）",
                    List.of("社区营造", "居民参与", "议事协商", "社区花园", "志愿者培育"),
                    "长期驻点社区，组织居民议事和社区花园共建，擅长把居民意见变成可实施的方案。"),
            new Expert(
                    "陈静怡",
                    ExpertRole.COMMUNITY_PLANNER,
                    "北京科技大学",
                    null,
                    List.of("社区规划", "校园周边", "停车治理", "交通组织", "安防"),
                    "研究校区与社区融合发展，参与校园周边停车和安防改造方案。"),
            new Expert(
                    "郭建华",
                    ExpertRole.GOVERNANCE_ADVISER,
                    null,
                    "区社会治理研究会",
                    List.of("接诉即办", "物业管理", "业委会组建", "矛盾调解", "法律咨询"),
                    "多年从事基层治理工作，熟悉物业纠纷调解和业委会组建。"),
            new Expert(
                    "吴玉兰",
                    ExpertRole.SCHOLAR,
                    "中国农业大学",
                    null,
                    List.of("垃圾分类", "环境整治", "社区花园", "园艺疗法"),
                    "研究城市社区环境治理，指导多个社区的垃圾分类和小微空间绿化。"),
            new Expert(
                    "许立",
                    ExpertRole.SCHOLAR,
                    "北京语言大学",
                    null,
                    List.of("跨文化交流", "国际社区", "志愿服务", "文化活动"),
                    "研究国际人才社区建设，带领学生志愿者参与社区文化交流活动。"));

    private DemoExperts() {}

    static void load(
            Experts experts,
            Needs needs,
            Projects projects,
            OrganizationQueries organisations,
            TerritoryQueries territory) {
        var subdistrict = territory.requireByCode("110108010").id().value();
        java.util.Map<String, ExpertView> added = new java.util.HashMap<>();
        for (Expert e : EXPERTS) {
            added.put(
                    e.name(),
                    experts.add(new ExpertDetails(
                            subdistrict,
                            e.name(),
                            e.role(),
                            e.organisation() == null
                                    ? null
                                    : organisations
                                            .all(new org.gongzhi.organization.OrganisationFilter(
                                                    null, null, null, e.organisation()))
                                            .stream()
                                            .findFirst()
                                            .map(o -> o.id().value())
                                            .orElse(null),
                            e.affiliation() == null ? e.organisation() : e.affiliation(),
                            e.tags(),
                            e.bio(),
                            null,
                            true)));
        }
        // 双师联动 on the lift project: the planner designs, the community builder brings the residents along.
        projects.list(null, "适老化电梯加装", 1, 1).items().stream()
                .findFirst()
                .map(ProjectView::id)
                .ifPresent(p -> {
                    experts.assignToProject(p, added.get("周明远").id(), "加装方案论证与规划审查");
                    experts.assignToProject(p, added.get("林晓").id(), "组织楼门议事，征求全体业主意见");
                });
        needs.list(new NeedFilter(null, null, null, null, "上下楼"), 1, 1).items().stream()
                .findFirst()
                .ifPresent(n -> experts.assignToNeed(n.id(), added.get("周明远").id(), "现场踏勘，判断加装条件"));
    }
}
