package org.gongzhi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.organization.AdmitMember;
import org.gongzhi.organization.Cadence;
import org.gongzhi.organization.CouncilLevel;
import org.gongzhi.organization.CouncilView;
import org.gongzhi.organization.DrawResponsibilityList;
import org.gongzhi.organization.FoundCouncil;
import org.gongzhi.organization.OrganisationDetails;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganizationManagement;

/**
 * Demo organisations, councils and the 三驾马车 responsibility list. Seed 000 counts 10 高校, 11 科研院所 and 11 中小学 in
 * 学院路 and names some of them; the rest are invented and flagged.
 */
final class DemoOrganizations {

    private final OrganizationManagement organizations;
    private final SyntheticCreditCodes codes = new SyntheticCreditCodes(32100);
    private final Map<String, UUID> byName = new LinkedHashMap<>();

    DemoOrganizations(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    /** The id of a demo organisation by its name. */
    UUID id(String name) {
        return byName.get(name);
    }

    void load() {
        xueyuanlu();
        dongzhimen();
        wujiaochang();
    }

    private UUID add(
            OrganisationKind kind, String name, String unitCode, String region, boolean synthetic, String description) {
        String credit = kind.legalEntity() ? codes.next(prefix(kind), region) : null;
        UUID id = organizations
                .register(new OrganisationDetails(
                        name, kind, credit, unitCode, null, null, null, null, description, synthetic))
                .id()
                .value();
        byName.put(name, id);
        return id;
    }

    private static String prefix(OrganisationKind kind) {
        return switch (kind) {
            case SUBDISTRICT_OFFICE, GOVERNMENT_DEPARTMENT -> "11";
            case UNIVERSITY, RESEARCH_INSTITUTE, SCHOOL, RESIDENTS_COMMITTEE -> "12";
            case SOCIAL_ORGANIZATION -> "52";
            case CHAMBER_OF_COMMERCE -> "51";
            default -> "91";
        };
    }

    private void xueyuanlu() {
        String s = DemoTerritory.XUEYUANLU;
        String region = "110108";
        add(OrganisationKind.SUBDISTRICT_OFFICE, "学院路街道办事处", s, region, false, "海淀区东部，8.49 平方公里，29 个社区，常住人口 23 万。");
        add(OrganisationKind.PARTY_ORGANIZATION, "学院路街道党工委", s, region, false, null);
        String[][] universities = {
            {"北京科技大学", "false", "Z01", "与街道各出资 150 万元，更换并覆盖校园探头；承担适老化电梯建设。"},
            {"中国农业大学", "false", "Z02", "与街道各出资 200 余万元，完成智慧门禁项目。"},
            {"北京语言大学", "false", "Z03", "与街道合办国际文化节，建设国际人才社区。"},
            {"中国矿业大学（北京）", "false", "Z04", "承担老年餐桌服务。"},
            {"北京航空航天大学", "true", null, null},
            {"北京林业大学", "true", null, null},
            {"中国地质大学（北京）", "true", null, null},
            {"北京大学医学部", "true", null, null},
            {"中国石油大学（北京）学院路校区", "true", null, null},
            {"北京信息科技大学（学院路校区）", "true", null, null}
        };
        String[] communityOf = {
            "110108010011",
            "110108010012",
            "110108010016",
            "110108010013",
            "110108010008",
            "110108010007",
            "110108010002",
            "110108010017",
            "110108010001",
            "110108010014"
        };
        for (int k = 0; k < universities.length; k++) {
            add(
                    OrganisationKind.UNIVERSITY,
                    universities[k][0],
                    communityOf[k],
                    region,
                    Boolean.parseBoolean(universities[k][1]),
                    universities[k][3]);
        }
        add(
                OrganisationKind.RESEARCH_INSTITUTE,
                "北京机电研究所",
                "110108010009",
                region,
                false,
                "引导园区及驻园企业做好产业定位和结构调整（种子材料 000）。");
        String[] institutes = {
            "学院路材料科学研究院",
            "北京矿冶技术研究所",
            "北京地质勘查研究院",
            "北京石化工程研究所",
            "北京信息安全研究所",
            "北京遥感应用研究所",
            "北京生物农业研究所",
            "北京能源环境研究院",
            "北京城市交通研究所",
            "北京语言应用研究所"
        };
        for (int k = 0; k < institutes.length; k++) {
            add(
                    OrganisationKind.RESEARCH_INSTITUTE,
                    institutes[k],
                    s + String.format("%03d", k % 29 + 1),
                    region,
                    true,
                    null);
        }
        String[] schools = {
            "学院路第一小学", "学院路第二小学", "二里庄小学", "石油大院小学", "林大附属小学", "北航附属中学", "地大附属中学", "矿大附属中学", "科大附属中学", "学知园中学", "清华东路中学"
        };
        for (int k = 0; k < schools.length; k++) {
            add(OrganisationKind.SCHOOL, schools[k], s + String.format("%03d", (k * 3) % 29 + 1), region, true, null);
        }
        add(OrganisationKind.INDUSTRIAL_PARK, "768产业园", "110108010022", region, false, "学院路重点园区（种子材料 000）。");
        add(OrganisationKind.INDUSTRIAL_PARK, "电科太极创新园", "110108010010", region, false, "学院路重点园区（种子材料 000）。");
        add(OrganisationKind.ENTERPRISE, "清华同衡规划设计院", s, region, false, "街区责任规划师，开展城市体检与街区更新（种子材料 000）。");
        add(OrganisationKind.ENTERPRISE, "学院路科技示例有限公司", "110108010022", region, true, null);
        add(OrganisationKind.GOVERNMENT_DEPARTMENT, "海淀分局学院路派出所", s, region, false, "与街道和六所大学组成“校地警”联盟（种子材料 000）。");
        add(OrganisationKind.GOVERNMENT_DEPARTMENT, "海淀区城市管理综合行政执法局学院路执法队", s, region, true, null);
        add(OrganisationKind.GOVERNMENT_DEPARTMENT, "海淀区市场监督管理局学院路所", s, region, true, null);
        add(OrganisationKind.GOVERNMENT_DEPARTMENT, "海淀交通支队学院路大队", s, region, true, null);
        add(OrganisationKind.PUBLIC_UTILITY, "北京市自来水集团海淀营业所", s, region, true, null);
        add(
                OrganisationKind.SOCIAL_ORGANIZATION,
                "二里庄社区营造工作坊",
                DemoTerritory.ERLIZHUANG,
                region,
                false,
                "以专业社会组织为枢纽，孵化培育社区社会组织 30 多个（种子材料 000）。");
        add(OrganisationKind.RESIDENTS_COMMITTEE, "二里庄社区居委会", DemoTerritory.ERLIZHUANG, region, true, null);
        add(OrganisationKind.PARTY_ORGANIZATION, "二里庄社区党委", DemoTerritory.ERLIZHUANG, region, true, null);
        add(OrganisationKind.PROPERTY_MANAGEMENT, "二里庄示例物业服务有限公司", DemoTerritory.ERLIZHUANG, region, true, null);

        CouncilView council = organizations.foundCouncil(new FoundCouncil(
                "学院路街道党建工作协调委员会",
                CouncilLevel.SUBDISTRICT,
                s,
                "海淀区区长",
                LocalDate.of(2017, 6, 1),
                "两层级议事规则：街道级委员会每季度召开全体会议，重点事项随时会商；社区级委员会每月议事。",
                "两表议题征集：驻区单位填写单位议题表，社区填写社区议题表，由联络员汇总提交。",
                "联络员制度：成员单位各派一名联络员，街道和单位两办主任日常沟通协调。",
                "突发事项应急响应：发生突发事件时，街道吹哨，成员单位按约定力量和时限报到。",
                false));
        List<String> members = new ArrayList<>();
        for (String[] u : universities) {
            members.add(u[0]);
        }
        members.addAll(List.of("北京机电研究所", "768产业园", "电科太极创新园", "海淀分局学院路派出所"));
        String[] liaisons = {"王海", "李静", "张伟", "刘洋", "陈敏", "杨帆", "赵磊", "黄丽", "周强", "吴婷", "徐峰", "孙悦", "马骏", "朱琳"};
        for (int k = 0; k < members.size(); k++) {
            organizations.admit(
                    council.id(),
                    new AdmitMember(
                            byName.get(members.get(k)),
                            liaisons[k % liaisons.length],
                            "党委办公室主任",
                            LocalDate.of(2017, 6, 1)));
        }
        CouncilView community = organizations.foundCouncil(new FoundCouncil(
                "二里庄社区党建协调委员会",
                CouncilLevel.COMMUNITY,
                DemoTerritory.ERLIZHUANG,
                "二里庄社区党委书记",
                LocalDate.of(2018, 3, 1),
                "每月召开一次议事会，议题会前一周公示。",
                "社区议题表：居民、物业、社会组织提出；单位议题表：驻区单位提出。",
                "成员单位各派一名联络员。",
                "停水停电等突发事项，社区当日召集成员单位。",
                true));
        for (String name : List.of("二里庄社区营造工作坊", "二里庄示例物业服务有限公司", "北京科技大学")) {
            organizations.admit(
                    community.id(), new AdmitMember(byName.get(name), "刘芳", "联络员", LocalDate.of(2018, 3, 1)));
        }
    }

    private void dongzhimen() {
        String s = DemoTerritory.DONGZHIMEN;
        String region = "110101";
        add(
                OrganisationKind.SUBDISTRICT_OFFICE,
                "东直门街道办事处",
                s,
                region,
                false,
                "2014 年起实施“家园计划”，建立街道—社区—楼宇三级议事会（种子材料 002）。");
        add(OrganisationKind.PARTY_ORGANIZATION, "东直门街道工委", s, region, false, null);
        add(
                OrganisationKind.SELF_MANAGEMENT_COMMITTEE,
                "胡家园东区居民自治管理委员会",
                DemoTerritory.HUJIAYUAN,
                region,
                false,
                "老旧小区综合整治中成立的东城区首个居民自治管理委员会（种子材料 002）。");
        String[] communities = {"香北社区", "东环社区", "东外大街社区", "胡家园社区", "新中街社区", "清水苑社区", "北官厅社区", "新中西里社区", "东中街社区", "草园社区"
        };
        for (int k = 0; k < communities.length; k++) {
            add(
                    OrganisationKind.RESIDENTS_COMMITTEE,
                    communities[k] + "居委会",
                    s + String.format("%03d", k + 1),
                    region,
                    true,
                    null);
        }
        add(OrganisationKind.STREET_ENVIRONMENT_COUNCIL, "东直门外大街街巷环境理事会", s, region, true, null);
        add(OrganisationKind.CHAMBER_OF_COMMERCE, "东直门地区商会", s, region, true, "商户自律公约的发起方（示例）。");
        CouncilView council = organizations.foundCouncil(new FoundCouncil(
                "东直门街道党建工作协调委员会",
                CouncilLevel.SUBDISTRICT,
                s,
                "东直门街道工委书记",
                LocalDate.of(2018, 1, 1),
                "每季度召开一次全体会议。",
                "单位议题表与社区议题表。",
                "成员单位各派一名联络员。",
                "街道吹哨，成员单位报到。",
                true));
        organizations.admit(
                council.id(), new AdmitMember(byName.get("东直门地区商会"), "高翔", "秘书长", LocalDate.of(2018, 1, 1)));
        organizations.admit(
                council.id(), new AdmitMember(byName.get("胡家园东区居民自治管理委员会"), "郑红", "主任", LocalDate.of(2018, 1, 1)));
    }

    private void wujiaochang() {
        String s = DemoTerritory.WUJIAOCHANG;
        String g = DemoTerritory.GUODINGYI;
        String region = "310110";
        add(OrganisationKind.SUBDISTRICT_OFFICE, "五角场街道办事处", s, region, false, "社区、校区、园区、营区、商区“五区联动”（种子材料 003）。");
        add(OrganisationKind.PARTY_ORGANIZATION, "五角场街道党工委", s, region, false, null);
        add(OrganisationKind.UNIVERSITY, "上海财经大学", "310110012002", region, false, null);
        UUID party = add(
                OrganisationKind.PARTY_ORGANIZATION,
                "国定一居民区党总支",
                g,
                region,
                false,
                "与“三驾马车”共同推动“睦邻门”于 2019 年开启（种子材料 003）。");
        UUID committee = add(OrganisationKind.RESIDENTS_COMMITTEE, "国定一居民区居委会", g, region, true, null);
        UUID owners = add(OrganisationKind.OWNERS_COMMITTEE, "国定一小区业主委员会", g, region, true, null);
        UUID property = add(OrganisationKind.PROPERTY_MANAGEMENT, "国定一示例物业有限公司", g, region, true, null);
        UUID social = add(OrganisationKind.SOCIAL_ORGANIZATION, "睦邻示例社会工作服务社", g, region, true, null);
        UUID office = add(OrganisationKind.GOVERNMENT_DEPARTMENT, "五角场街道社区管理办公室", s, region, true, null);
        List<DrawResponsibilityList.PartyInput> parties = List.of(
                new DrawResponsibilityList.PartyInput("party", "居民区党总支", party),
                new DrawResponsibilityList.PartyInput("committee", "居委会", committee),
                new DrawResponsibilityList.PartyInput("owners", "业主委员会", owners),
                new DrawResponsibilityList.PartyInput("property", "物业企业", property),
                new DrawResponsibilityList.PartyInput("social", "第三方社会组织", social),
                new DrawResponsibilityList.PartyInput("office", "街道相关职能科室", office));
        Object[][] duties = {
            {"party", "召集“三驾马车”联席会议，研究居民区重大事项", Cadence.MONTHLY, "会议纪要"},
            {"party", "审核业委会换届人选，把好政治关", Cadence.AS_NEEDED, "审核意见"},
            {"party", "组织党员认领楼组，联系群众", Cadence.QUARTERLY, "认领台账"},
            {"party", "协调驻区单位参与居民区治理", Cadence.QUARTERLY, "共建协议"},
            {"party", "听取物业服务情况汇报并提出意见", Cadence.QUARTERLY, "汇报记录"},
            {"committee", "收集居民诉求并分类转办", Cadence.WEEKLY, "诉求台账"},
            {"committee", "指导监督业委会依法履职", Cadence.MONTHLY, "指导记录"},
            {"committee", "组织居民议事会协商公共事务", Cadence.MONTHLY, "议事记录"},
            {"committee", "开展居民满意度测评", Cadence.YEARLY, "测评报告"},
            {"committee", "调解邻里和物业纠纷", Cadence.AS_NEEDED, "调解记录"},
            {"committee", "公示居民区公共事务和收支", Cadence.QUARTERLY, "公示照片"},
            {"owners", "召开业主大会，执行业主共同决定", Cadence.YEARLY, "会议决议"},
            {"owners", "监督物业服务合同履行", Cadence.MONTHLY, "监督记录"},
            {"owners", "管理和公示维修资金使用", Cadence.QUARTERLY, "公示照片"},
            {"owners", "向居委会报告工作，接受指导", Cadence.QUARTERLY, "报告"},
            {"owners", "组织业主遵守管理规约", Cadence.AS_NEEDED, "宣传记录"},
            {"property", "保洁、绿化、秩序维护达到合同标准", Cadence.DAILY, "巡查日志"},
            {"property", "共用设施设备巡检维修", Cadence.WEEKLY, "维修单"},
            {"property", "公示服务内容、收费标准和收支", Cadence.QUARTERLY, "公示照片"},
            {"property", "参加“三驾马车”联席会议", Cadence.MONTHLY, "签到表"},
            {"property", "制定并演练突发事件应急预案", Cadence.YEARLY, "演练记录"},
            {"property", "配合居委会处理居民投诉", Cadence.AS_NEEDED, "处理记录"},
            {"social", "运营党群服务微空间，开展睦邻活动", Cadence.WEEKLY, "活动记录"},
            {"social", "培育居民自治团队", Cadence.QUARTERLY, "团队名册"},
            {"social", "为议事协商提供专业支持", Cadence.AS_NEEDED, "服务记录"},
            {"office", "督导“三驾马车”建设并考核", Cadence.YEARLY, "考核结果"},
            {"office", "协调职能部门解决居民区难题", Cadence.AS_NEEDED, "协调记录"}
        };
        List<DrawResponsibilityList.DutyInput> list = new ArrayList<>();
        for (int k = 0; k < duties.length; k++) {
            list.add(new DrawResponsibilityList.DutyInput(
                    k + 1, (String) duties[k][1], (String) duties[k][0], (Cadence) duties[k][2], (String)
                            duties[k][3]));
        }
        organizations.drawResponsibilityList(new DrawResponsibilityList(
                "国定一居民区“三驾马车”责任制清单",
                g,
                "《关于加强党建引领居民区“三驾马车”建设的实施办法（试行）》：6 个方面任务分工、27 项责任制清单（种子材料 003；条目内容为示例）。",
                parties,
                list,
                true));
    }
}
