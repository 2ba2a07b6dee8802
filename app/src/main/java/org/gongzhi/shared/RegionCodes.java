package org.gongzhi.shared;

import java.util.Set;

/** GB/T 2260 administrative division codes: the province-level prefixes that any region code starts with. */
public final class RegionCodes {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private RegionCodes() {}

    /** The four municipalities directly under the central government: only 01 and 02 follow at the city level. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    /**
     * Whether a 6-digit code can be a GB/T 2260 division: {@code 100000} (central organs, as credit codes use it), or
     * a province prefix followed by a city level of 00 (the province itself), 01–70 or 90 (county-level divisions
     * directly under the province) — for a municipality only 01 or 02 — and a county level that is 00 when the city
     * level is. Without the full table this refuses only the impossible, not every unused code.
     */
    public static boolean plausible(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (code.equals("100000")) {
            return true;
        }
        if (!startsWithProvince(code)) {
            return false;
        }
        int city = Integer.parseInt(code.substring(2, 4));
        int county = Integer.parseInt(code.substring(4, 6));
        if (city == 0) {
            return county == 0;
        }
        if (MUNICIPALITIES.contains(code.substring(0, 2))) {
            return city <= 2;
        }
        return city <= 70 || city == 90;
    }

    /** Whether the first two digits of {@code code} are a province, autonomous region, municipality or SAR. */
    public static boolean startsWithProvince(String code) {
        return code != null && code.length() >= 2 && PROVINCES.contains(code.substring(0, 2));
    }
}
