package org.gongzhi.listing;

import java.util.List;

/** What matching proposes for a need: resources, the units that offer them, and experts — each ranked. */
public record NeedMatches(NeedView need, List<Match> resources, List<Match> units, List<Match> experts) {}
