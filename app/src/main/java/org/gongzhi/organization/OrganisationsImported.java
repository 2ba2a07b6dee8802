package org.gongzhi.organization;

/** An organisation workbook was imported and committed. */
public record OrganisationsImported(int created, int updated, int unchanged) {}
