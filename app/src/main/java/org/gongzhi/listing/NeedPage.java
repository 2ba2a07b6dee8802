package org.gongzhi.listing;

import java.util.List;

/** One page of needs, most urgent and newest first, and how many match in all. */
public record NeedPage(List<NeedView> items, long total, int page, int size) {

    public NeedPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
