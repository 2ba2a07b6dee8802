package org.gongzhi.territory.domain;

import java.util.regex.Pattern;
import org.gongzhi.shared.RegionCodes;
import org.gongzhi.shared.Violation;
import org.gongzhi.territory.UnitKind;

/**
 * The code of each level. 区: GB/T 2260, 6 digits. 街道: the district + 3 digits (001–099 街道, 100–199 镇). 社区: the
 * 街道 + 3 digits (001–399, as in the 12-digit 统计用区划代码). 网格: the 社区 + 3 digits, giving Beijing's 15-digit unit-grid
 * code. Below and beside the national codes this platform extends the same scheme: 小区/院落 and 楼栋 add 3 digits each;
 * 街区 is the 街道 code + {@code B} + 2 digits, 街巷 + {@code S} + 3 digits, zones + {@code Z} + 2 digits.
 */
public final class TerritoryCodes {

    private static final Pattern STREET = Pattern.compile("\\d{9}S\\d{3}");
    private static final Pattern ZONE = Pattern.compile("\\d{9}Z\\d{2}");
    private static final Pattern BLOCK = Pattern.compile("\\d{9}B\\d{2}");

    private TerritoryCodes() {}

    /**
     * What is wrong with a unit's code, or {@code null}. {@code parentCode} is the parent's code, {@code null} for a
     * district.
     */
    public static Violation problem(String location, UnitKind kind, String code, String parentCode) {
        if (code == null || code.isBlank()) {
            return Violation.of(location, "territory.code.missing");
        }
        return switch (kind) {
            case DISTRICT -> district(location, code);
            case SUBDISTRICT -> numeric(location, code, 9, parentCode, 1, 199);
            case BLOCK -> {
                if (!BLOCK.matcher(code).matches() || code.endsWith("00")) {
                    yield Violation.of(location, "territory.code.format", code, kind, "<街道9位>B01–B99");
                }
                yield prefix(location, code, parentCode, 9);
            }
            case COMMUNITY ->
                numeric(location, code, 12, parentCode == null ? null : parentCode.substring(0, 9), 1, 399);
            case GRID -> numeric(location, code, 15, parentCode, 1, 999);
            case COMPOUND -> numeric(location, code, 18, parentCode, 1, 999);
            case BUILDING -> numeric(location, code, 21, parentCode, 1, 999);
        };
    }

    /** What is wrong with a street's code ({@code <街道>S001}), or {@code null}. */
    public static Violation streetProblem(String location, String code, String subdistrictCode) {
        if (code == null || !STREET.matcher(code).matches() || code.endsWith("000")) {
            return Violation.of(location, "territory.code.format", code, "STREET", "<街道9位>S001–S999");
        }
        return prefix(location, code, subdistrictCode, 9);
    }

    /** What is wrong with a zone's code ({@code <街道>Z01}), or {@code null}. */
    public static Violation zoneProblem(String location, String code, String subdistrictCode) {
        if (code == null || !ZONE.matcher(code).matches() || code.endsWith("00")) {
            return Violation.of(location, "territory.code.format", code, "ZONE", "<街道9位>Z01–Z99");
        }
        return prefix(location, code, subdistrictCode, 9);
    }

    private static Violation district(String location, String code) {
        if (!code.matches("\\d{6}")) {
            return Violation.of(location, "territory.code.format", code, UnitKind.DISTRICT, "6位 GB/T 2260");
        }
        if (!RegionCodes.startsWithProvince(code)
                || code.substring(2, 4).equals("00")
                || code.substring(4, 6).equals("00")) {
            return Violation.of(location, "territory.code.district", code);
        }
        return null;
    }

    private static Violation numeric(String location, String code, int length, String parentPrefix, int min, int max) {
        if (!code.matches("\\d{" + length + "}")) {
            return Violation.of(location, "territory.code.length", code, length);
        }
        int own = Integer.parseInt(code.substring(length - 3));
        if (own < min || own > max) {
            return Violation.of(
                    location, "territory.code.range", code, String.format("%03d", min), String.format("%03d", max));
        }
        return prefix(location, code, parentPrefix, length - 3);
    }

    private static Violation prefix(String location, String code, String parentPrefix, int length) {
        if (parentPrefix == null
                || parentPrefix.length() < length
                || !code.startsWith(parentPrefix.substring(0, length))) {
            return Violation.of(location, "territory.code.prefix", code, parentPrefix == null ? "" : parentPrefix);
        }
        return null;
    }
}
