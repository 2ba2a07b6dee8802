package org.gongzhi.organization;

import java.util.List;

/** One page of a listing, with the total count matching the filter. */
public record OrganisationPage(List<OrganisationView> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
