package org.gongzhi.appeal;

import java.time.Instant;

/**
 * A record elsewhere that grew out of an appeal — e.g. kind {@code need}, target {@code /needs/…}, its title — so that
 * the appeal's page links to it.
 *
 * @param kind a short name for what it is (1–30 characters; the message {@code appeal.reference.<kind>} names it)
 * @param target the page it lives at, a path starting with {@code /}
 * @param label its title, up to 200 characters
 */
public record AppealReference(String kind, String target, String label, Instant recordedAt, String recordedBy) {}
