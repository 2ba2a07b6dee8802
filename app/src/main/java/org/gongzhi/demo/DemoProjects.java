package org.gongzhi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.NeedFilter;
import org.gongzhi.listing.Needs;
import org.gongzhi.listing.ProjectView;
import org.gongzhi.listing.Projects;
import org.gongzhi.listing.ProposeProject;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.territory.TerritoryQueries;

/**
 * The 项目清单 of the demo 学院路 — seed 000's co-funded projects with their split: 北京科技大学 and the street 150万
 * each for campus cameras; 中国农业大学 and the street 200万 and more each (here 208万) for smart gates; 北京语言大学's
 * international culture festival; lifts for the elderly with 北京科技大学 and an elderly canteen with 中国矿业大学; the
 * 石油共生大院 and 京张铁路遗址公园 renewals. Where the seed gives no amount the figures are illustrative, and the
 * approval notes record the 重点事项会商 of street × units.
 */
final class DemoProjects {

    private static final String STREET = "学院路街道办事处";

    record Share(String organisation, long yuan) {}

    record Seed(
            String title,
            String unit,
            String summary,
            List<Share> shares,
            String need,
            String approval,
            List<String> milestones,
            int reached,
            String outcome) {}

    static final List<Seed> SEEDS = List.of(
            new Seed(
                    "校园探头更新与全覆盖",
                    "110108010011",
                    "更换老化探头，覆盖校园及周边道路，接入校地警联盟。",
                    List.of(new Share("北京科技大学", 1_500_000), new Share(STREET, 1_500_000)),
                    "校园周边治安防控",
                    "重点事项会商：街道 × 北京科技大学，双方各出资 150 万元。",
                    List.of("方案设计", "设备采购", "安装调试", "验收"),
                    4,
                    "校园及周边 120 个点位探头更换并全覆盖，接入派出所平台。"),
            new Seed(
                    "智慧门禁建设",
                    "110108010012",
                    "家属区出入口智慧门禁与访客登记。",
                    List.of(new Share("中国农业大学", 2_080_000), new Share(STREET, 2_080_000)),
                    "老旧校园小区智慧门禁",
                    "重点事项会商：街道 × 中国农业大学，双方各出资 200 余万元。",
                    List.of("需求调研", "建设", "试运行"),
                    3,
                    "家属区 9 个出入口完成智慧门禁，外来人员登记进出。"),
            new Seed(
                    "国际文化节",
                    "110108010016",
                    "与北京语言大学合办，建设国际人才社区（金额为示意）。",
                    List.of(new Share("北京语言大学", 300_000), new Share(STREET, 200_000)),
                    "国际人才社区文化交流",
                    "重点事项会商：街道 × 北京语言大学。",
                    List.of("节目征集", "场地布置", "开幕"),
                    1,
                    null),
            new Seed(
                    "适老化电梯加装",
                    "110108010013",
                    "为多层住宅加装电梯，北京科技大学承担建设（金额为示意）。",
                    List.of(new Share("北京科技大学", 1_200_000), new Share(STREET, 800_000)),
                    "老年人上下楼难",
                    "重点事项会商：街道 × 北京科技大学。",
                    List.of("居民意见征集", "设计审批", "施工", "验收"),
                    2,
                    null),
            new Seed(
                    "老年餐桌",
                    "110108010013",
                    "中国矿业大学教工食堂午餐时段向辖区老人开放（金额为示意）。",
                    List.of(new Share("中国矿业大学（北京）", 400_000), new Share(STREET, 200_000)),
                    "老年餐桌",
                    "重点事项会商：街道 × 中国矿业大学。",
                    List.of("场地改造", "试运营"),
                    2,
                    "每天午餐服务老人约 180 人次。"),
            new Seed(
                    "石油共生大院更新",
                    "110108010001",
                    "石油大院公共空间更新，院校与社区共建共享（金额为示意）。",
                    List.of(new Share("中国石油大学（北京）学院路校区", 600_000), new Share(STREET, 900_000)),
                    null,
                    "重点事项会商：街道 × 中国石油大学（北京）。",
                    List.of("社区营造工作坊", "设计", "施工"),
                    1,
                    null),
            new Seed(
                    "京张铁路遗址公园",
                    "110108010",
                    "京张铁路遗址沿线慢行与公共空间更新（金额为示意）。",
                    List.of(new Share(STREET, 3_000_000)),
                    null,
                    "街道党工委会议。",
                    List.of("规划", "一期施工"),
                    0,
                    null));

    private DemoProjects() {}

    static void load(Projects projects, Needs needs, OrganizationQueries organisations, TerritoryQueries territory) {
        for (Seed s : SEEDS) {
            List<ProposeProject.Party> parties = new ArrayList<>();
            long budget = 0;
            for (int i = 0; i < s.shares().size(); i++) {
                Share share = s.shares().get(i);
                long fen = share.yuan() * 100;
                parties.add(new ProposeProject.Party(organisation(organisations, share.organisation()), i == 0, fen));
                budget += fen;
            }
            List<UUID> needIds = s.need() == null
                    ? List.of()
                    : needs.list(new NeedFilter(null, null, null, null, s.need()), 1, 5).items().stream()
                            .filter(n -> n.title().equals(s.need()))
                            .map(n -> n.id())
                            .toList();
            ProjectView p = projects.propose(new ProposeProject(
                    s.title(),
                    s.summary(),
                    territory.requireByCode(s.unit()).id().value(),
                    budget,
                    parties,
                    needIds,
                    List.of()));
            for (String m : s.milestones()) {
                p = projects.addMilestone(p.id(), m, null);
            }
            p = projects.approve(p.id(), p.version(), s.approval());
            for (int k = 1; k <= s.reached(); k++) {
                p = projects.progress(p.id(), k, 100, null);
            }
            if (s.reached() < s.milestones().size()) {
                p = projects.progress(p.id(), s.reached() + 1, 40, null);
            }
            for (ProposeProject.Party party : parties) {
                long paid = s.outcome() != null ? party.pledgedFen() : party.pledgedFen() / 2;
                if (paid > 0) {
                    p = projects.pay(p.id(), party.organisationId(), paid, LocalDate.of(2020, 6, 30), null);
                }
            }
            if (s.outcome() != null) {
                p = projects.spend(p.id(), p.budgetFen(), LocalDate.of(2020, 12, 31), "项目建设");
                projects.complete(p.id(), p.version(), s.outcome());
            }
        }
    }

    private static UUID organisation(OrganizationQueries organisations, String name) {
        return organisations.all(new OrganisationFilter(null, null, null, name)).stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo organisation " + name))
                .id()
                .value();
    }
}
