package org.gongzhi.shared;

import java.util.Set;

/** GB/T 2260 administrative division codes: the province-level prefixes that any region code starts with. */
public final class RegionCodes {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private RegionCodes() {}

    /** Whether the first two digits of {@code code} are a province, autonomous region, municipality or SAR. */
    public static boolean startsWithProvince(String code) {
        return code != null && code.length() >= 2 && PROVINCES.contains(code.substring(0, 2));
    }
}
