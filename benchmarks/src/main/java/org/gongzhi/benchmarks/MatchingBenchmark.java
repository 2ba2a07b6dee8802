package org.gongzhi.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gongzhi.listing.NeedPriority;
import org.gongzhi.listing.ResourceKind;
import org.gongzhi.listing.ServiceCategory;
import org.gongzhi.listing.domain.MatchDocs;
import org.gongzhi.listing.domain.MatchIndex;
import org.gongzhi.listing.domain.MatchStore;
import org.gongzhi.listing.domain.MatchText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching (issue 10, ADR 0030) at the scale the issue sets: 100,000 resources and 20,000 open needs, synthetic but in
 * the words of the lists (names from forty kinds of thing of thirty providers, descriptions of two or three phrases,
 * points across 学院路's 8 km²). {@code needToResources} is the whole of a need's request after its rows are read:
 * segmenting the need's title and description, then the top ten of 100,000 resources; {@code resourceToNeeds} the
 * reverse over the 20,000 needs. Sample-time mode reports the percentiles (p0.95 is the figure the issue bounds at
 * 20 ms). Building the two indexes is done once, in the set-up, and timed there (printed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
@Threads(1)
public class MatchingBenchmark {

    static final int RESOURCES = 100_000;
    static final int NEEDS = 20_000;

    static final String[] PROVIDERS = {
        "北京科技大学",
        "中国农业大学",
        "北京语言大学",
        "中国矿业大学",
        "中国石油大学",
        "北京林业大学",
        "北京航空航天大学",
        "学院路街道",
        "二里庄社区",
        "石油大院社区",
        "健翔园社区",
        "逸成东苑社区",
        "北医三院",
        "社区卫生服务中心",
        "育英学校",
        "八一学校",
        "东升科技园",
        "768创意园",
        "物美超市",
        "工商银行",
        "学院路派出所",
        "志愿者协会",
        "红十字会",
        "律师事务所",
        "图书馆",
        "文化馆",
        "体育中心",
        "养老驿站",
        "幼儿园",
        "科技馆"
    };
    static final String[] THINGS = {
        "报告厅", "多功能厅", "篮球场", "羽毛球馆", "游泳馆", "教工食堂", "老年餐桌", "图书馆阅览室", "自习室", "心理咨询团队", "法律援助站", "义诊医疗队", "少儿编程课程",
        "智能手机课堂", "监控探头", "智慧门禁系统", "电动车充电桩", "错时停车场", "青年志愿服务队", "社区花园", "文艺排练厅", "合唱团", "科普实验室", "机器人社团", "就业指导课程",
        "创业孵化空间", "小会议室", "党群活动室", "课后托管班", "暑期夏令营", "康复训练室", "健身房", "垃圾分类宣讲团", "绿化养护队", "规划设计团队", "国际交流志愿者", "翻译服务",
        "书法课程", "舞蹈室", "乒乓球室"
    };
    static final String[] PHRASES = {
        "周末向社区居民开放",
        "须提前三天预约",
        "可容纳一百人",
        "配投影和音响",
        "面向辖区老人",
        "学生志愿者负责组织",
        "公益活动免费使用",
        "适合开展讲座和培训",
        "可承办文艺演出",
        "提供午餐和送餐服务",
        "专业医生定期坐诊",
        "律师每周值班解答",
        "教孩子动手做实验",
        "帮助老人学会扫码和视频通话",
        "晚上七点以后也能使用",
        "有无障碍通道",
        "场地需自行清扫",
        "可借用桌椅和音响设备",
        "与社区共建多年",
        "面向青少年开设",
        "提供就业岗位信息",
        "带领居民种植花草",
        "协助开展垃圾分类宣传",
        "为老旧小区改造出方案",
        "组织国际文化交流活动"
    };
    static final String[] NEED_TITLES = {
        "独居老人中午吃饭难", "孩子放学没人管", "居民议事会缺场地", "老人不会用智能手机", "小区停车难", "楼道堆物清不掉", "想办一场文艺汇演",
        "青少年想学编程", "居民想种社区花园", "老楼想加装电梯", "物业纠纷需要法律咨询", "慢病老人需要义诊", "待业青年找工作难", "外籍居民融入难",
        "社区缺少健身场地", "心理压力大没人倾诉", "垃圾分类宣传没人手", "电动车充电不安全", "小区出入口没有门禁", "暑假孩子没处去"
    };
    static final String[] NEED_PHRASES = {
        "二里庄不少老人腿脚不便", "居民在座谈会上反复提到", "希望附近单位能帮一把", "周末和晚上最需要", "大约有三十多人", "之前找过几家都没谈成",
        "社区工作者走访时发现", "家长们很着急", "希望能长期合作", "经费可以街道和单位共同承担", "老旧小区里问题最突出", "年轻人也愿意来帮忙"
    };

    private MatchIndex resources;
    private MatchIndex needs;
    private String[][] needTexts;
    private MatchIndex.Query[] resourceQueries;
    private int next;

    @Setup
    public void build() {
        Random random = new Random(20261201L);
        UUID[] providers = new UUID[PROVIDERS.length];
        for (int i = 0; i < providers.length; i++) {
            providers[i] = UUID.nameUUIDFromBytes(PROVIDERS[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        List<MatchIndex.Doc> docs = new ArrayList<>(RESOURCES);
        List<MatchIndex.Query> reverse = new ArrayList<>();
        ResourceKind[] kinds = ResourceKind.values();
        ServiceCategory[] services = ServiceCategory.values();
        for (int i = 0; i < RESOURCES; i++) {
            int p = random.nextInt(PROVIDERS.length);
            String name = PROVIDERS[p] + THINGS[random.nextInt(THINGS.length)];
            String description = phrases(random, PHRASES, 2 + random.nextInt(2));
            Set<ServiceCategory> offered = EnumSet.noneOf(ServiceCategory.class);
            if (random.nextInt(3) == 0) {
                offered.add(services[random.nextInt(services.length)]);
            }
            MatchStore.Resource r = new MatchStore.Resource(
                    new UUID(0, i),
                    providers[p],
                    name,
                    description,
                    null,
                    kinds[random.nextInt(kinds.length)],
                    offered,
                    39.975 + random.nextDouble() * 0.035,
                    116.330 + random.nextDouble() * 0.045,
                    random.nextBoolean() ? "1-5 08:00-21:00; 6,7 09:00-17:00" : "",
                    random.nextBoolean());
            MatchIndex.Doc doc = MatchDocs.resource(r);
            docs.add(doc);
            if (reverse.size() < 1_000) {
                reverse.add(new MatchIndex.Query(
                        MatchText.terms(name, description, offered),
                        null,
                        r.kind(),
                        doc.services(),
                        r.latitude(),
                        r.longitude(),
                        Set.of()));
            }
        }
        resources = new MatchIndex(docs);
        long resourcesBuilt = System.nanoTime();
        String[] categories = {"GOVERNANCE", "ENVIRONMENT", "EDUCATION_HEALTH", "INDUSTRY", "ASSISTANCE", "CULTURE"};
        List<MatchIndex.Doc> needDocs = new ArrayList<>(NEEDS);
        needTexts = new String[NEEDS][];
        for (int i = 0; i < NEEDS; i++) {
            String title = NEED_TITLES[random.nextInt(NEED_TITLES.length)];
            String description = phrases(random, NEED_PHRASES, 2 + random.nextInt(2));
            String category = categories[random.nextInt(categories.length)];
            double lat = 39.975 + random.nextDouble() * 0.035;
            double lng = 116.330 + random.nextDouble() * 0.045;
            needTexts[i] = new String[] {title, description, category, String.valueOf(lat), String.valueOf(lng)};
            needDocs.add(MatchDocs.need(
                    new MatchStore.Need(
                            new UUID(1, i), title, description, category, new UUID(2, i % 300), NeedPriority.MEDIUM),
                    new double[] {lat, lng}));
        }
        needs = new MatchIndex(needDocs);
        resourceQueries = reverse.toArray(MatchIndex.Query[]::new);
        System.out.printf(
                "%nindexes built: %,d resources in %.1f s, %,d needs in %.1f s%n",
                resources.size(),
                (resourcesBuilt - started) / 1e9,
                needs.size(),
                (System.nanoTime() - resourcesBuilt) / 1e9);
    }

    private static String phrases(Random random, String[] from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(from[random.nextInt(from.length)]).append('，');
        }
        s.setCharAt(s.length() - 1, '。');
        return s.toString();
    }

    /** A need's matches: segment its text, rank 100,000 resources, keep ten with their reasons. */
    @Benchmark
    public List<MatchIndex.Scored> needToResources() {
        String[] n = needTexts[next++ % needTexts.length];
        MatchIndex.Query q = MatchIndex.forNeed(
                n[0], n[1], n[2], Double.parseDouble(n[3]), Double.parseDouble(n[4]), Set.of(), Set.of());
        return resources.top(q, 10);
    }

    /** A resource's matches: rank 20,000 open needs, keep ten. */
    @Benchmark
    public List<MatchIndex.Scored> resourceToNeeds() {
        return needs.top(resourceQueries[next++ % resourceQueries.length], 10);
    }
}
