package org.gongzhi.listing;

import java.util.List;
import java.util.UUID;

/**
 * A proposed candidate: a resource, a unit, an expert or a need ({@code kind} {@code RESOURCE}, {@code UNIT}, {@code
 * EXPERT}, {@code NEED}), its name, a line about it ({@code detail}: provider, affiliation, place), the score 0–100 and
 * the reasons, most telling first.
 */
public record Match(String kind, UUID id, String name, String detail, int score, List<MatchReason> reasons) {}
