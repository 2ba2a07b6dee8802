package org.gongzhi.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.listing.Openness;
import org.gongzhi.listing.ResourceDetails;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.Resources;
import org.gongzhi.listing.ServiceCategory;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.territory.TerritoryQueries;

/**
 * The 资源清单 of the demo 学院路 (seed 000): what its universities, institutes and the street itself open, pool or
 * share — halls and sports grounds to book, a canteen for the 老年餐桌, volunteers, know-how. Each is placed at a point
 * found in its provider's community. Names of rooms and contacts are invented.
 */
final class DemoResources {

    private final Resources resources;
    private final OrganizationQueries organisations;
    private final TerritoryQueries territory;
    private final Map<String, double[]> points = new HashMap<>();

    DemoResources(Resources resources, OrganizationQueries organisations, TerritoryQueries territory) {
        this.resources = resources;
        this.organisations = organisations;
        this.territory = territory;
    }

    /** One demo resource: provider, community it lies in, and what is offered. */
    record Offer(
            String provider,
            String community,
            String name,
            ResourceKind kind,
            Openness openness,
            Integer capacity,
            boolean bookable,
            String opening,
            String conditions,
            String description,
            String contact,
            Set<ServiceCategory> services) {}

    static final List<Offer> OFFERS = List.of(
            new Offer(
                    "学院路街道办事处",
                    "110108010001",
                    "石油大院养老驿站",
                    ResourceKind.FACILITY,
                    Openness.SHARED,
                    40,
                    false,
                    "1-7 08:00-18:00",
                    "辖区 60 岁以上老人免费使用，助浴、助餐须登记。",
                    "日间照料、助浴、老年活动和助餐服务。",
                    "周丽",
                    Set.of(ServiceCategory.ELDERLY_CARE, ServiceCategory.CANTEEN)),
            new Offer(
                    "学院路街道办事处",
                    "110108010008",
                    "北航社区老年食堂",
                    ResourceKind.FACILITY,
                    Openness.POOLED,
                    80,
                    false,
                    "1-7 11:00-13:00; 1-7 17:00-18:30",
                    "老人凭卡就餐，行动不便者可预约送餐。",
                    "与北京航空航天大学餐饮中心合作的社区食堂。",
                    "吴刚",
                    Set.of(ServiceCategory.CANTEEN)),
            new Offer(
                    "北京大学医学部",
                    "110108010010",
                    "社区健康小屋",
                    ResourceKind.FACILITY,
                    Openness.OPEN,
                    20,
                    false,
                    "1-5 08:00-17:00",
                    "居民凭身份证自助检测，医生每周二坐诊。",
                    "血压、血糖自助检测和健康咨询。",
                    "郑洁",
                    Set.of(ServiceCategory.HEALTH)),
            new Offer(
                    "学院路第一小学",
                    "110108010004",
                    "四点半课堂",
                    ResourceKind.SOFTWARE_COURSE,
                    Openness.SHARED,
                    60,
                    false,
                    "1-5 15:30-18:00",
                    "辖区小学生，家长须签安全协议。",
                    "放学后作业辅导和兴趣活动，大学生志愿者参与。",
                    "冯敏",
                    Set.of(ServiceCategory.CHILDCARE, ServiceCategory.EDUCATION)),
            new Offer(
                    "北京林业大学",
                    "110108010007",
                    "林大田径场",
                    ResourceKind.SPORTS_CULTURE_BASE,
                    Openness.OPEN,
                    500,
                    true,
                    "6,7 07:00-20:00",
                    "周末向居民开放，须刷身份证入校。",
                    "400 米标准跑道和足球场。",
                    "韩冰",
                    Set.of(ServiceCategory.SPORTS)),
            new Offer(
                    "学院路街道办事处",
                    "110108010021",
                    "东王庄便民菜站",
                    ResourceKind.FACILITY,
                    Openness.OPEN,
                    null,
                    false,
                    "1-7 07:00-20:00",
                    "平价蔬菜和日用品。",
                    "社区便民菜站，兼营修鞋、配钥匙。",
                    "杨帆",
                    Set.of(ServiceCategory.GROCERY)),
            new Offer(
                    "学院路街道办事处",
                    "110108010015",
                    "社区法律服务站",
                    ResourceKind.TALENT,
                    Openness.SHARED,
                    null,
                    false,
                    "1-5 09:00-17:00",
                    "免费法律咨询，每周三律师值班。",
                    "公益律师提供法律咨询、调解和法律援助指引。",
                    "许诺",
                    Set.of(ServiceCategory.LEGAL)),
            new Offer(
                    "中国地质大学（北京）",
                    "110108010002",
                    "地大就业指导公开课",
                    ResourceKind.SOFTWARE_COURSE,
                    Openness.SHARED,
                    200,
                    false,
                    null,
                    "辖区待业青年和高校毕业生可报名。",
                    "求职技能、简历写作和招聘信息发布。",
                    "何佳",
                    Set.of(ServiceCategory.EMPLOYMENT, ServiceCategory.EDUCATION)),
            new Offer(
                    "北京航空航天大学",
                    "110108010008",
                    "北航图书馆社区阅览室",
                    ResourceKind.VENUE,
                    Openness.OPEN,
                    100,
                    true,
                    "6,7 09:00-17:00",
                    "居民凭社区证明办理阅览证。",
                    "周末向社区居民开放的阅览室和讲座厅。",
                    "罗静",
                    Set.of(ServiceCategory.CULTURE, ServiceCategory.EDUCATION)),
            new Offer(
                    "北京大学医学部",
                    "110108010005",
                    "二里庄社区卫生服务站",
                    ResourceKind.FACILITY,
                    Openness.OPEN,
                    30,
                    false,
                    "1-6 08:00-17:00",
                    "辖区居民就近就医、慢病随访。",
                    "全科门诊、慢病管理和家庭医生签约。",
                    "宋岩",
                    Set.of(ServiceCategory.HEALTH, ServiceCategory.ELDERLY_CARE)),
            new Offer(
                    "学院路街道办事处",
                    "110108010029",
                    "健翔园托育点",
                    ResourceKind.FACILITY,
                    Openness.SHARED,
                    30,
                    false,
                    "1-5 08:00-18:00",
                    "3 岁以下婴幼儿，按月收费。",
                    "普惠托育点，专业保育员照看。",
                    "唐宁",
                    Set.of(ServiceCategory.CHILDCARE)),
            new Offer(
                    "学院路街道办事处",
                    "110108010018",
                    "石科院便民超市",
                    ResourceKind.FACILITY,
                    Openness.OPEN,
                    null,
                    false,
                    "1-7 07:00-22:00",
                    "营业时间内自由选购，可送货上门。",
                    "生鲜和日用品。",
                    "曹阳",
                    Set.of(ServiceCategory.GROCERY)),
            new Offer(
                    "北京科技大学",
                    "110108010011",
                    "北京科技大学体育馆",
                    ResourceKind.SPORTS_CULTURE_BASE,
                    Openness.OPEN,
                    800,
                    true,
                    "6,7 08:00-18:00",
                    "周末向社区居民团体开放，须提前三天预约；自备运动鞋。",
                    "校区体育馆，篮球、羽毛球场地各 4 片。",
                    "刘洋",
                    Set.of(ServiceCategory.SPORTS)),
            new Offer(
                    "北京科技大学",
                    "110108010011",
                    "逸夫楼报告厅",
                    ResourceKind.VENUE,
                    Openness.OPEN,
                    300,
                    true,
                    "1-5 08:00-21:00",
                    "公益讲座、社区议事会免费使用。",
                    "可容纳 300 人，投影与扩音齐全。",
                    "王海",
                    Set.of(ServiceCategory.CULTURE, ServiceCategory.EDUCATION)),
            new Offer(
                    "中国农业大学",
                    "110108010012",
                    "智慧门禁建设与运维经验",
                    ResourceKind.SOFTWARE_COURSE,
                    Openness.SHARED,
                    null,
                    false,
                    null,
                    "向辖区老旧小区免费分享方案与运维培训。",
                    "与街道共建智慧门禁项目的方案、招标文件和运维手册。",
                    "李静",
                    Set.of()),
            new Offer(
                    "北京语言大学",
                    "110108010016",
                    "国际文化节志愿者团队",
                    ResourceKind.TALENT,
                    Openness.SHARED,
                    60,
                    false,
                    null,
                    "社区国际交流活动可申请，须提前两周商定。",
                    "多语种学生志愿者，支持国际人才社区活动。",
                    "张伟",
                    Set.of(ServiceCategory.CULTURE)),
            new Offer(
                    "中国矿业大学（北京）",
                    "110108010013",
                    "教工食堂老年餐桌",
                    ResourceKind.FACILITY,
                    Openness.POOLED,
                    120,
                    true,
                    "1-7 11:00-13:00",
                    "辖区 60 岁以上老人凭卡就餐。",
                    "午餐时段与社区共用，提供适老化餐食。",
                    "陈敏",
                    Set.of(ServiceCategory.CANTEEN, ServiceCategory.ELDERLY_CARE)),
            new Offer(
                    "北京机电研究所",
                    "110108010009",
                    "园区会议室",
                    ResourceKind.VENUE,
                    Openness.OPEN,
                    40,
                    true,
                    "1-5 09:00-17:00",
                    "园区企业与社区议事协商使用。",
                    "配有视频会议设备。",
                    "赵磊",
                    Set.of()),
            new Offer(
                    "学院路街道办事处",
                    "110108010005",
                    "党群服务中心多功能厅",
                    ResourceKind.VENUE,
                    Openness.SHARED,
                    60,
                    true,
                    "1-7 08:30-21:00",
                    "辖区单位和居民团体均可预约。",
                    "街道党群服务中心，可办讲座、培训、议事会。",
                    "孙悦",
                    Set.of(ServiceCategory.CULTURE, ServiceCategory.EDUCATION, ServiceCategory.ELDERLY_CARE)));

