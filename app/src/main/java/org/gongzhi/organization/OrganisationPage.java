package org.gongzhi.organization;

import java.util.List;

/** One page of a listing, with the total count matching the filter. */
public record OrganisationPage(List<OrganisationView> items, long total, int page, int size) {

    /** A short list that is all there is (a picker's choices) as one page. */
    public static OrganisationPage whole(List<OrganisationView> items) {
        return new OrganisationPage(items, items.size(), 1, Math.max(1, items.size()));
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
