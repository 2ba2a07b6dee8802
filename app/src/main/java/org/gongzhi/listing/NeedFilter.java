package org.gongzhi.listing;

/** Which needs to list: any may be {@code null}; {@code q} matches title, description and beneficiaries. */
public record NeedFilter(String categoryCode, NeedStatus status, NeedSource source, NeedPriority priority, String q) {

    public static NeedFilter all() {
        return new NeedFilter(null, null, null, null, null);
    }
}
