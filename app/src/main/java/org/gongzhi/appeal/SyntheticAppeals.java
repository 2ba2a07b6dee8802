package org.gongzhi.appeal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongzhi.appeal.domain.AppealStore;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.shared.DomainException;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitKind;
import org.gongzhi.territory.UnitView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes synthetic appeal history for demonstrations: appeals registered over a period in the communities of the
 * 街道 given, each taken through the real lifecycle (the same façade, the same rules, deadlines on the work calendar,
 * the dispatch directory) at instants spread over that period, as far as the time since registration allows — so
 * older appeals are mostly closed and recent ones still open, some late, some objected, extended, suspended or
 * reworked. Every appeal is flagged synthetic and kept anonymous — no name or number is stored, so none can be
 * somebody's, shown as their history or texted — and every step is signed by a
 * {@code synthetic-…} actor. The same seed gives the same history. Only the platform itself may run it (403 {@code
 * identity.forbidden} otherwise).
 */
@Service
public class SyntheticAppeals {

    /** The actors synthetic steps are signed with: the page shows them as demo data. */
    public static final String OPERATOR = "synthetic-operator";

    public static final String DISPATCHER = "synthetic-dispatcher";
    public static final String HANDLER = "synthetic-handler";

    /**
     * What to write: {@code count} appeals (0–100,000) in the communities of the 街道 {@code subdistrictCodes},
     * registered between {@code from} and {@code to} (no step is ever later than {@code to}), drawn with {@code seed}.
     */
    public record Plan(List<String> subdistrictCodes, Instant from, Instant to, int count, long seed) {}

    /** How many appeals were written, by the state they were left in. */
    public record Written(int count, Map<AppealState, Integer> byState) {}

    private final AppealManagement appeals;
    private final TerritoryQueries territory;
    private final AccessScopes scopes;
    private final AuditTrail audit;
    private final ObjectProvider<Routing> routing;
    private final AppealStore store;

