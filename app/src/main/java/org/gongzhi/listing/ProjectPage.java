package org.gongzhi.listing;

import java.util.List;

/** One page of projects, newest first, and how many match in all ({@code page} 1-based, {@code size} 1–200). */
public record ProjectPage(List<ProjectView> items, long total, int page, int size) {

    public ProjectPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
