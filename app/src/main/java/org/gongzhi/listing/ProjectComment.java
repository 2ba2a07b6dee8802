package org.gongzhi.listing;

import java.time.Instant;

/**
 * A beneficiary's 效能评价 of a completed project as staff read it: the score (1–5), what they wrote (numbers in it
 * masked when it was given) and when — never who wrote it.
 */
public record ProjectComment(int score, String comment, Instant at) {}
