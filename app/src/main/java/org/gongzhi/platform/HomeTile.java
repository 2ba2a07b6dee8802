package org.gongzhi.platform;

/**
 * A figure a module shows on the home page: a label (message key), a live value and where to read more. Modules
 * contribute tiles through {@link HomeTiles}, so the home page knows no module.
 */
public record HomeTile(int order, String labelKey, long value, String link) {}
