package org.gongzhi.appeal;

/**
 * An edit of a category as a street administrator sends it. Limits are written {@code 24h} (自然时), {@code 4wh} (工作时)
 * or {@code 7wd} (工作日).
 */
public record CategoryDetails(
        String name,
        String keywords,
        String filingCondition,
        String closingCondition,
        String responseLimit,
        String emergencyLimit,
        String ordinaryLimit,
        String complexLimit,
        String defaultHandler,
        Boolean active) {}
