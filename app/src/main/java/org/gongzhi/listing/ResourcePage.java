package org.gongzhi.listing;

import java.util.List;

/** One page of resources, newest first, and how many match in all. */
public record ResourcePage(List<ResourceView> items, long total, int page, int size) {

    public ResourcePage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
