package org.gongzhi.shared;

/**
 * One page of a long list: its number (from 1), its size and the offset of its first row. Out-of-range requests are
 * brought into range rather than refused — a page below 1 is page 1, a size outside 1..{@code maxSize} is clamped —
 * and the offset is a {@code long}, so a page number near {@link Integer#MAX_VALUE} is simply an empty page.
 */
public record PageWindow(int number, int size, long offset) {

    public static PageWindow of(int page, int size, int maxSize) {
        int pageSize = Math.max(1, Math.min(size, maxSize));
        int pageNumber = Math.max(1, page);
        return new PageWindow(pageNumber, pageSize, (pageNumber - 1L) * pageSize);
    }
}
