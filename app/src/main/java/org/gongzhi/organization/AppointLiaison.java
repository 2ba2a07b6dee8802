package org.gongzhi.organization;

/**
 * Names the 联络员 of a member unit's seat: a person's name (1–50 characters, personal data, masked when shown) and an
 * optional title (up to 100 characters).
 */
public record AppointLiaison(String liaisonName, String liaisonTitle) {}
