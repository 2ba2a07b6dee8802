package org.gongzhi.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of renminbi in 分 (1 元 = 100 分), never negative and at most {@link #MAX_FEN} (100 亿元): money is never a
 * floating-point number here. Typed amounts are read in 元 with at most two decimals ({@code 1500000}, {@code
 * 1,500,000.00}, {@code 150万}).
 *
 * @param fen the amount in 分, 0 to {@link #MAX_FEN}
 */
public record Money(long fen) implements Comparable<Money> {

    /** 100 亿元 in 分: more than any 街道 project; larger amounts are refused as typing mistakes. */
    public static final long MAX_FEN = 1_000_000_000_000L;

    public static final Money ZERO = new Money(0);

    public Money {
        if (fen < 0 || fen > MAX_FEN) {
            throw new IllegalArgumentException("fen out of range");
        }
    }

    /**
     * Checks an amount given in 分 (as the API takes it): required or not; {@code money.range} beside {@code field}
     * when negative or above {@link #MAX_FEN}. Returns the amount, or {@code null}.
     */
    public static Money checkFen(Long fen, String field, boolean required, Violations violations) {
        if (fen == null) {
            if (required) {
                violations.add(field, "validation.NotBlank", field);
            }
            return null;
        }
        if (fen < 0 || fen > MAX_FEN) {
            violations.add(field, "money.range", MAX_FEN / 100);
            return null;
        }
        return new Money(fen);
    }

    /**
     * Reads an amount typed in 元 (thousands separators, full-width digits and a trailing 元 or 万 allowed); {@code
     * money.format} beside {@code field} when it is not an amount with at most two decimals (in 元), {@code
     * money.range} when negative or too large; {@code null} when blank.
     */
    public static Money parseYuan(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .strip()
                .replace(",", "")
                .replace(" ", "");
        if (t.endsWith("元")) {
            t = t.substring(0, t.length() - 1);
        }
        int scale = 2;
        if (t.endsWith("万")) {
            t = t.substring(0, t.length() - 1);
            scale = 6;
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(t);
        } catch (NumberFormatException e) {
            violations.add(field, "money.format");
            return null;
        }
        BigDecimal fen = yuan.movePointRight(scale);
        if (fen.stripTrailingZeros().scale() > 0) {
            violations.add(field, "money.format");
            return null;
        }
        if (fen.signum() < 0 || fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            violations.add(field, "money.range", MAX_FEN / 100);
            return null;
        }
        return new Money(fen.longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    /** The amount in 元 with two decimals and thousands separators: {@code 1,500,000.00}. */
    public String yuan() {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(BigDecimal.valueOf(fen, 2));
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return yuan();
    }
}
