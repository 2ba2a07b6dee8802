package org.gongzhi.listing;

/** A resource's contact in full, as opened with a reason (audited). */
public record ContactDetails(String name, String phone) {}
