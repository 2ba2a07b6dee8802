package org.gongzhi.listing;

import java.util.List;

/** The open needs a resource could serve, ranked (the reverse of {@link NeedMatches}). */
public record ResourceMatches(ResourceView resource, List<Match> needs) {}