    SyntheticAppeals(
            AppealManagement appeals,
            TerritoryQueries territory,
            AccessScopes scopes,
            AuditTrail audit,
            ObjectProvider<Routing> routing,
            AppealStore store) {
        this.appeals = appeals;
        this.routing = routing;
        this.store = store;
        this.territory = territory;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** A matter residents raise: its category, type and ways of putting it, and how it is usually answered. */
    private record Matter(String category, AppealType type, List<String> says, String answer) {}

    private static final List<Matter> MATTERS = List.of(
            new Matter(
                    "E0504",
                    AppealType.COMPLAINT,
                    List.of("小区门口机动车长期乱停放，堵塞消防通道。", "楼下路口每天晚上车辆双排停放，救护车进不来。"),
                    "已联系交通部门贴单劝离，并在路口施划禁停标线。"),
            new Matter(
                    "E0601",
                    AppealType.COMPLAINT,
                    List.of("楼下商户夜间音响声音很大，影响休息。", "广场舞音响太响，晚上九点后仍未停止。"),
                    "已约谈商户并调整音响时间，夜间巡查未再发现扰民。"),
            new Matter(
                    "E0102",
                    AppealType.COMPLAINT,
                    List.of("小区垃圾桶满溢两天无人清运，气味很大。", "路边堆放的生活垃圾长时间没有清理。"),
                    "已协调环卫部门清运，并增加清运频次。"),
            new Matter(
                    "E0602",
                    AppealType.COMPLAINT,
                    List.of("有住户遛狗不牵绳，吓到老人孩子。", "楼道里有狗粪便，主人不清理。"),
                    "已入户劝导文明养犬，楼内张贴宣传提示。"),
            new Matter("C0112", AppealType.HELP, List.of("小区内路灯不亮，夜间出行不便。", "胡同里的路灯坏了一周多了。"), "已通知路灯管理单位更换灯具，现已恢复照明。"),
            new Matter("C0101", AppealType.HELP, List.of("路口的井盖松动，车辆经过响声很大。", "人行道上井盖缺失，存在安全隐患。"), "已设置警示并更换井盖。"),
            new Matter(
                    "L0104",
                    AppealType.COMPLAINT,
                    List.of("物业公司不按合同保洁，楼道多日无人打扫。", "物业收费后不维修单元门禁。"),
                    "已约谈物业公司，门禁已修复，保洁恢复正常。"),
            new Matter(
                    "L0107", AppealType.HELP, List.of("单元电梯停运两天，家里有老人上下楼困难。", "电梯经常困人，希望尽快检修。"), "已督促维保单位检修，电梯恢复运行。"),
            new Matter(
                    "L0108", AppealType.COMPLAINT, List.of("楼道里堆满杂物，影响通行和消防安全。", "邻居在楼道堆放纸箱，多次沟通无果。"), "已会同物业清理楼道堆物。"),
            new Matter(
                    "L0102",
                    AppealType.SUGGESTION,
                    List.of("我们楼想加装电梯，请问需要什么手续？", "希望社区推动老楼加装电梯。"),
                    "已介绍加装电梯的申请流程，社区将组织业主协商。"),
            new Matter(
                    "L0201",
                    AppealType.CONSULTATION,
                    List.of("今年什么时候开始供暖？", "暖气几号来？家里很冷。"),
                    "本市供暖季为每年11月15日至次年3月15日，可视天气提前或延后。"),
            new Matter(
                    "L0206",
                    AppealType.CONSULTATION,
                    List.of("开居住证明需要带什么材料？", "户籍证明在哪里办理？"),
                    "携带身份证、户口簿到社区服务站办理，当场出具。"));

    private enum Fate {
        ANSWER_AT_INTAKE,
        LEGAL_ROUTE,
        VOID,
        REPEAT,
        SELF_HANDLED,
        DISPATCH
    }

    /** Whether any synthetic appeal has been written. */
    public boolean any() {
        return store.anySynthetic();
    }

    /**
     * Writes the plan's appeals in one transaction: all of them or none; see the class comment. 400
     * {@code appeal.synthetic.plan-invalid} for a count outside 0–100,000 or an empty period.
     */
    @Transactional
    public Written write(Plan plan) {
        AccessScope scope = scopes.current();
        if (!scope.roles().contains(AccessScope.PLATFORM_ROLE)) {
            throw DomainException.forbidden("identity.forbidden");
        }
        if (plan.count() < 0 || plan.count() > 100_000 || !plan.from().isBefore(plan.to())) {
            throw DomainException.invalid("appeal.synthetic.plan-invalid");
        }
        Map<String, List<UnitView>> communities = new HashMap<>();
        for (String code : plan.subdistrictCodes()) {
            // Communities may sit in a 街区 between them and the 街道.
            List<UnitView> here = territory.units(territory.subtree(code)).values().stream()
                    .filter(u -> u.kind() == UnitKind.COMMUNITY)
                    .sorted(java.util.Comparator.comparing(UnitView::code))
                    .toList();
            if (!here.isEmpty()) {
                communities.put(code, here);
            }
        }
        if (communities.isEmpty()) {
            return new Written(0, Map.of());
        }
        List<String> subdistricts = plan.subdistrictCodes().stream()
                .filter(communities::containsKey)
                .toList();
        Random random = new Random(plan.seed());
        // Registration times in order, so a repeat always comes after what it repeats.
        List<Instant> times = new ArrayList<>();
        long span = Duration.between(plan.from(), plan.to()).toSeconds();
        for (int i = 0; i < plan.count(); i++) {
            Instant drawn = plan.from().plusSeconds((long) (random.nextDouble() * span));
            Instant moved = daytime(drawn, random);
            // Moved into office hours, a time may leave the period at either end (a draw late on the first evening
            // moves back before `from`): then the drawn time stays.
            times.add(moved.isAfter(plan.to()) || moved.isBefore(plan.from()) ? drawn : moved);
        }
        times.sort(null);
        Map<Integer, Shown> shown = shown(subdistricts, times.size(), random);
        Map<String, AppealId> open = new HashMap<>();
        Map<AppealState, Integer> byState = new EnumMap<>(AppealState.class);
        int written = 0;
        for (Instant at : times) {
            String subdistrict = subdistricts.get(random.nextInt(subdistricts.size()));
            Shown target = shown.get(written);
            if (target != null) {
                subdistrict = target.subdistrict();
            }
            List<UnitView> here = communities.get(subdistrict);
            UnitView community = here.get(random.nextInt(here.size()));
            Matter matter = MATTERS.get(random.nextInt(MATTERS.size()));
            if (target != null && target.state().compareTo(AppealState.DISPATCHED) >= 0) {
                matter = routable(community, random.nextInt(MATTERS.size()));
            }
            AppealView last = new Story(random, plan.to(), open, target == null ? null : target.state())
                    .tell(at, community, matter, written);
            byState.merge(last.state(), 1, Integer::sum);
            written++;
        }
        audit.record(AuditRecord.created(
                "appeal.synthetic.written",
                "appeal",
                "synthetic",
                Map.of(
                        "count",
                        written,
                        "from",
                        plan.from().toString(),
                        "to",
                        plan.to().toString())));
        return new Written(written, byState);
    }

    /** An appeal whose course stops in {@code state}, in {@code subdistrict}: every state shows in the demo. */
    private record Shown(String subdistrict, AppealState state) {}

    /**
     * Which appeals (by position in time) are taken to each state and left there, for every 街道 of the plan, so a
     * demonstration month shows each state in each 街道 whatever the hour it was written at: the states at the end of
     * the course among the older appeals (they need the days an answer takes), the ones on the way among the recent
     * ones. Only when the plan has room: at least three appeals for each one steered.
     */
    private static Map<Integer, Shown> shown(List<String> subdistricts, int count, Random random) {
        Map<Integer, Shown> shown = new HashMap<>();
        List<AppealState> states = List.of(AppealState.values());
        if (count < 3 * states.size() * subdistricts.size()) {
            return shown;
        }
        for (String subdistrict : subdistricts) {
            for (AppealState state : states) {
                boolean finished = state.compareTo(AppealState.ANSWERED) >= 0;
                int from = finished ? 0 : count * 6 / 10;
                int to = finished ? count * 4 / 10 : count * 9 / 10;
                int position;
                do {
                    position = from + random.nextInt(to - from);
                } while (shown.containsKey(position));
                shown.put(position, new Shown(subdistrict, state));
            }
        }
        return shown;
    }

    /** The first matter from {@code start} on that the directory sends somewhere from {@code community}. */
    private Matter routable(UnitView community, int start) {
        Routing directory = routing.getIfAvailable();
        for (int i = 0; i < MATTERS.size(); i++) {
            Matter matter = MATTERS.get((start + i) % MATTERS.size());
            if (directory != null
                    && !directory
                            .route(matter.category(), community.id().value())
                            .isEmpty()) {
                return matter;
            }
        }
        return MATTERS.get(start);
    }

    /** An instant moved into the day (07:00–21:59 in Beijing), when people call. */
    private static Instant daytime(Instant at, Random random) {
        ZonedDateTime local = at.atZone(ZoneId.of("Asia/Shanghai"));
        int hour = local.getHour();
        if (hour < 7 || hour > 21) {
            local = local.withHour(7 + random.nextInt(15)).withMinute(random.nextInt(60));
        }
        return local.toInstant();
    }

    /** One appeal's course, step by step, each later than the last and none after {@code end}. */
    private final class Story {

        private final Random random;
        private final Instant end;
        private final Map<String, AppealId> open;
        /** The state this course is to stop in (see {@link #shown}), or null for chance to decide. */
        private final AppealState target;

        private Instant at;
        private AppealView appeal;
        /** Steps left before the story pauses: a third of appeals wait on someone, at any stage. */
        private int remaining;

        Story(Random random, Instant end, Map<String, AppealId> open, AppealState target) {
            this.random = random;
            this.end = end;
            this.open = open;
            this.target = target;
        }

        AppealView tell(Instant registeredAt, UnitView community, Matter matter, int n) {
            at = registeredAt;
            remaining = random.nextInt(3) == 0 && target == null ? random.nextInt(10) : Integer.MAX_VALUE;
            Channel channel = channel(matter);
            Fate fate = fate(matter, channel);
            String says = matter.says().get(random.nextInt(matter.says().size()));
            boolean selfHandled = fate == Fate.SELF_HANDLED;
            RegisterAppeal command = new RegisterAppeal(
                    channel,
                    matter.type(),
                    matter.category(),
                    Urgency.ORDINARY,
                    community.name() + "：" + says,
                    null,
                    null,
                    null,
                    community.code(),
                    null,
                    channel == Channel.PATROL ? null : "示例居民",
                    channel == Channel.PATROL ? null : phone(n),
                    false,
                    channel == Channel.HOTLINE ? "SYN" + registeredAt.getEpochSecond() + "-" + n : null,
                    selfHandled ? "现场已处置：" + matter.answer() : null);
            appeal = as(
                    OPERATOR,
                    "STREET_ADMIN",
                    () -> appeals.register(command, true).appeal());
            String key = community.code() + "/" + matter.category();
            switch (fate) {
                case SELF_HANDLED -> {
                    if (next(Duration.ofHours(4), Duration.ofDays(1))) {
                        as(DISPATCHER, () -> appeals.reviewSelfHandling(id(), version(), true, "复核属实"));
                    }
                    return appeal;
                }
                case ANSWER_AT_INTAKE -> {
                    if (next(Duration.ofMinutes(2), Duration.ofMinutes(10))) {
                        as(OPERATOR, () -> appeals.answerAtIntake(id(), version(), matter.answer()));
                    }
                    return appeal;
                }
                case LEGAL_ROUTE -> {
                    if (next(Duration.ofMinutes(2), Duration.ofMinutes(10))) {
                        as(
                                OPERATOR,
                                () -> appeals.referToLegalRoute(id(), version(), "该事项属民事纠纷，可向人民调解委员会申请调解，或依法向人民法院起诉。"));
                    }
                    return appeal;
                }
                case VOID -> {
                    if (next(Duration.ofMinutes(10), Duration.ofHours(2))) {
                        as(DISPATCHER, () -> appeals.invalidate(id(), version(), "诉求人表示问题已自行解决，撤回诉求"));
                    }
                    return appeal;
                }
                case REPEAT -> {
                    AppealId original = open.get(key);
                    if (original != null && next(Duration.ofMinutes(5), Duration.ofMinutes(30))) {
                        as(DISPATCHER, () -> appeals.linkAsRepeat(id(), version(), original, "同一问题已有人反映"));
                        return appeal;
                    }
                }
                case DISPATCH -> {}
            }
            if (!next(Duration.ofMinutes(5), Duration.ofHours(1))) {
                return appeal;
            }
            as(DISPATCHER, () -> appeals.accept(id(), version(), matter.category(), Urgency.ORDINARY));
            if (!next(Duration.ofMinutes(5), Duration.ofMinutes(40))) {
                return appeal;
            }
            Routing directory = routing.getIfAvailable();
            if (directory == null
                    || directory
                            .route(matter.category(), community.id().value())
                            .isEmpty()) {
                // No rule for it here: it waits in the coordination queue, as a real one would.
                return appeal;
            }
            as(DISPATCHER, () -> appeals.dispatch(id(), version(), null, List.of()));
            open.put(key, id());
            if (random.nextInt(100) < 10 || target == AppealState.OBJECTED) {
                if (!next(Duration.ofMinutes(20), Duration.ofHours(2))) {
                    return appeal;
                }
                as(HANDLER, () -> appeals.object(id(), version(), "该事项不属本单位职责，请改派"));
                if (!next(Duration.ofMinutes(30), Duration.ofHours(4))) {
                    return appeal;
                }
                as(DISPATCHER, () -> appeals.redispatch(id(), version(), null, List.of(), "经核实仍由原单位主办"));
            }
            // One in ten units is slow: it answers after the deadline.
            boolean late = random.nextInt(100) < 10;
            if (!next(Duration.ofMinutes(10), late ? Duration.ofHours(6) : Duration.ofHours(1))) {
                return appeal;
            }
            as(HANDLER, () -> appeals.sign(id(), version()));
            if (!next(Duration.ofMinutes(10), Duration.ofHours(1))) {
                return appeal;
            }
            as(HANDLER, () -> appeals.respond(id(), version(), "已电话联系诉求人，了解情况"));
            int roll = random.nextInt(100);
            if (target != null) {
                roll = target == AppealState.SUSPENDED ? 0 : Math.max(roll, 6);
            }
            if (roll < 6) {
                if (!next(Duration.ofHours(4), Duration.ofDays(2))) {
                    return appeal;
                }
                as(HANDLER, () -> appeals.suspend(id(), version(), "涉及产权历史遗留问题，需区级层面统筹解决"));
                return appeal;
            }
            if (roll < 16) {
                if (!next(Duration.ofHours(4), Duration.ofDays(2))) {
                    return appeal;
                }
                as(HANDLER, () -> appeals.requestExtension(id(), version(), "5wd", "需协调多个部门联合处置"));
                if (!next(Duration.ofHours(2), Duration.ofDays(1))) {
                    return appeal;
                }
                as(DISPATCHER, () -> appeals.decideExtension(id(), version(), true, "同意延期"));
            }
            Instant due = appeal.resolutionDue();
            Duration toDue = due == null ? Duration.ofDays(3) : Duration.between(at, due);
            Duration work = late
                    ? toDue.plus(Duration.ofHours(2 + random.nextInt(48)))
                    : Duration.ofMinutes((long) (Math.max(60, toDue.toMinutes()) * (0.2 + random.nextDouble() * 0.7)));
            if (target == AppealState.ANSWERED) {
                // Left waiting for its 回访, which must still be open when the history ends: answered in its last day.
                Duration left = Duration.between(at, end).minusHours(1 + random.nextInt(20));
                work = left.isNegative() ? work : left;
            }
            if (!after(work)) {
                return appeal;
            }
            as(HANDLER, () -> appeals.answer(id(), version(), matter.answer()));
            open.remove(key);
            if (!next(Duration.ofHours(2), Duration.ofDays(2))) {
                return appeal;
            }
            boolean resolved = random.nextInt(100) < 85 || target != null;
            Satisfaction rating = resolved
                    ? (random.nextInt(100) < 80 ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED)
                    : Satisfaction.DISSATISFIED;
            as(
                    DISPATCHER,
                    () -> appeals.followUp(
                            id(), version(), true, resolved, rating, resolved ? "诉求人表示问题已解决" : "诉求人表示问题仍未解决"));
            if (!next(Duration.ofHours(1), Duration.ofDays(1))) {
                return appeal;
            }
            if (resolved && (random.nextInt(100) < 20 || target == AppealState.VERIFIED)) {
                // Some are checked on site before they are closed (核查).
                as(HANDLER, () -> appeals.verify(id(), version(), true, "现场核查，问题已整改到位"));
                if (!next(Duration.ofHours(1), Duration.ofDays(1))) {
                    return appeal;
                }
            }
            if (resolved) {
                as(DISPATCHER, () -> appeals.close(id(), version(), null));
            } else {
                as(DISPATCHER, () -> appeals.rework(id(), version(), "回访未解决，退回承办单位重新办理"));
            }
            return appeal;
        }

        private Channel channel(Matter matter) {
            int roll = random.nextInt(100);
            if (target == AppealState.SELF_HANDLED) {
                return Channel.PATROL;
            }
            if (matter.type() == AppealType.CONSULTATION) {
                return roll < 85 ? Channel.HOTLINE : Channel.WALK_IN;
            }
            return roll < 60
                    ? Channel.HOTLINE
                    : roll < 72
                            ? Channel.PATROL
                            : roll < 84 ? Channel.WALK_IN : roll < 92 ? Channel.MEETING : Channel.EVENT;
        }

        private Fate fate(Matter matter, Channel channel) {
            int roll = random.nextInt(100);
            if (target != null) {
                return target == AppealState.SELF_HANDLED
                        ? Fate.SELF_HANDLED
                        : target == AppealState.VOIDED ? Fate.VOID : Fate.DISPATCH;
            }
            if (matter.type() == AppealType.CONSULTATION) {
                return roll < 80 ? Fate.ANSWER_AT_INTAKE : Fate.DISPATCH;
            }
            if (channel == Channel.PATROL) {
                return roll < 40 ? Fate.SELF_HANDLED : Fate.DISPATCH;
            }
            return roll < 4 ? Fate.VOID : roll < 7 ? Fate.LEGAL_ROUTE : roll < 15 ? Fate.REPEAT : Fate.DISPATCH;
        }

        /** Moves on by a random time between {@code least} and {@code most}; false when that passes the end. */
        private boolean next(Duration least, Duration most) {
            long extra = least.toSeconds() + (long) (random.nextDouble() * (most.toSeconds() - least.toSeconds()));
            return after(Duration.ofSeconds(extra));
        }

        private boolean after(Duration d) {
            Instant then = at.plus(d.isNegative() ? Duration.ofMinutes(1) : d);
            if (then.isAfter(end) || remaining-- <= 0 || (appeal != null && appeal.state() == target)) {
                return false;
            }
            at = then;
            return true;
        }

        private AppealId id() {
            return appeal.id();
        }

        private long version() {
            return appeal.version();
        }

        private void as(String who, java.util.function.Supplier<AppealView> step) {
            appeal = as(who, who.equals(HANDLER) ? "DEPARTMENT_STAFF" : "STREET_ADMIN", step);
        }

        private AppealView as(String who, String role, java.util.function.Supplier<AppealView> step) {
            return appeals.replaying(at, new Actor(who, role, "*", null), step);
        }
    }

    /** A number to pass the hotline's form check with; synthetic appeals do not keep it (see the class comment). */
    private static String phone(int n) {
        return String.format("1390000%04d", n % 10_000);
    }
}
