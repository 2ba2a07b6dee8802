package org.gongzhi.listing;

/**
 * Where a project stands: 申报 (proposed) → 立项 (approved by the street, the co-funding split adding up to the budget;
 * under way from then) → 完成 (completed, with its outcome; the beneficiaries evaluate it); or 撤销 (cancelled
 * before completion).
 */
public enum ProjectStatus {
    PROPOSED,
    APPROVED,
    COMPLETED,
    CANCELLED
}
