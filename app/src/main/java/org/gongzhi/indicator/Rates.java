package org.gongzhi.indicator;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The indicators of one slice of appeals — a unit, place or category and a period — as counts (written beside the
 * rates in JSON) and percentages
 * (0–100, two decimals, half up; null when the denominator is 0). Formulas, with worked examples, in
 * docs/indicators.md; sources: 《北京市接诉即办工作条例》 Art 32 (三率), GB/T 30428 (the rest).
 *
 * <ul>
 *   <li>{@code received}: appeals registered (受理) in the period, less the excluded kinds;
 *   <li>{@code responseRate} 响应率 = {@code respondedInTime} ÷ {@code dispatched};
 *   <li>{@code resolutionRate} 解决率 = {@code resolved} ÷ {@code followedUp} (回访 that reached the reporter);
 *   <li>{@code satisfactionRate} 满意率 = ({@code satisfied} + {@code basicallySatisfied} × weight) ÷ {@code followedUp};
 *   <li>{@code composite} = the three weighted by the settings (null unless all three exist), graded {@link Grade};
 *   <li>{@code closureRate} 结案率 = {@code closed} ÷ {@code dueForClosure}; {@code onTimeClosureRate} 按期结案率 =
 *       {@code closedOnTime} ÷ {@code dueForClosure};
 *   <li>{@code reworkRate} 返工率 = {@code reworked} ÷ {@code handled} (answered at least once);
 *   <li>{@code accurateDispatchRate} 准确派遣率 = {@code dispatchedOnce} ÷ {@code dispatched};
 *   <li>{@code extensionRate} 延期率 = {@code extended} ÷ {@code dispatched};
 *   <li>{@code suspended} 挂账数: of them, those 挂账 now.
 * </ul>
 */
public record Rates(
        @JsonUnwrapped Counts counts,
        BigDecimal responseRate,
        BigDecimal resolutionRate,
        BigDecimal satisfactionRate,
        BigDecimal composite,
        Grade grade,
        BigDecimal closureRate,
        BigDecimal onTimeClosureRate,
        BigDecimal reworkRate,
        BigDecimal accurateDispatchRate,
        BigDecimal extensionRate) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The counts of one slice, as the store adds them up. */
    public record Counts(
            long received,
            long dispatched,
            long respondedInTime,
            long followedUp,
            long resolved,
            long satisfied,
            long basicallySatisfied,
            long dueForClosure,
            long closed,
            long closedOnTime,
            long handled,
            long reworked,
            long dispatchedOnce,
            long extended,
            long suspended) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** The same counts with {@code more} appeals due for closure (open work orders past their deadline). */
        public Counts plusDue(long more) {
            return new Counts(
                    received,
                    dispatched,
                    respondedInTime,
                    followedUp,
                    resolved,
                    satisfied,
                    basicallySatisfied,
                    dueForClosure + more,
                    closed,
                    closedOnTime,
                    handled,
                    reworked,
                    dispatchedOnce,
                    extended,
                    suspended);
        }
    }

    /** The rates of {@code c} under {@code settings}. */
    public static Rates of(Counts c, IndicatorSettings settings) {
        BigDecimal response = exact(c.respondedInTime(), c.dispatched());
        BigDecimal resolution = exact(c.resolved(), c.followedUp());
        BigDecimal satisfaction = c.followedUp() == 0
                ? null
                : BigDecimal.valueOf(c.satisfied())
                        .add(BigDecimal.valueOf(c.basicallySatisfied()).multiply(settings.basicallySatisfiedWeight()))
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(c.followedUp()), 10, RoundingMode.HALF_UP);
        BigDecimal composite = response == null || resolution == null || satisfaction == null
                ? null
                : shown(response.multiply(BigDecimal.valueOf(settings.responseWeight()))
                        .add(resolution.multiply(BigDecimal.valueOf(settings.resolutionWeight())))
                        .add(satisfaction.multiply(BigDecimal.valueOf(settings.satisfactionWeight())))
                        .divide(HUNDRED, 10, RoundingMode.HALF_UP));
        return new Rates(
                c,
                shown(response),
                shown(resolution),
                shown(satisfaction),
                composite,
                Grade.of(composite),
                percent(c.closed(), c.dueForClosure()),
                percent(c.closedOnTime(), c.dueForClosure()),
                percent(c.reworked(), c.handled()),
                percent(c.dispatchedOnce(), c.dispatched()),
                percent(c.extended(), c.dispatched()));
    }

    /** {@code part} ÷ {@code whole} in percent, two decimals; null when {@code whole} is 0. */
    public static BigDecimal percent(long part, long whole) {
        return shown(exact(part, whole));
    }

    private static BigDecimal exact(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal shown(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** The grade of one rate (e.g. of 响应率 alone); null when it does not exist. */
    public static Grade gradeOf(BigDecimal rate) {
        return Grade.of(rate);
    }
}