    void load() {
        for (Offer o : OFFERS) {
            var provider = organisations.all(new OrganisationFilter(null, null, null, o.provider())).stream()
                    .filter(v -> v.name().equals(o.provider()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No demo organisation " + o.provider()));
            double[] p = pointIn(o.community());
            resources.offer(new ResourceDetails(
                    provider.id().value(),
                    o.name(),
                    o.kind(),
                    o.openness(),
                    o.capacity(),
                    BigDecimal.valueOf(p[0]),
                    BigDecimal.valueOf(p[1]),
                    null,
                    o.description(),
                    o.conditions(),
                    o.bookable(),
                    o.opening(),
                    o.services(),
                    o.contact(),
                    "010-6233" + String.format("%04d", Math.abs(o.name().hashCode()) % 10_000)));
        }
    }

    /** A point in the community with this code: the first found on a 100 m grid over 学院路. */
    private double[] pointIn(String community) {
        if (points.isEmpty()) {
            for (double lat = 39.975; lat < 40.010; lat += 0.0009) {
                for (double lng = 116.325; lng < 116.375; lng += 0.0012) {
                    double la = Math.round(lat * 1e6) / 1e6;
                    double ln = Math.round(lng * 1e6) / 1e6;
                    territory.locate(la, ln).ifPresent(l -> {
                        if (l.community() != null) {
                            points.putIfAbsent(l.community().code(), new double[] {la, ln});
                        }
                    });
                }
            }
        }
        double[] p = points.get(community);
        if (p == null) {
            throw new IllegalStateException("No point found in community " + community);
        }
        return p;
    }
}
