package org.gongzhi.listing;

import java.time.Instant;

/** An expert advising a need or a project, with what they are asked to do. */
public record ExpertAssignment(ExpertView expert, String note, Instant assignedAt, String assignedBy) {}
