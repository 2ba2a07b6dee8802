package org.gongzhi.demo;

import java.util.List;
import org.gongzhi.listing.NeedDetails;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.NeedSource;
import org.gongzhi.listing.Needs;
import org.gongzhi.listing.RequesterKind;
import org.gongzhi.territory.TerritoryQueries;

/**
 * The 需求清单 of the demo 学院路: the needs behind seed 000's co-funded projects (campus safety, smart gates, lifts and
 * a canteen for the elderly, an international culture festival) and a few more, gathered at meetings, forums and visits.
 */
final class DemoNeeds {

    record Need(
            String community,
            String title,
            String category,
            NeedSource source,
            String beneficiaries,
            Integer count,
            NeedPriority priority,
            String description) {}

    static final List<Need> NEEDS = List.of(
            new Need(
                    "110108010011",
                    "校园周边治安防控",
                    "GOVERNANCE",
                    NeedSource.MEETING,
                    "科大社区居民和师生",
                    12_000,
                    NeedPriority.HIGH,
                    "校园探头老化、覆盖不全，周边盗窃和交通纠纷时有发生（重点事项会商）。"),
            new Need(
                    "110108010012",
                    "老旧校园小区智慧门禁",
                    "GOVERNANCE",
                    NeedSource.FORUM,
                    "农大东校区家属区住户",
                    3_200,
                    NeedPriority.MEDIUM,
                    "家属区出入口多、外来人员进出无登记，居民座谈会上提出。"),
            new Need(
                    "110108010013",
                    "老年人上下楼难",
                    "ASSISTANCE",
                    NeedSource.VISIT,
                    "多层住宅 60 岁以上老人",
                    420,
                    NeedPriority.HIGH,
                    "入户走访发现多栋六层住宅老人长期不能下楼，希望加装电梯。"),
            new Need(
                    "110108010013",
                    "老年餐桌",
                    "ASSISTANCE",
                    NeedSource.VISIT,
                    "独居和行动不便的老人",
                    180,
                    NeedPriority.HIGH,
                    "独居老人做饭难，希望就近有价格合适的午餐。"),
            new Need(
                    "110108010016",
                    "国际人才社区文化交流",
                    "CULTURE",
                    NeedSource.MEETING,
                    "辖区外籍师生和居民",
                    2_000,
                    NeedPriority.MEDIUM,
                    "外籍居民融入难，希望有共同参与的文化活动。"),
            new Need(
                    "110108010005",
                    "社区青少年课后托管",
                    "EDUCATION_HEALTH",
                    NeedSource.ONLINE,
                    "双职工家庭小学生",
                    150,
                    NeedPriority.MEDIUM,
                    "线上征集中家长集中反映放学后无人看管。"));

    private DemoNeeds() {}

    static void load(Needs needs, TerritoryQueries territory) {
        for (Need n : NEEDS) {
            needs.record(new NeedDetails(
                    n.title(),
                    n.description(),
                    n.category(),
                    n.source(),
                    RequesterKind.COMMUNITY,
                    territory.requireByCode(n.community()).id().value(),
                    null,
                    null,
                    n.beneficiaries(),
                    n.count(),
                    n.priority()));
        }
    }
}
