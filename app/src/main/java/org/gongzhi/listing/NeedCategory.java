package org.gongzhi.listing;

/**
 * A subject of the 需求清单: seed 000's six ({@code builtin}, named by the message {@code listing.need.category.<code>})
 * or one a 街道 added (named as it was typed).
 */
public record NeedCategory(String code, String name, boolean builtin) {}
